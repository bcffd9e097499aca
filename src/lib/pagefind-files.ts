/**
 * Reads the fragments Pagefind writes, for what its API does not tell: which
 * id a record was given, and what a record of the last build's index held.
 * Each is gzip, a 12-byte signature (`pagefind_dcd`), then JSON. The layout is
 * Pagefind's own and not documented, so its version is part of the search
 * index base's key (search-index-base.ts); a file that does not read as
 * expected throws.
 */
import { closeSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { constants, gunzipSync } from 'node:zlib';

/** A record as its fragment holds it. */
export interface Fragment {
  url: string;
  content: string;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
}

export function readFragment(path: string): Fragment {
  const raw = gunzipSync(readFileSync(path));
  if (raw.subarray(0, 12).toString('latin1') !== 'pagefind_dcd') throw new Error(`${path} is not a Pagefind fragment this code can read`);
  return JSON.parse(raw.subarray(12).toString('utf8')) as Fragment;
}

/** The compressed bytes read for a fragment's URL: gzip's first kilobyte holds the signature and the `url` field. */
const HEAD_BYTES = 1024;
/** Pagefind writes `url` first; a fragment that does not start so is read whole. */
const URL_FIRST = /^\{"url":("(?:[^"\\]|\\.)*")[,}]/u;

/**
 * A fragment's URL, from the head of the file only: reading 6,030 fragments whole took 0.6 s at the very end of a
 * cold build at 1,000 documents (the search index's description for the next build, after Astro had finished), the
 * head 0.3 s. A URL longer than the head, or a layout that does not start with it, falls back to `readFragment`.
 */
function fragmentUrl(path: string, head: Buffer): string {
  const descriptor = openSync(path, 'r');
  let length: number;
  try {
    length = readSync(descriptor, head, 0, head.length, 0);
  } finally {
    closeSync(descriptor);
  }
  // Z_SYNC_FLUSH: inflate what the cut-off head holds instead of failing on the missing end.
  const raw = gunzipSync(head.subarray(0, length), { finishFlush: constants.Z_SYNC_FLUSH });
  const match = raw.subarray(0, 12).toString('latin1') === 'pagefind_dcd' ? URL_FIRST.exec(raw.subarray(12).toString('utf8')) : null;
  return match ? (JSON.parse(match[1]!) as string) : readFragment(path).url;
}

/** Pagefind's id of every record in a folder's index, by URL. */
export function fragmentIds(folder: string): Map<string, string> {
  const ids = new Map<string, string>();
  const fragments = join(folder, 'fragment');
  const head = Buffer.alloc(HEAD_BYTES);
  for (const name of readdirSync(fragments)) {
    if (!name.endsWith('.pf_fragment')) continue;
    ids.set(fragmentUrl(join(fragments, name), head), name.slice(0, -'.pf_fragment'.length));
  }
  return ids;
}
