/** Reader features in Chromium: theme toggle, copy link, cite a statement, previews, small screens, print. */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, recordConsoleErrors } from '../helpers/browser.ts';
import { serveDist, type StaticServer } from '../helpers/static-server.ts';

let browser: Browser;
let server: StaticServer;
let context: BrowserContext;
let page: Page;
const errors: string[] = [];

const PHONE_CALL = '/documents/2021-02-04-mfa-wang-yi-lavrov-phone-call/';
const WATERSHED = 'p2';
const MEMRI = '/documents/2021-03-24-memri-special-dispatch-9252/';
const DOCUMENTS = [
  '2021-02-04-mfa-wang-yi-lavrov-phone-call',
  '2021-03-23-diplomat-china-russia-show-solidarity',
  '2021-03-23-tracker-china-russia-ties-after-anchorage',
  '2021-03-24-memri-special-dispatch-9252',
  '2023-09-19-mfa-wang-yi-meets-lavrov',
];

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), serveDist()]);
  context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  page = await context.newPage();
  recordConsoleErrors(page, errors);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

describe('reader features', () => {
  it('switches to the dark scheme and remembers it across pages and reloads', async () => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(`${server.origin}/`);
    const light = await background();
    const toggle = page.locator('#theme-toggle');
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('false');
    await toggle.click();
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('true');
    const dark = await background();
    expect(dark).not.toBe(light);
    await page.goto(`${server.origin}${PHONE_CALL}`);
    await expect(page.evaluate(() => document.documentElement.dataset['theme'])).resolves.toBe('dark');
    expect(await background()).toBe(dark);
    await page.locator('#theme-toggle').click();
    await page.reload();
    expect(await background()).toBe(light);
  });

  it('copies a statement’s permalink', async () => {
    await page.goto(`${server.origin}${PHONE_CALL}`);
    const tools = page.locator(`#${WATERSHED} .statement-tools`);
    await tools.getByRole('button', { name: 'Copy link to this statement' }).click();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(`https://dispatch-reader.example.org${PHONE_CALL}#${WATERSHED}`);
  });

  it('cites a statement: a Chicago note naming the speaker, and downloads in three formats', async () => {
    await page.goto(`${server.origin}${PHONE_CALL}`);
    const cite = page.locator(`#${WATERSHED} .statement-tools`).getByRole('button', { name: /^Cite this statement \(Wang Yi\)/u });
    await cite.click();
    await expect(cite.getAttribute('aria-expanded')).resolves.toBe('true');
    const panel = page.locator(`#cite-${WATERSHED}`);
    const note = (await panel.locator('p').first().textContent()) ?? '';
    expect(note).toMatch(/^Wang Yi, quoted in Ministry of Foreign Affairs of the People's Republic of China, “Wang Yi Speaks with Russian Foreign Minister Sergey Lavrov on the Phone,”/u);
    expect(note).toContain(`#${WATERSHED}`);
    const downloads = await panel.locator('a[download]').evaluateAll((links) => links.map((link) => link.getAttribute('download')));
    expect(downloads).toEqual([`2021-02-04-mfa-wang-yi-lavrov-phone-call-${WATERSHED}.bib`, `2021-02-04-mfa-wang-yi-lavrov-phone-call-${WATERSHED}.ris`, `2021-02-04-mfa-wang-yi-lavrov-phone-call-${WATERSHED}.json`]);
    const [download] = await Promise.all([page.waitForEvent('download'), panel.locator('a[download]').first().click()]);
    const text = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
    expect(text).toMatch(/^@online\{2021-02-04-mfa-wang-yi-lavrov-phone-call:p2,/u);
    await cite.click();
    await expect(panel.count()).resolves.toBe(0);
  });

  it('cites a statement with the same document record as the page’s own citation (reference included)', async () => {
    await page.goto(`${server.origin}${MEMRI}`);
    const documentNote = ((await page.locator('.cite p').first().textContent()) ?? '').replace(/^Note: /u, '');
    const statement = page.locator('.statement[id]').first();
    await statement.locator('.statement-tools').getByRole('button', { name: /^Cite this statement/u }).click();
    const note = (await page.locator('.statement-cite p').first().textContent()) ?? '';
    expect(documentNote).toContain('Special Dispatch No. 9252');
    expect(note).toContain('Special Dispatch No. 9252');
    expect(note).toContain('“Following U.S.-China Meeting');
  });

  // The button reads the document's record from the page's citation_* tags and data-* attributes: it must be the record
  // the build cites with. Checked on every document (an inferred date and a section on The Diplomat's, a reference on
  // MEMRI's): the statement's CSL-JSON, made in the browser, is the entry /cite/<slug>.json publishes, the access date aside.
  it.each(DOCUMENTS)('%s: a statement’s citation is the one the build publishes for it', async (slug) => {
    await page.goto(`${server.origin}/documents/${slug}/`);
    const statement = page.locator('.statement[id]').first();
    const id = await statement.getAttribute('id');
    await statement.locator('.statement-tools').getByRole('button', { name: /^Cite this statement/u }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`#cite-${id} a[download$=".json"]`).click()]);
    const made = JSON.parse(await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'))) as Record<string, unknown>;
    const published = (await (await fetch(`${server.origin}/cite/${slug}.json`)).json()) as Record<string, unknown>[];
    const { accessed: _today, ...rest } = made;
    const { accessed: _built, ...expected } = published.find((entry) => entry['id'] === `${slug}/${id}`)!;
    expect(rest).toEqual(expected);
  });

  it('previews a footnote on focus, and a related passage on hover, with the passage itself', async () => {
    await page.goto(`${server.origin}${MEMRI}`);
    await page.locator('a[data-footnote-ref]').first().focus();
    const tip = page.locator('#link-preview');
    await expect(tip.isVisible()).resolves.toBe(true);
    await expect(tip.textContent()).resolves.toContain('March 23, 2021');
    await page.keyboard.press('Escape');
    await expect(tip.isVisible()).resolves.toBe(false);

    const related = page.locator('.related a:not(.compare-link)').first();
    const href = (await related.getAttribute('href'))!;
    await related.hover();
    await page.waitForFunction(() => !document.querySelector('#link-preview')?.hasAttribute('hidden'));
    const previewed = (await tip.textContent()) ?? '';
    // The passage, from the page it lives on: the same words as there.
    const other = await context.newPage();
    await other.goto(`${server.origin}${href}`);
    const id = decodeURIComponent(new URL(href, server.origin).hash.slice(1));
    const words = await other.locator(`[id="${id}"]`).evaluate((element) => {
      const copy = element.cloneNode(true) as Element;
      copy.querySelectorAll('[data-added]').forEach((added) => added.remove());
      return (copy.textContent ?? '').replace(/\s+/gu, ' ').trim();
    });
    await other.close();
    expect(previewed.replace(/…$/u, '')).toBe(words.slice(0, previewed.replace(/…$/u, '').length));
    expect(previewed.length).toBeGreaterThan(20);
  });

  it.each(['/', PHONE_CALL, MEMRI, '/search/?q=partnership', '/timeline/', '/speakers/wang-yi/'])('%s fits a 320 px screen without sideways scrolling', async (path) => {
    const small = await browser.newPage({ viewport: { width: 320, height: 640 } });
    await small.goto(`${server.origin}${path}`);
    const overflow = await small.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await small.close();
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('prints a document without the site’s navigation and controls, with its notes and where it came from', async () => {
    await page.goto(`${server.origin}${MEMRI}`);
    await page.emulateMedia({ media: 'print' });
    const shown = (selector: string) => page.locator(selector).first().evaluate((element) => getComputedStyle(element).display !== 'none');
    await expect(shown('.site-header')).resolves.toBe(false);
    await expect(shown('.related')).resolves.toBe(false);
    await expect(shown('.statement-tools')).resolves.toBe(false);
    await expect(shown('.footnotes')).resolves.toBe(true);
    await expect(shown('.document-meta')).resolves.toBe(true);
    await expect(shown('.print-only')).resolves.toBe(true);
    await page.emulateMedia({ media: 'screen' });
  });

  it('does not move the page once it is shown: no layout shift on a phone-sized screen, and no theme button without scripts', async () => {
    const phone = await browser.newContext({ viewport: { width: 412, height: 823 } });
    const shifted = await phone.newPage();
    for (const path of ['/', MEMRI, '/speakers/sergey-lavrov/', '/timeline/', '/search/']) {
      await shifted.goto(`${server.origin}${path}`);
      await shifted.waitForLoadState('networkidle');
      const total = await shifted.evaluate(
        () =>
          new Promise<number>((resolve) => {
            let sum = 0;
            new PerformanceObserver((list) => {
              for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!entry.hadRecentInput) sum += entry.value;
            }).observe({ type: 'layout-shift', buffered: true });
            setTimeout(() => resolve(sum), 300);
          }),
      );
      expect(total, path).toBeLessThan(0.01);
    }
    await phone.close();
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const plain = await noScript.newPage();
    await plain.goto(`${server.origin}/`);
    await expect(plain.locator('#theme-toggle').isVisible()).resolves.toBe(false);
    await noScript.close();
  });

  it('logs no console errors', () => {
    expect(errors).toEqual([]);
  });
});
