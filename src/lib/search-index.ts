/**
 * Writes the Pagefind index from the search records (search-records.ts),
 * through Pagefind's Node API. Custom records only: Pagefind parses no HTML.
 *
 * Pagefind's memory grows with the text it holds (about 80 bytes per character
 * of record content: 3.9 GiB for the 47 million characters of 5,000
 * documents), so a large corpus is indexed in shards, one Pagefind process
 * after another: the first at /pagefind/, the others at /pagefind-2/, … and
 * listed in /pagefind/shards.json, which the search page reads to merge them
 * (Pagefind's `mergeIndex`: one WebAssembly module, results and filter counts
 * merged). A document's records always share a shard. Up to
 * `SHARD_CHARACTERS` the index is one shard, as a small site's always is.
 */
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { SearchRecord } from './search-records.ts';

/** Record content per shard: about 1.3 GiB of Pagefind's memory; 1,000 typical documents hold 9.4 million. */
export const SHARD_CHARACTERS = 16_000_000;

/** Records sent to Pagefind's process per round trip. */
const RECORD_BATCH = 500;

/** The manifest of a sharded index, in the first shard's folder. */
export const SHARD_MANIFEST = 'shards.json';

/** Pagefind writes its own UI bundles too; the site has its own search page and never loads them. */
const UNUSED_BUNDLE_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

/** One document's records: its own and its passages'. They are never split between shards. */
export type DocumentRecords = readonly SearchRecord[];

/**
 * Consecutive documents grouped into shards of at most `limit` characters of
 * content (a document larger than the limit is a shard of its own). Linear in
 * the number of records.
 */
export function planShards(documents: readonly DocumentRecords[], limit = SHARD_CHARACTERS): SearchRecord[][] {
  const shards: SearchRecord[][] = [];
  let current: SearchRecord[] = [];
  let size = 0;
  for (const records of documents) {
    const characters = records.reduce((sum, record) => sum + record.content.length, 0);
    if (current.length > 0 && size + characters > limit) {
      shards.push(current);
      current = [];
      size = 0;
    }
    current.push(...records);
    size += characters;
  }
  if (current.length > 0 || shards.length === 0) shards.push(current);
  return shards;
}

/** The folder of shard `index` (0-based) under the site root: `pagefind`, `pagefind-2`, … */
export function shardFolder(bundleDir: string, index: number): string {
  return index === 0 ? bundleDir : `${bundleDir}-${index + 1}`;
}

export interface SearchIndexReport {
  records: number;
  shards: number;
  bytes: number;
}

/** Indexes the records into `outDir` and returns what was written. Throws with Pagefind's own messages on failure. */
export async function writeSearchIndex(
  documents: readonly DocumentRecords[],
  outDir: string,
  { bundleDir = 'pagefind', shardCharacters = SHARD_CHARACTERS }: { bundleDir?: string; shardCharacters?: number } = {},
): Promise<SearchIndexReport> {
  const shards = planShards(documents, shardCharacters);
  let bytes = 0;
  for (const [index, records] of shards.entries()) {
    const folder = join(outDir, shardFolder(bundleDir, index));
    // One process per shard, closed before the next starts: the build's peak memory is one shard's.
    const { index: pagefindIndex, errors: createErrors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!pagefindIndex) throw new Error(`Pagefind could not create an index: ${createErrors.join('; ')}`);
    const errors: string[] = [];
    // In batches: one record at a time waits a round trip to Pagefind's process per record.
    for (let start = 0; start < records.length; start += RECORD_BATCH) {
      const responses = await Promise.all(records.slice(start, start + RECORD_BATCH).map((record) => pagefindIndex.addCustomRecord(record)));
      for (const response of responses) errors.push(...response.errors);
    }
    errors.push(...(await pagefindIndex.writeFiles({ outputPath: folder })).errors);
    await pagefind.close();
    if (errors.length > 0) throw new Error(`Pagefind failed to index shard ${index + 1} of ${shards.length}:\n  ${errors.join('\n  ')}`);
    for (const file of UNUSED_BUNDLE_FILES) await rm(join(folder, file), { force: true });
    bytes += await folderSize(folder);
  }
  // Written for one shard too, so the search page needs no special case.
  const merge = shards.slice(1).map((_, index) => `/${shardFolder(bundleDir, index + 1)}/`);
  await mkdir(join(outDir, bundleDir), { recursive: true });
  await writeFile(join(outDir, bundleDir, SHARD_MANIFEST), JSON.stringify({ merge }));
  return { records: shards.reduce((sum, shard) => sum + shard.length, 0), shards: shards.length, bytes };
}

async function folderSize(folder: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}
