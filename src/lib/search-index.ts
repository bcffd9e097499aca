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
 *
 * A rebuild may instead keep the last build's index and write only the
 * records that changed, beside it (search-index-base.ts).
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { linkOrCopyFile } from './link-file.ts';
import * as pagefind from 'pagefind';
import { fragmentIds } from './pagefind-files.ts';
import { ambiguousIds, baseFragment, describeBase, OVERLAY_FOLDER_SUFFIX, OVERLAY_LIMITS, planIndex, type IndexPlan, type SearchIndexBase } from './search-index-base.ts';
import { vocabularyRecord, VOCABULARY_URLS } from './search-index-vocabulary.ts';
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
  /** Written whole with `incremental` settings: the base to keep for the next build (search-index-base.ts). */
  base?: SearchIndexBase;
  /** Written as an overlay over the last build's index: its records reused, indexed again, and superseded. */
  overlay?: { reused: number; changed: number; superseded: number };
  /** Why an index offered a base was written whole all the same. */
  wholeReason?: string;
}

/** What a rebuild's index may start from (search-index-base.ts). */
export interface IncrementalIndex {
  /** `baseKey` of this build's code. */
  key: string;
  /** The kept base, if it is still in `dir` (`readBase`). */
  base: SearchIndexBase | undefined;
  /** Why there is none, if so: the reason the index is written whole. */
  unusable?: string;
  /** The last build's site, which holds the base's files. */
  dir: string;
  /** How far the changes may grow before the index is written whole (`OVERLAY_LIMITS` by default). */
  limits?: typeof OVERLAY_LIMITS;
}

/** The manifest the search page reads (/pagefind/shards.json). */
export interface ShardManifest {
  /** Folders to merge into the first: the other shards, and the overlay of a rebuild. */
  merge: string[];
  /** Pagefind ids of the base's records that changed or went, with their filters: dropped from results and counts. */
  superseded?: Record<string, Record<string, string[]>>;
}

/** Indexes one shard's records into `folder` in a Pagefind process of its own, closed before it returns. */
async function indexShard(records: readonly SearchRecord[], folder: string, label: string): Promise<void> {
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
  if (errors.length > 0) throw new Error(`Pagefind failed to index ${label}:\n  ${errors.join('\n  ')}`);
  for (const file of UNUSED_BUNDLE_FILES) await rm(join(folder, file), { force: true });
}

/**
 * Indexes the records into `outDir` and returns what was written. Throws with Pagefind's own messages on failure.
 * With `incremental`, an index that changed little since the base is written as an overlay over it
 * (search-index-base.ts), and a whole one is described as the next base.
 */
export async function writeSearchIndex(
  documents: readonly DocumentRecords[],
  outDir: string,
  { bundleDir = 'pagefind', shardCharacters = SHARD_CHARACTERS, incremental }: { bundleDir?: string; shardCharacters?: number; incremental?: IncrementalIndex } = {},
): Promise<SearchIndexReport> {
  let wholeReason: string | undefined;
  if (incremental) {
    const plan = incremental.base?.folders[0] === bundleDir ? planIndex(incremental.base, documents, incremental.limits) : ({ kind: 'whole', reason: incremental.unusable ?? 'no index of the last build to start from' } as const);
    if (plan.kind === 'overlay') {
      const written = await writeOverlay(plan, documents, incremental.base!, incremental.dir, outDir, bundleDir);
      if (typeof written !== 'string') return written;
      wholeReason = written;
    } else wholeReason = plan.reason;
  }
  const shards = planShards(documents, shardCharacters);
  const folders = shards.map((_, index) => shardFolder(bundleDir, index));
  let bytes = 0;
  for (const [index, records] of shards.entries()) {
    // One process per shard, closed before the next starts: the build's peak memory is one shard's.
    await indexShard(records, join(outDir, folders[index]!), `shard ${index + 1} of ${shards.length}`);
    bytes += await folderSize(join(outDir, folders[index]!));
  }
  // Written for one shard too, so the search page needs no special case.
  await writeManifest(outDir, bundleDir, { merge: folders.slice(1).map((folder) => `/${folder}/`) });
  const report: SearchIndexReport = { records: shards.reduce((sum, shard) => sum + shard.length, 0), shards: shards.length, bytes };
  if (incremental) {
    report.base = describeBase(incremental.key, outDir, folders, shards);
    if (wholeReason) report.wholeReason = wholeReason;
  }
  return report;
}

async function writeManifest(outDir: string, bundleDir: string, manifest: ShardManifest): Promise<void> {
  await mkdir(join(outDir, bundleDir), { recursive: true });
  await writeFile(join(outDir, bundleDir, SHARD_MANIFEST), JSON.stringify(manifest));
}

/**
 * The base's files linked from the last build, the changed records and the vocabulary records
 * (search-index-vocabulary.ts) indexed into the overlay folder, and the manifest that merges it and lists what it
 * supersedes. Returns why not, with nothing left in `outDir`, when an id would name two records: Pagefind's ids are
 * short hashes, unique within one index only, and the search page drops a superseded record by its id.
 */
async function writeOverlay(
  plan: Extract<IndexPlan, { kind: 'overlay' }>,
  documents: readonly DocumentRecords[],
  base: SearchIndexBase,
  dir: string,
  outDir: string,
  bundleDir: string,
): Promise<SearchIndexReport | string> {
  const overlay = `${bundleDir}${OVERLAY_FOLDER_SUFFIX}`;
  const giveUp = async (reason: string) => {
    for (const folder of [...base.folders, overlay]) await rm(join(outDir, folder), { recursive: true, force: true });
    return reason;
  };
  const ambiguous = ambiguousIds(base);
  const clash = plan.superseded.find((url) => ambiguous.has(base.records[url]!.id));
  if (clash) return giveUp(`the id of superseded ${clash} is also another record’s in the last build’s index`);
  for (const folder of base.folders) linkTree(join(dir, folder), join(outDir, folder), folder === bundleDir ? SHARD_MANIFEST : undefined);
  const merge = base.folders.slice(1).map((folder) => `/${folder}/`);
  const supersededFragments = plan.superseded.map((url) => baseFragment(dir, base, url));
  const superseded: NonNullable<ShardManifest['superseded']> = Object.fromEntries(plan.superseded.map((url, index) => [base.records[url]!.id, supersededFragments[index]!.filters]));
  if (plan.changed.length > 0) {
    const changed = new Set(plan.changed);
    const kept = documents.flatMap((records) => records.filter((record) => !changed.has(record)));
    const vocabulary = [vocabularyRecord(VOCABULARY_URLS.kept, kept), vocabularyRecord(VOCABULARY_URLS.superseded, supersededFragments)];
    await indexShard([...plan.changed, ...vocabulary], join(outDir, overlay), 'the changed records');
    const ids = fragmentIds(join(outDir, overlay));
    const baseIds = new Set(Object.values(base.records).map((record) => record.id));
    if ([...ids.values()].some((id) => baseIds.has(id))) return giveUp('an id of the overlay is also one of the base');
    merge.push(`/${overlay}/`);
    for (const url of Object.values(VOCABULARY_URLS)) superseded[ids.get(url)!] = {};
  }
  const merged = plan.changed.length > 0;
  await writeManifest(outDir, bundleDir, { merge, ...(Object.keys(superseded).length > 0 ? { superseded } : {}) });
  let bytes = 0;
  for (const folder of [...base.folders, ...(merged ? [overlay] : [])]) bytes += await folderSize(join(outDir, folder));
  return {
    records: plan.reused + plan.changed.length,
    shards: base.folders.length,
    bytes,
    overlay: { reused: plan.reused, changed: plan.changed.length, superseded: plan.superseded.length },
  };
}

/** Every file under `from` hard-linked at the same path under `to` (copied where a link cannot be made), but `skip` at its top. */
function linkTree(from: string, to: string, skip?: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (entry.name === skip) continue;
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) linkTree(source, target);
    else linkOrCopyFile(source, target);
  }
}

async function folderSize(folder: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}
