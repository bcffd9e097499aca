/**
 * The outputs that need no rendered page: the open dataset (/data/*.json), the
 * search index, the citation downloads and the raw sources. `npm run build` writes them in its own
 * process while Astro renders the pages (scripts/build.ts), on the core
 * Astro's single thread leaves idle; Astro on its own writes them when it is
 * done (integrations/parallel-outputs.ts). Either way, from the same corpus
 * and with this one function.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { citationFiles, citationPaths, citationsOf } from './citation-downloads.ts';
import { CONTENT_PATHS } from './content-paths.ts';
import type { Corpus } from './corpus.ts';
import { openDataset, type OpenDataset } from './open-dataset.ts';
import { linkOrCopyFile } from './link-file.ts';
import { filesToWrite, type PageCacheSettings } from './page-cache.ts';
import type { Relation } from './relations/detect-relations.ts';
import { writeSearchIndex, type SearchIndexReport } from './search-index.ts';
import { documentSearchRecords, passageSearchRecords, type SearchDataset, type SearchRecord } from './search-records.ts';

export interface ParallelOutputsReport extends SearchIndexReport {
  documents: number;
  downloads: number;
  milliseconds: number;
}

/** Each document's records (its own first, then its passages'), in dataset order: the unit a search shard never splits. */
export function searchRecordsByDocument(corpus: Corpus, data: OpenDataset = openDataset(corpus, [])): SearchRecord[][] {
  const dataset: SearchDataset = { statements: data.statements.statements, documents: data.documents.documents, speakers: data.speakers.speakers };
  const textOf = new Map(corpus.documents.map(({ document, masthead, narration }) => [document.slug, { masthead, narration }]));
  const byPage = new Map<string, SearchRecord[]>();
  const add = (record: SearchRecord) => {
    const page = record.url.split('#')[0]!;
    const list = byPage.get(page);
    if (list) list.push(record);
    else byPage.set(page, [record]);
  };
  documentSearchRecords(dataset, (slug) => textOf.get(slug)!).forEach(add);
  passageSearchRecords(dataset).forEach(add);
  return [...byPage.values()];
}

/**
 * Written synchronously: in `npm run build` the search index has its own thread and this one nothing else to do, and
 * 5,000 awaited writes at 1,000 documents each waited their turn in libuv's thread pool behind the index's files
 * (17 s of a rebuild, for 1 s of work). (`astro build` alone feeds Pagefind from this thread: there the index waits
 * the second the downloads take.) With `cache` (a rebuild by scripts/build.ts), a file made from the same data as the
 * last build's is not written but linked from it with the pages (page-cache.ts): a document's citations are its data,
 * a raw source its bytes. Returns the number of files, written or reused.
 */
function writeDownloads(root: string, corpus: Corpus, outDir: string, site: URL, cache?: PageCacheSettings): number {
  type Download = { path: string; data: unknown; write: () => void };
  const downloads: Download[] = [];
  // Two documents may be edited from one text as received: it is published once.
  const sources = new Set<string>();
  for (const { document, statements, source } of corpus.documents) {
    const citations = citationsOf(document, statements, corpus.speakers, site);
    let files: { path: string; text: string }[] | undefined;
    const formatted = () => (files ??= citationFiles(document.slug, citations));
    for (const { path } of citationPaths(document.slug)) {
      downloads.push({ path, data: citations, write: () => writeFileSync(join(outDir, path), formatted().find((file) => file.path === path)!.text) });
    }
    // The raw text as received, byte for byte: the file itself, linked (1,000 files not written at 1,000 documents).
    if (sources.has(source)) continue;
    sources.add(source);
    const from = join(root, CONTENT_PATHS.sources, source);
    const path = `sources/${source}`;
    downloads.push({ path, data: cache ? createHash('sha256').update(readFileSync(from)).digest('base64url') : undefined, write: () => linkOrCopyFile(from, join(outDir, path)) });
  }
  mkdirSync(join(outDir, 'cite'), { recursive: true });
  mkdirSync(join(outDir, 'sources'), { recursive: true });
  for (const download of filesToWrite(cache, downloads)) download.write();
  return downloads.length;
}

/** /data/<name>.json, compact: 80 MB at 1,000 documents. */
async function writeDataset(data: OpenDataset, outDir: string): Promise<void> {
  await mkdir(join(outDir, 'data'), { recursive: true });
  for (const [name, content] of Object.entries(data)) await writeFile(join(outDir, 'data', `${name}.json`), JSON.stringify(content));
}

/**
 * Writes the open dataset, the search index, the citation downloads and the raw sources into `outDir`. `search` is
 * the search index if it was started already (it needs no relations; scripts/build.ts starts it before them),
 * `startedAt` when the stage started, for the report, and `cache` the page cache's settings, through which a rebuild
 * reuses the downloads whose data is unchanged (its report is not Astro's: both processes write theirs at once).
 */
export async function writeParallelOutputs(
  root: string,
  corpus: Corpus,
  relations: readonly Relation[],
  outDir: string,
  site: URL,
  { search, startedAt = performance.now(), cache }: { search?: Promise<SearchIndexReport>; startedAt?: number; cache?: PageCacheSettings } = {},
): Promise<ParallelOutputsReport> {
  const data = openDataset(corpus, relations);
  const searchIndex = search ?? writeSearchIndex(searchRecordsByDocument(corpus, data), outDir);
  const downloads = writeDownloads(root, corpus, outDir, site, cache);
  const [searchReport] = await Promise.all([searchIndex, writeDataset(data, outDir)]);
  return { documents: corpus.documents.length, downloads, ...searchReport, milliseconds: Math.round(performance.now() - startedAt) };
}

/** How a rebuild's index was written: over the last build's, or whole and why. */
function describeIndexWrite({ overlay, wholeReason }: SearchIndexReport): string {
  if (overlay) return ` (${overlay.reused} kept from the last build's index, ${overlay.changed} indexed again, ${overlay.superseded} superseded)`;
  return wholeReason ? ` (written whole: ${wholeReason})` : '';
}

/** The line the build prints (and the benchmark reads). */
export function describeParallelOutputs(report: ParallelOutputsReport): string {
  return (
    `Search: ${report.records} records of ${report.documents} documents in ${report.shards} shard(s)${describeIndexWrite(report)}, ${(report.bytes / 1024).toFixed(0)} KiB; ` +
    `${report.downloads} downloads; in ${report.milliseconds} ms.`
  );
}
