/** Related statements as a reader uses them: by keyboard, without JavaScript, landing on the exact passage. */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { serveDist, type StaticServer } from '../helpers/static-server.ts';

let browser: Browser;
let server: StaticServer;
let context: BrowserContext;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), serveDist()]);
  context = await browser.newContext({ javaScriptEnabled: false });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('related statements, with JavaScript off', () => {
  it('a keyboard user reaches "Also reported by" and lands on the passage in the other outlet', async () => {
    const page = await context.newPage();
    await page.goto(`${server.origin}/documents/2021-03-23-diplomat-china-russia-show-solidarity/`);
    let focused = '';
    for (let presses = 0; presses < 200 && !focused.startsWith('/documents/2021-03-23-tracker'); presses++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => (document.activeElement?.closest('.related') ? (document.activeElement.getAttribute('href') ?? '') : ''));
    }
    expect(focused).toMatch(/^\/documents\/2021-03-23-tracker-china-russia-ties-after-anchorage\/#p[1-9]\d*(-\d+)?$/u);
    await page.keyboard.press('Enter');
    await page.waitForURL(`**${focused}`);
    const target = page.locator(':target');
    await expect(target.count()).resolves.toBe(1);
    await expect(target.getAttribute('data-speakers')).resolves.toBeTruthy();
    await page.close();
  });

  it('the comparison view shows both renderings with the differing words marked', async () => {
    const page = await context.newPage();
    await page.goto(`${server.origin}/documents/2021-03-23-diplomat-china-russia-show-solidarity/`);
    const compare = page.locator('.related li[data-relation-kind="translation"] a.compare-link').first();
    await compare.click();
    await page.waitForURL('**/compare/**');
    // The link lands on its pair, on the comparison page of the document it came from.
    const pair = page.locator(`[id="${decodeURIComponent(new URL(page.url()).hash.slice(1))}"]`);
    expect(((await pair.locator('h2').textContent()) ?? '').trim()).toMatch(/^Two renderings of the same words: The Diplomat and /u);
    await expect(pair.locator('.compare > .compare-side').count()).resolves.toBe(2);
    expect(await pair.locator('.compare mark').count()).toBeGreaterThan(0);
    expect(((await pair.locator('.compare > .compare-side').first().locator('h3').textContent()) ?? '').trim()).toMatch(/^The Diplomat/u);
    await page.close();
  });
});
