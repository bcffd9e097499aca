/**
 * A large index is written in shards (search-index.ts) that the search page
 * merges. Here the built site's index is written again in shards of 20,000
 * characters (the five documents make several), and the same searches must
 * give the same results and facet counts on both sites.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCorpus } from '../../src/lib/corpus.ts';
import { searchRecordsByDocument } from '../../src/lib/parallel-outputs.ts';
import { SHARD_MANIFEST, writeSearchIndex } from '../../src/lib/search-index.ts';
import { closeSite, launchChromium, recordConsoleErrors } from '../helpers/browser.ts';
import { DIST, ROOT } from '../helpers/paths.ts';
import { serveDist, type StaticServer } from '../helpers/static-server.ts';

let browser: Browser;
let whole: StaticServer;
let sharded: StaticServer;
let page: Page;
let shardedDist: string;
let shards = 0;
const consoleErrors: string[] = [];

beforeAll(async () => {
  shardedDist = mkdtempSync(join(tmpdir(), 'dispatch-shards-'));
  cpSync(DIST, shardedDist, { recursive: true });
  rmSync(join(shardedDist, 'pagefind'), { recursive: true });
  ({ shards } = await writeSearchIndex(searchRecordsByDocument(readCorpus(resolve(ROOT))), shardedDist, { shardCharacters: 20_000 }));
  [browser, whole, sharded] = await Promise.all([launchChromium(), serveDist(), serveDist(shardedDist)]);
  page = await browser.newPage();
  recordConsoleErrors(page, consoleErrors);
}, 120_000);
afterAll(async () => {
  await closeSite({ browser, server: whole });
  await sharded?.close();
  rmSync(shardedDist, { recursive: true, force: true });
});

/** The finished search's status line, result links and the speaker facet's counts. */
async function search(origin: string, query: string) {
  await page.goto(`${origin}/search/${query}`);
  await page.waitForFunction(() => /results? for|No results/u.test(document.querySelector('#search-status')?.textContent ?? ''));
  await page.waitForFunction(() => {
    const text = document.querySelector('#search-status')?.textContent ?? '';
    return text.startsWith('No results') || document.querySelectorAll('#search-results > li').length > 0;
  });
  return {
    status: await page.locator('#search-status').textContent(),
    links: (await page.locator('#search-results a').evaluateAll((links) => links.map((link) => link.getAttribute('href')))).sort(),
    facets: await page.locator('#search-form fieldset').allInnerTexts(),
  };
}

describe('a search index written in shards', () => {
  it('has several shards, listed in the manifest the search page reads', () => {
    expect(shards).toBeGreaterThanOrEqual(3);
    const manifest = JSON.parse(readFileSync(join(shardedDist, 'pagefind', SHARD_MANIFEST), 'utf8')) as { merge: string[] };
    expect(manifest.merge).toHaveLength(shards - 1);
    expect(manifest.merge[0]).toBe('/pagefind-2/');
    expect(JSON.parse(readFileSync(join(DIST, 'pagefind', SHARD_MANIFEST), 'utf8'))).toEqual({ merge: [] });
  });

  it.each([['?q=watershed'], ['?q=Guilin'], ['?q=multipolar'], ['?q=Lavrov&speaker=Wang+Yi'], ['?speaker=Sergey+Lavrov&year=2021']])(
    'gives the same results and counts as one index for %s',
    async (query) => {
      const one = await search(whole.origin, query);
      const merged = await search(sharded.origin, query);
      expect(one.status).toMatch(/\d+ results? for|^\d+ results?/u);
      expect(merged).toEqual(one);
    },
    60_000,
  );

  // Pagefind looks a word its index lacks up by the longest prefix the index has (so that "installa" finds "install").
  // A shard that lacks a word another shard has therefore adds its near matches: "sovereignty" is in one document, and
  // the shards without it answer with "sovereign" and shorter prefixes. The single index's results are all there.
  it('finds every result of one index when a word is missing from some shards, with near matches from those', async () => {
    const one = await search(whole.origin, '?q=sovereignty');
    const merged = await search(sharded.origin, '?q=sovereignty');
    expect(one.status).toBe('1 result for “sovereignty”.');
    expect(merged.status).toMatch(/^\d+ results for “sovereignty”\.$/u);
    for (const link of one.links) expect(merged.links).toContain(link);
    expect(merged.links.length).toBeGreaterThan(one.links.length);
  }, 60_000);

  it('logs no error in the browser', () => {
    expect(consoleErrors).toEqual([]);
  });
});
