/**
 * What a reader's first search downloads: serves a built site on loopback,
 * opens its search page in Chromium, searches for a word of middling
 * frequency, and sums the gzip size of every file fetched from the search
 * index, every shard's (/pagefind/, /pagefind-2/, …; its index files are
 * already compressed) until the first results show, and
 * again once the facet counts have loaded.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { serveSite } from './serve.ts';

/** A word found in about one document in twenty: neither rare nor everywhere. */
export function middlingWord(dist: string): string {
  const folder = join(dist, 'documents');
  const pages = readdirSync(folder);
  const frequency = new Map<string, number>();
  for (const page of pages) {
    const text = readFileSync(join(folder, page, 'index.html'), 'utf8').replace(/<[^>]+>/gu, ' ').toLowerCase();
    for (const word of new Set(text.match(/\p{Ll}{6,}/gu) ?? [])) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  }
  const target = Math.max(2, pages.length / 20);
  return [...frequency].sort((a, b) => Math.abs(a[1] - target) - Math.abs(b[1] - target) || a[0].localeCompare(b[0]))[0]![0];
}

/** A file of the search index, in any shard's folder: a sharded index is merged from /pagefind/, /pagefind-2/, …, and a rebuild's overlay from /pagefind-changes/ */
export const INDEX_PATH = /^\/pagefind(?:-[a-z0-9]+)?\//u;
/** The filter indexes, which only the facet counts need. */
const FILTER_PATH = /^\/pagefind(?:-[a-z0-9]+)?\/filter\//u;

export interface FirstSearch {
  word: string;
  /** gzip bytes from the index's folders until the first results show. */
  gzipBytes: number;
  /** And after the facet counts, which load once the results are shown. */
  withCountsGzipBytes: number;
  files: number;
  results: number;
}

/** Types the word into the site's own search page, as a reader would, and sums what it fetched from the index's folders. */
export async function firstSearchBytes(dist: string): Promise<FirstSearch> {
  const word = middlingWord(dist);
  const site = await serveSite(dist);
  const origin = site.origin;
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const gzipOf = (paths: readonly string[]) => paths.reduce((sum, path) => sum + gzipSync(readFileSync(join(dist, path))).length, 0);
  try {
    const page = await browser.newPage();
    const searchPage = join(dist, 'search/index.html');
    const hasSearchPage = existsSync(searchPage) && readFileSync(searchPage, 'utf8').includes('id="search-query"');
    await page.goto(`${origin}/${hasSearchPage ? 'search/' : ''}`);
    await page.waitForLoadState('networkidle');
    const fetched: string[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (INDEX_PATH.test(path)) fetched.push(path);
    });
    if (!hasSearchPage) {
      // A site with no search page of its own (the plain reference): Pagefind's API with its defaults, the first ten results loaded.
      const results = await page.evaluate(async (query) => {
        const pagefind = await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`);
        const search = await pagefind.search(query);
        await Promise.all(search.results.slice(0, 10).map((result: { data(): Promise<unknown> }) => result.data()));
        return search.results.length as number;
      }, word);
      return { word, gzipBytes: gzipOf(fetched), withCountsGzipBytes: gzipOf(fetched), files: fetched.length, results };
    }
    await page.locator('#search-query').fill(word);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#search-results > li', { timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    // The filter indexes are what the counts need; everything else is what the results needed.
    const first = fetched.filter((path) => !FILTER_PATH.test(path));
    const results = Number(/^(\d+)/u.exec((await page.locator('#search-status').textContent()) ?? '')?.[1] ?? 0);
    return { word, gzipBytes: gzipOf(first), withCountsGzipBytes: gzipOf(fetched), files: first.length, results };
  } finally {
    await browser.close();
    await site.close();
  }
}
