/** Everything by keyboard alone: footnotes there and back, search to a passage, and a comparison. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSite, openSite } from '../helpers/browser.ts';
import type { StaticServer } from '../helpers/static-server.ts';

let browser: Browser;
let server: StaticServer;
let page: Page;

beforeAll(async () => ({ browser, server, page } = await openSite()));
afterAll(() => closeSite({ browser, server }));

const focusedHref = () => page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.getAttribute('href') ?? '');

/** Presses Tab until the focused link's href satisfies `wanted`; fails if it never does. */
async function tabTo(wanted: (href: string) => boolean, limit = 400): Promise<string> {
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press('Tab');
    const href = await focusedHref();
    if (wanted(href)) return href;
  }
  throw new Error('the link was never reached by Tab');
}

describe('by keyboard alone', () => {
  it('follows a footnote reference to its note and the back link to the reference', async () => {
    await page.goto(`${server.origin}/documents/2021-03-24-memri-special-dispatch-9252/`);
    await tabTo((href) => href === '#user-content-fn-1');
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).hash).toBe('#user-content-fn-1');
    await tabTo((href) => href === '#user-content-fnref-1');
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).hash).toBe('#user-content-fnref-1');
  });

  it('searches from the header, tabs to a result and lands on the passage', async () => {
    await page.goto(`${server.origin}/timeline/`);
    await page.keyboard.press('/');
    await page.keyboard.type('watershed');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#search-results > li');
    const href = await tabTo((candidate) => /#p[1-9]\d*(-\d+)?$/u.test(candidate));
    await page.keyboard.press('Enter');
    await page.waitForURL(`**${href}`);
    expect(await page.locator('mark.search-hit').count()).toBeGreaterThan(0);
  });

  it('opens a comparison from a related statement and reaches both passages from it', async () => {
    await page.goto(`${server.origin}/documents/2021-03-23-diplomat-china-russia-show-solidarity/`);
    await tabTo((href) => href.startsWith('/compare/'));
    await page.keyboard.press('Enter');
    await page.waitForURL('**/compare/**');
    const passage = await tabTo((href) => href.startsWith('/documents/') && /#p[1-9]\d*(-\d+)?$/u.test(href));
    await page.keyboard.press('Enter');
    await page.waitForURL(`**${passage}`);
    const id = decodeURIComponent(new URL(page.url()).hash.slice(1));
    await expect(page.locator(`[id="${id}"]`).count()).resolves.toBe(1);
  });

  it('shows where the focus is on every focusable element type', async () => {
    await page.goto(`${server.origin}/search/`);
    for (const selector of ['a[href]', 'input[type="search"]', 'input[type="checkbox"]', 'button']) {
      const outline = await page.locator(selector).first().evaluate((element) => {
        (element as HTMLElement).focus();
        const style = getComputedStyle(element);
        return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
      });
      expect(outline, selector).toBe(true);
    }
  });
});
