/**
 * The search index of the last whole write, kept as the *base* of the next
 * rebuild's. Pagefind cannot update an index: it indexes every record again
 * (about 11 s of CPU at 1,000 documents, the longest path of a rebuild). So a
 * rebuild in which few records changed links the base's files from the last
 * build and indexes only the changed records, into an overlay folder
 * (/pagefind-changes/) that the search page merges like any shard. The base's
 * records that changed or went are listed in /pagefind/shards.json as
 * `superseded`, by Pagefind's id, with their filters: the search page drops
 * them from the results and takes them off the facet counts. The overlay
 * also holds the base's words (search-index-vocabulary.ts), so that a search
 * for a word that starts a word of the kept records finds the same records,
 * with the same counts, as a whole index of the same records. Their order can differ
 * (Pagefind ranks each index by its own word statistics), and so can near
 * matches, as between shards.
 *
 * The index is written whole again, and becomes the new base, when the
 * changes grow past `OVERLAY_LIMITS`, when the base was written by other
 * code or another Pagefind, when its files in dist/ are not the ones
 * described here, or when an id would name two records (search-index.ts,
 * `writeOverlay`).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashFiles } from './file-hash.ts';
import { fragmentIds, readFragment, type Fragment } from './pagefind-files.ts';
import type { SearchRecord } from './search-records.ts';

/** A record of the base index. */
export interface BaseRecord {
  /** Hash of the record as it was indexed (`recordHash`). */
  hash: string;
  /** Pagefind's id for it: its fragment's name, which search results carry. */
  id: string;
  /** The shard that holds it (an index into `folders`). */
  shard: number;
}

/** What `.cache/search-index.json` holds. */
export interface SearchIndexBase {
  /** `baseKey` of the code and the Pagefind that wrote the base. */
  key: string;
  /** The base's folders under the site root: `pagefind`, then `pagefind-2`, … */
  folders: string[];
  /** A hash of each folder's pagefind-entry.json, to know dist/ still holds this base. */
  entries: string[];
  /** Every record of the base, by URL. */
  records: Record<string, BaseRecord>;
}

/** How far the changes since the base may grow before the index is written whole again. */
export const OVERLAY_LIMITS = {
  /** Share of the corpus's record content in changed records: past it, the overlay's ranking statistics diverge and its index grows. */
  contentShare: 0.05,
  /** Changed plus superseded records: each superseded one is listed, with its filters, in the manifest every search fetches. */
  records: 250,
};

/** The folder of the overlay, under the site root. */
export const OVERLAY_FOLDER_SUFFIX = '-changes';

/** The code and the Pagefind a base depends on. */
export function baseKey(root: string): string {
  return hashFiles(root, ['src/lib/search-index.ts', 'src/lib/search-index-base.ts', 'src/lib/search-index-vocabulary.ts', 'src/lib/pagefind-files.ts', 'node_modules/pagefind/package.json']).digest('base64url');
}

export function recordHash(record: SearchRecord): string {
  return createHash('sha256').update(JSON.stringify(record)).digest('base64url');
}

export function entryHash(folder: string): string {
  return createHash('sha256').update(readFileSync(join(folder, 'pagefind-entry.json'))).digest('base64url');
}

/**
 * The base described by `file`, if it was written by this code and `dist` still holds its files; otherwise why not
 * (the build reports it as the reason the index was written whole).
 */
export function readBase(file: string, key: string, dist: string): SearchIndexBase | string {
  if (!existsSync(file)) return 'no index of the last build to start from';
  try {
    const base = JSON.parse(readFileSync(file, 'utf8')) as SearchIndexBase;
    if (base.key !== key) return 'the search-index code or Pagefind changed since the last build';
    if (base.folders.length === 0 || base.folders.length !== base.entries.length) return `${file} describes no index`;
    const inPlace = base.folders.every((folder, index) => existsSync(join(dist, folder, 'pagefind-entry.json')) && entryHash(join(dist, folder)) === base.entries[index]);
    return inPlace ? base : 'the last build’s index in dist/ is not the one described in .cache/';
  } catch {
    // Damaged or edited by hand: the index is written whole, and a new base kept.
    return `${file} could not be read`;
  }
}

export type IndexPlan =
  | { kind: 'whole'; reason: string }
  | {
      kind: 'overlay';
      /** Records not in the base as they are now: new, or changed since. */
      changed: SearchRecord[];
      /** URLs of the base's records that changed or are gone. */
      superseded: string[];
      /** Records the base holds unchanged. */
      reused: number;
    };

/**
 * What this build's index needs, given the base: linear in the number of records. `documents` are all of this build's
 * records, grouped by document as the index is.
 */
export function planIndex(base: SearchIndexBase | undefined, documents: readonly (readonly SearchRecord[])[], limits = OVERLAY_LIMITS): IndexPlan {
  if (!base) return { kind: 'whole', reason: 'no index of the last build to start from' };
  const changed: SearchRecord[] = [];
  const current = new Set<string>();
  let reused = 0;
  let content = 0;
  let changedContent = 0;
  for (const records of documents) {
    for (const record of records) {
      // The URL is how a base record is found again; two records at one URL would make that ambiguous.
      if (current.has(record.url)) return { kind: 'whole', reason: `two search records at ${record.url}` };
      current.add(record.url);
      content += record.content.length;
      if (base.records[record.url]?.hash === recordHash(record)) reused += 1;
      else {
        changed.push(record);
        changedContent += record.content.length;
      }
    }
  }
  const changedUrls = new Set(changed.map((record) => record.url));
  const superseded = Object.keys(base.records).filter((url) => !current.has(url) || changedUrls.has(url));
  return overlayWithinLimits({ changed, superseded, reused, content, changedContent }, limits);
}

function overlayWithinLimits(
  { changed, superseded, reused, content, changedContent }: { changed: SearchRecord[]; superseded: string[]; reused: number; content: number; changedContent: number },
  limits: typeof OVERLAY_LIMITS,
): IndexPlan {
  if (changed.length + superseded.length > limits.records) {
    return { kind: 'whole', reason: `${changed.length} changed and ${superseded.length} superseded records since the last whole index (more than ${limits.records})` };
  }
  if (changedContent > content * limits.contentShare) {
    return { kind: 'whole', reason: `changed records hold ${((100 * changedContent) / Math.max(1, content)).toFixed(1)}% of the content (more than ${100 * limits.contentShare}%)` };
  }
  return { kind: 'overlay', changed, superseded, reused };
}

/** A record of the base as its fragment in `dist` holds it: the search page takes its filters off the counts. */
export function baseFragment(dist: string, base: SearchIndexBase, url: string): Fragment {
  const record = base.records[url];
  if (!record) throw new Error(`search index: ${url} is not a record of the base index`);
  return readFragment(join(dist, base.folders[record.shard]!, 'fragment', `${record.id}.pf_fragment`));
}

/** Ids Pagefind gave more than one record of the base: ids are short hashes, unique within one shard's index only. */
export function ambiguousIds(base: SearchIndexBase): Set<string> {
  const seen = new Set<string>();
  const ambiguous = new Set<string>();
  for (const { id } of Object.values(base.records)) {
    if (seen.has(id)) ambiguous.add(id);
    seen.add(id);
  }
  return ambiguous;
}

/** The base made of a whole index just written: each shard's records, and the folders Pagefind wrote them to. */
export function describeBase(key: string, outDir: string, folders: readonly string[], shards: readonly (readonly SearchRecord[])[]): SearchIndexBase {
  const records: SearchIndexBase['records'] = {};
  for (const [shard, folder] of folders.entries()) {
    const ids = fragmentIds(join(outDir, folder));
    for (const record of shards[shard]!) {
      const id = ids.get(record.url);
      if (id === undefined) throw new Error(`search index: Pagefind wrote no fragment for ${record.url} in ${folder}/`);
      records[record.url] = { hash: recordHash(record), id, shard };
    }
  }
  return { key, folders: [...folders], entries: folders.map((folder) => entryHash(join(outDir, folder))), records };
}
