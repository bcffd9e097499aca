/**
 * Search as a reader uses it, in Chromium over the built site: words, a speaker
 * filter, OR over speakers, the URL round trip, and landing on the passage.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { closeSite, openSite } from '../helpers/browser.ts';
import { DIST } from '../helpers/paths.ts';
import type { StaticServer } from '../helpers/static-server.ts';

let browser: Browser;
let server: StaticServer;
let page: Page;
const consoleErrors: string[] = [];

const statements = JSON.parse(readFileSync(join(DIST, 'data/statements.json'), 'utf8')).statements as { url: string; document: string; speakers: string[]; kind: string; text: string }[];
const speakerNames = new Map((JSON.parse(readFileSync(join(DIST, 'data/speakers.json'), 'utf8')).speakers as { id: string; name: string }[]).map((speaker) => [speaker.id, speaker.name]));
const speakerName = (id: string) => speakerNames.get(id) ?? id;
const PHONE_CALL = '/documents/2021-02-04-mfa-wang-yi-lavrov-phone-call/';
const WATERSHED = 'p2';

beforeAll(async () => ({ browser, server, page } = await openSite(consoleErrors)));
afterAll(() => closeSite({ browser, server }));

/** Waits for the status line to report a finished search and returns the result links' hrefs. */
async function results(): Promise<{ status: string; hrefs: string[]; sources: string[] }> {
  await page.waitForFunction(() => {
    const text = document.querySelector('#search-status')?.textContent ?? '';
    return /results? for|No results/u.test(text);
  });
  // The first page of results is rendered right after the status line.
  await page.waitForFunction(() => {
    const text = document.querySelector('#search-status')?.textContent ?? '';
    return text.startsWith('No results') || document.querySelectorAll('#search-results > li').length > 0;
  });
  const status = (await page.locator('#search-status').textContent()) ?? '';
  const hrefs = await page.locator('#search-results .result-source a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  const sources = await page.locator('#search-results .result-source').allInnerTexts();
  return { status, hrefs, sources };
}

function fragments(hrefs: string[]): string[] {
  return hrefs.map((href) => new URL(href, 'http://x').pathname + new URL(href, 'http://x').hash);
}

describe('search in the browser', () => {
  it('finds a quote by its words, with the speaker, and links to the exact passage', async () => {
    await page.goto(`${server.origin}/search/?q=watershed`);
    const { status, hrefs, sources } = await results();
    // One passage says it; the document's own record holds only its narration, so the quote is not found twice.
    expect(status).toBe('1 result for “watershed”.');
    expect(fragments(hrefs)).toEqual([`${PHONE_CALL}#${WATERSHED}`]);
    const index = fragments(hrefs).indexOf(`${PHONE_CALL}#${WATERSHED}`);
    expect(sources[index]).toContain('Wang Yi');
    expect(sources[index]).toContain('Ministry of Foreign Affairs');
    expect(sources[index]).toContain('February 4, 2021');
    await expect(page.locator('#search-results mark').first().textContent()).resolves.toMatch(/watershed/iu);
  });

  it('links a hit in a speaker’s later passage to that passage, not to the speaker’s first one in the document', async () => {
    // A word found in exactly one statement, which is not the first of its speaker's record.
    const words = (text: string) => new Set(text.toLowerCase().match(/\p{L}{7,}/gu) ?? []);
    const frequency = new Map<string, number>();
    for (const statement of statements) for (const word of words(statement.text)) frequency.set(word, (frequency.get(word) ?? 0) + 1);
    const groupKey = (statement: (typeof statements)[number]) => `${statement.document}|${statement.speakers.join(',')}|${statement.kind}`;
    const firsts = new Set<string>();
    const target = statements.find((statement) => {
      const key = groupKey(statement);
      if (!firsts.has(key)) return void firsts.add(key);
      return statement.speakers.length > 0 && [...words(statement.text)].some((word) => frequency.get(word) === 1);
    })!;
    const word = [...words(target.text)].find((candidate) => frequency.get(candidate) === 1)!;
    await page.goto(`${server.origin}/search/?q=${encodeURIComponent(word)}&speaker=${encodeURIComponent(speakerName(target.speakers[0]!))}`);
    const { hrefs } = await results();
    expect(fragments(hrefs)).toEqual([new URL(target.url, 'http://x').pathname + new URL(target.url, 'http://x').hash]);
    const passages = await page.locator('#search-results .result-passage').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(passages).toHaveLength(1);
    expect(passages[0]).toContain(new URL(target.url, 'http://x').hash);
    await expect(page.locator('#search-results .result-passage mark').first().textContent()).resolves.toMatch(new RegExp(word, 'iu'));
  });

  it('with a speaker filter returns only that speaker’s statements: “watershed” is Wang Yi’s, not Lavrov’s', async () => {
    await page.goto(`${server.origin}/search/?q=watershed&speaker=Sergey+Lavrov`);
    const lavrov = await results();
    expect(lavrov.status).toBe('No results for “watershed”.');
    await page.goto(`${server.origin}/search/?q=watershed&speaker=Wang+Yi`);
    const wang = await results();
    expect(fragments(wang.hrefs)).toEqual([`${PHONE_CALL}#${WATERSHED}`]);
  });

  it('leaves out, and says so, a link’s filter value that no checkbox has (a speaker’s id instead of their name)', async () => {
    await page.goto(`${server.origin}/search/?q=watershed`);
    const unfiltered = await results();
    await page.goto(`${server.origin}/search/?q=watershed&speaker=wang-yi`);
    const linked = await results();
    expect(linked.status).toBe(`${unfiltered.status} The link’s filter speaker “wang-yi” matches no value listed here and was left out.`);
    expect(linked.hrefs).toEqual(unfiltered.hrefs);
    expect(new URL(page.url()).search).toBe('?q=watershed');
    // The note goes with the next change of the search.
    await page.getByRole('checkbox', { name: /^Wang Yi/u }).check();
    const ticked = await results();
    expect(ticked.status).toBe('1 result for “watershed”.');
  });

  it('ORs two speakers within the facet and counts each value', async () => {
    await page.goto(`${server.origin}/search/?q=unstable`);
    const all = await results();
    // Hua Chunying's line is reported by three outlets.
    expect(all.hrefs.length).toBeGreaterThanOrEqual(3);
    await page.getByRole('checkbox', { name: /^Hua Chunying/u }).check();
    const hua = await results();
    expect(hua.sources.every((source) => source.startsWith('Hua Chunying'))).toBe(true);
    expect(hua.hrefs.length).toBe(3);
    await page.getByRole('checkbox', { name: /^Sergey Lavrov/u }).check();
    const both = await results();
    expect(both.sources.every((source) => /^(Hua Chunying|Sergey Lavrov)/u.test(source))).toBe(true);
    expect(both.hrefs.length).toBeGreaterThanOrEqual(hua.hrefs.length);
    const url = new URL(page.url());
    expect(url.searchParams.getAll('speaker').sort()).toEqual(['Hua Chunying', 'Sergey Lavrov']);
    // The count beside a speaker is the number of results that speaker would add, whatever else is ticked.
    const count = (facet: string, value: string) => page.locator(`fieldset[data-facet="${facet}"] label:has(input[value="${value}"]) .facet-count`).textContent();
    expect(await count('speaker', 'Hua Chunying')).toBe('(3)');
    // Every facet is counted over the results of the others: Hua Chunying's line in each of three outlets.
    await page.getByRole('checkbox', { name: /^Sergey Lavrov/u }).uncheck();
    await results();
    await page.waitForFunction(() => document.querySelector('fieldset[data-facet="outlet"] label:has(input[value="The Diplomat"]) .facet-count')?.textContent === '(1)');
    expect(await count('outlet', 'The Diplomat')).toBe('(1)');
    expect(await count('outlet', 'MEMRI')).toBe('(1)');
    expect(await count('year', '2023')).toBe('(0)');
    expect(await count('kind', 'statement')).toBe('(3)');
  });

  it('keeps the query and filters in the URL: typed, reloaded, and back again', async () => {
    await page.goto(`${server.origin}/search/`);
    await page.locator('#search-query').fill('multipolar');
    await page.getByRole('checkbox', { name: /^2021/u }).check();
    await results();
    const url = new URL(page.url());
    expect(url.searchParams.get('q')).toBe('multipolar');
    expect(url.searchParams.getAll('year')).toEqual(['2021']);
    const before = await results();

    await page.reload();
    await expect(page.locator('#search-query').inputValue()).resolves.toBe('multipolar');
    await expect(page.getByRole('checkbox', { name: /^2021/u }).isChecked()).resolves.toBe(true);
    const after = await results();
    expect(after.hrefs).toEqual(before.hrefs);

    await page.getByRole('checkbox', { name: /^2021/u }).uncheck();
    await results();
    expect(new URL(page.url()).searchParams.getAll('year')).toEqual([]);
    await page.goBack();
    await expect(page.getByRole('checkbox', { name: /^2021/u }).isChecked()).resolves.toBe(true);
  });

  it('lands on the passage with the searched words highlighted', async () => {
    await page.goto(`${server.origin}/search/?q=watershed&speaker=Wang+Yi`);
    await results();
    await page.locator('#search-results .result-source a').first().click();
    await page.waitForURL(`**${PHONE_CALL}?hl=watershed#${WATERSHED}`);
    const target = page.locator(`#${WATERSHED}`);
    await expect(target.locator('mark.search-hit').allTextContents()).resolves.toEqual(['watershed']);
    await expect(target.evaluate((element) => element.classList.contains('search-target'))).resolves.toBe(true);
    // In view: the reader lands on the passage, not the top of the page.
    const box = await target.boundingBox();
    const viewport = page.viewportSize();
    expect(box && viewport && box.y > -2 && box.y < viewport.height / 2).toBe(true);
    await expect(page.evaluate(() => window.scrollY)).resolves.toBeGreaterThan(100);
  });

  it('is reached from any page with “/” and from the header box without JavaScript on the page itself', async () => {
    await page.goto(`${server.origin}${PHONE_CALL}`);
    await page.keyboard.press('/');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('site-search');
    await page.keyboard.type('Guilin');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/search/?q=Guilin');
    const { hrefs } = await results();
    expect(hrefs.length).toBeGreaterThan(0);
    await page.locator('body').click();
    await page.keyboard.press('Control+k');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('search-query');
  });

  it('does not load the search code on a document page until the reader searches', async () => {
    const requested: string[] = [];
    const listener = (request: { url(): string }) => requested.push(new URL(request.url()).pathname);
    page.on('request', listener);
    await page.goto(`${server.origin}${PHONE_CALL}`);
    await page.waitForLoadState('networkidle');
    page.off('request', listener);
    expect(requested.filter((path) => path.startsWith('/pagefind/'))).toEqual([]);
    // The page's own enhancements (statement tools, previews) load; the search page's code does not.
    expect(requested.filter((path) => path.endsWith('.js') && /search/u.test(path))).toEqual([]);
    // And no script blocks rendering: every script is a module (deferred) or the hashed one-line theme script.
    const blocking = await page.locator('script:not([type="module"]):not([type="application/ld+json"])').evaluateAll((scripts) => scripts.map((script) => script.textContent ?? ''));
    expect(blocking.every((body) => body.startsWith('try{var t=localStorage.getItem'))).toBe(true);
  });

  it('lists all of a speaker’s statements from their page, with no words typed', async () => {
    await page.goto(`${server.origin}/speakers/sergey-lavrov/`);
    const heading = (await page.getByRole('heading', { level: 2, name: /^Statements/u }).textContent()) ?? '';
    const listed = Number(/\((\d+)\)/u.exec(heading)?.[1]);
    expect(listed).toBeGreaterThan(5);
    await page.getByRole('link', { name: /Search within Sergey Lavrov/u }).click();
    const { status, sources } = await results();
    // A result is Lavrov's passages of one kind in one document.
    const lavrov = statements.filter((statement) => statement.speakers.includes('sergey-lavrov'));
    const groups = new Set(lavrov.map((statement) => `${statement.document}|${statement.speakers.join(',')}|${statement.kind}`));
    expect(lavrov.length).toBe(listed);
    expect(status).toBe(`${groups.size} results for these filters.`);
    const passages = await page.locator('#search-results .result-passage').count();
    const more = await page.locator('#search-results .result-more').allTextContents();
    expect(passages + more.reduce((sum, text) => sum + Number(/^(\d+)/u.exec(text)?.[1] ?? 0), 0)).toBe(listed);
    expect(sources.every((source) => /Sergey Lavrov/u.test(source.split(' · ')[0]!))).toBe(true);
  });

  it('downloads at most 150 KB (gzip) for a first search and shows results within 2 s', async () => {
    const fresh = await browser.newPage();
    await fresh.goto(`${server.origin}/search/`);
    await fresh.waitForLoadState('networkidle');
    const requested: string[] = [];
    fresh.on('request', (request) => requested.push(new URL(request.url()).pathname));
    const started = Date.now();
    await fresh.locator('#search-query').fill('partnership');
    await fresh.keyboard.press('Enter');
    await fresh.waitForSelector('#search-results > li');
    const elapsed = Date.now() - started;
    await fresh.waitForLoadState('networkidle');
    await fresh.close();
    const bytes = requested
      .filter((path) => path.startsWith('/pagefind/'))
      .reduce((sum, path) => sum + gzipSync(readFileSync(join(DIST, path))).length, 0);
    expect(requested.some((path) => path.endsWith('.pf_index'))).toBe(true);
    expect(bytes).toBeLessThanOrEqual(150_000);
    expect(elapsed).toBeLessThan(2_000);
    console.info(`first search: ${requested.filter((path) => path.startsWith('/pagefind/')).length} files, ${bytes} bytes gzip, first results in ${elapsed} ms`);
  });

  it('links the next page of results with the query they were found for, not words typed since', async () => {
    await page.goto(`${server.origin}/search/?q=Lavrov`);
    await results();
    expect(await page.locator('#search-more').isVisible()).toBe(true);
    // Words in the box the search has not run for yet (typed within the 200 ms before it runs).
    await page.evaluate(() => {
      document.querySelector<HTMLInputElement>('#search-query')!.value = 'unsearched words';
    });
    await page.locator('#search-more').click();
    await page.waitForFunction(() => document.querySelectorAll('#search-results > li').length > 10);
    const hrefs = await page.locator('#search-results > li:nth-child(n+11) .result-source a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.every((href) => new URL(href, 'http://x').searchParams.get('hl') === 'Lavrov')).toBe(true);
  });

  it('logs no console errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});
