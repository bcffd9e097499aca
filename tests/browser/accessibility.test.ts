/**
 * Every page of the built site in Chromium, in the light and the dark colour
 * scheme: zero axe-core violations (WCAG 2.2 A and AA rules), and no console
 * error (a CSP violation is one) while the page loads and runs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSite, openSite } from '../helpers/browser.ts';
import { DIST } from '../helpers/paths.ts';
import type { StaticServer } from '../helpers/static-server.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const paths = readdirSync(DIST, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('index.html') && !file.startsWith('pagefind'))
  .map((file) => `/${file.replace(/index\.html$/u, '')}`)
  .sort();

let browser: Browser;
let server: StaticServer;
let page: Page;
const errors: string[] = [];

// One array for the whole run, emptied before each page.
beforeAll(async () => ({ browser, server, page } = await openSite(errors)));
afterAll(() => closeSite({ browser, server }));

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

async function violations(): Promise<string[]> {
  // Evaluated through the DevTools protocol, so the page's CSP (which would refuse an inline script) does not apply.
  await page.evaluate(axeSource);
  const found = (await page.evaluate(() =>
    // @ts-expect-error axe is the global the script above defines.
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } }).then((result) => result.violations),
  )) as AxeViolation[];
  return found.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(', ')})`);
}

describe.each(['light', 'dark'] as const)('every page, %s colour scheme', (scheme) => {
  it('there are pages to check', () => {
    expect(paths.length).toBeGreaterThan(25);
  });

  it.each(paths)('%s: no axe violation, no console error', async (path) => {
    errors.length = 0;
    await page.emulateMedia({ colorScheme: scheme });
    // A search page with a query runs the search, so the results and facets are checked too.
    const url = path === '/search/' ? `${server.origin}/search/?q=partnership&speaker=Wang+Yi` : `${server.origin}${path}`;
    await page.goto(url, { waitUntil: 'load' });
    if (path === '/search/') await page.waitForSelector('#search-results > li');
    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
  });
});
