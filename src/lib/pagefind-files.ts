/**
 * Reads the fragments Pagefind writes, for what its API does not tell: which
 * id a record was given, and what a record of the last build's index held.
 * Each is gzip, a 12-byte signature (`pagefind_dcd`), then JSON. The layout is
 * Pagefind's own and not documented, so its version is part of the search
 * index base's key (search-index-base.ts); a file that does not read as
 * expected throws.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

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

/** Pagefind's id of every record in a folder's index, by URL. */
export function fragmentIds(folder: string): Map<string, string> {
  const ids = new Map<string, string>();
  const fragments = join(folder, 'fragment');
  for (const name of readdirSync(fragments)) {
    if (!name.endsWith('.pf_fragment')) continue;
    ids.set(readFragment(join(fragments, name)).url, name.slice(0, -'.pf_fragment'.length));
  }
  return ids;
}
