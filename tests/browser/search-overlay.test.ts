/**
 * A rebuild may keep the last build's search index and index only the changed
 * records beside it (search-index-base.ts). Here a base is written from the
 * records as they were before two edits (one statement's wording, and a
 * document since removed), the site's real records are written over it as an
 * overlay, and the search page must give the same results and facet counts as
 * the built site's whole index of those records.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCorpus } from '../../src/lib/corpus.ts';
import { searchRecordsByDocument } from '../../src/lib/parallel-outputs.ts';
import { baseKey } from '../../src/lib/search-index-base.ts';
import { SHARD_MANIFEST, writeSearchIndex, type SearchIndexReport, type ShardManifest } from '../../src/lib/search-index.ts';
import type { SearchRecord } from '../../src/lib/search-records.ts';
import { closeSite, launchChromium, recordConsoleErrors } from '../helpers/browser.ts';
import { DIST, ROOT } from '../helpers/paths.ts';
import { serveDist, type StaticServer } from '../helpers/static-server.ts';

let browser: Browser;
let whole: StaticServer;
let overlaid: StaticServer;
let page: Page;
let baseDist: string;
let overlayDist: string;
let report: SearchIndexReport;
const consoleErrors: string[] = [];

/** The word the edit brought into one statement, and the one it replaced there. */
const NEW_WORD = 'Guilin';
const OLD_WORD = 'Xanadu';
const REMOVED: SearchRecord = {
  url: '/documents/2021-01-01-a-removed-document/',
  content: 'A removed document about quokkas',
  language: 'en',
  meta: { title: 'A removed document', kind: 'document' },
  filters: { outlet: ['The Diplomat'], year: ['2021'], kind: ['document'], document: ['A removed document'] },
};

beforeAll(async () => {
  const current = searchRecordsByDocument(readCorpus(resolve(ROOT)));
  const edited = current.flat().filter((record) => record.content.includes(NEW_WORD)).slice(0, 1);
  expect(edited).toHaveLength(1);
  const before = [...current.map((records) => records.map((record) => (edited.includes(record) ? { ...record, content: record.content.replaceAll(NEW_WORD, OLD_WORD) } : record))), [REMOVED]];
  baseDist = mkdtempSync(join(tmpdir(), 'dispatch-base-'));
  overlayDist = mkdtempSync(join(tmpdir(), 'dispatch-overlay-'));
  cpSync(DIST, overlayDist, { recursive: true });
  for (const folder of ['pagefind', 'pagefind-changes']) rmSync(join(overlayDist, folder), { recursive: true, force: true });
  const key = baseKey(ROOT);
  const { base } = await writeSearchIndex(before, baseDist, { incremental: { key, base: undefined, dir: '' } });
  // Five documents: any edited record is more than the default share of the content, past which the index is written whole.
  report = await writeSearchIndex(current, overlayDist, { incremental: { key, base, dir: baseDist, limits: { contentShare: 1, records: 250 } } });
  [browser, whole, overlaid] = await Promise.all([launchChromium(), serveDist(), serveDist(overlayDist)]);
  page = await browser.newPage();
  recordConsoleErrors(page, consoleErrors);
}, 120_000);
afterAll(async () => {
  await closeSite({ browser, server: whole });
  await overlaid?.close();
  for (const folder of [baseDist, overlayDist]) if (folder) rmSync(folder, { recursive: true, force: true });
});

async function search(origin: string, query: string) {
  await page.goto(`${origin}/search/${query}`);
  await page.waitForFunction(() => /results? for|No results/u.test(document.querySelector('#search-status')?.textContent ?? ''));
  await page.waitForFunction(() => {
    const text = document.querySelector('#search-status')?.textContent ?? '';
    return text.startsWith('No results') || document.querySelectorAll('#search-results > li').length > 0;
  });
  // The counts load after the results: wait until they stop changing.
  await page.waitForLoadState('networkidle');
  return {
    status: await page.locator('#search-status').textContent(),
    links: (await page.locator('#search-results a').evaluateAll((links) => links.map((link) => link.getAttribute('href')))).sort(),
    facets: await page.locator('#search-form fieldset').allInnerTexts(),
  };
}

describe('a search index written over the last build’s', () => {
  it('indexes only the changed records, and lists the old ones as superseded', () => {
    // The edited record is indexed again; it and the removed document's record are superseded.
    expect(report.overlay).toEqual({ reused: report.records - 1, changed: 1, superseded: 2 });
    const manifest = JSON.parse(readFileSync(join(overlayDist, 'pagefind', SHARD_MANIFEST), 'utf8')) as ShardManifest;
    expect(manifest.merge).toEqual(['/pagefind-changes/']);
    expect(Object.values(manifest.superseded ?? {})).toContainEqual(REMOVED.filters);
  });

  it.each([[`?q=${NEW_WORD}`], [`?q=${OLD_WORD}`], ['?q=quokkas'], ['?q=Anchorage'], ['?q=solidarity'], ['?q=multipolar'], ['?q=Lavrov&speaker=Wang+Yi'], ['?speaker=Sergey+Lavrov&year=2021'], ['?outlet=The+Diplomat']])(
    'gives the same results and counts as the whole index for %s',
    async (query) => {
      const one = await search(whole.origin, query);
      const overlay = await search(overlaid.origin, query);
      expect(one.status).toMatch(/results? for|No results/u);
      expect(overlay).toEqual(one);
    },
    60_000,
  );

  it('logs no error in the browser', () => {
    expect(consoleErrors).toEqual([]);
  });
});
