/**
 * Reads the files Pagefind writes, for what its API does not tell: which id a
 * record was given, and which words an index holds. Each file is gzip, a
 * 12-byte signature (`pagefind_dcd`), then the data: JSON in a fragment, CBOR
 * in the metadata and the index chunks. The layout is Pagefind's own and not
 * documented, so its version is part of the search index base's key
 * (search-index-base.ts); a file that does not read as expected throws, and
 * the index is then written whole.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";

function payload(path: string): Buffer {
  const raw = gunzipSync(readFileSync(path));
  if (raw.subarray(0, 12).toString("latin1") !== "pagefind_dcd")
    throw new Error(`${path} is not a Pagefind file this code can read`);
  return raw.subarray(12);
}

/** A record as its fragment holds it. */
export interface Fragment {
  url: string;
  content: string;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
}

export function readFragment(path: string): Fragment {
  return JSON.parse(payload(path).toString("utf8")) as Fragment;
}

/** Pagefind's id of every record in a folder's index, by URL. */
export function fragmentIds(folder: string): Map<string, string> {
  const ids = new Map<string, string>();
  const fragments = join(folder, "fragment");
  for (const name of readdirSync(fragments)) {
    if (!name.endsWith(".pf_fragment")) continue;
    ids.set(
      readFragment(join(fragments, name)).url,
      name.slice(0, -".pf_fragment".length),
    );
  }
  return ids;
}

/**
 * Every word (as Pagefind stemmed it) of the index in `folder`, with the ids of the records that hold it. Reads every
 * index chunk: meant for a small index, as a rebuild's overlay is.
 */
export function indexWords(folder: string): Map<string, string[]> {
  const metaFile = readdirSync(folder).find((name) =>
    name.endsWith(".pf_meta"),
  );
  if (!metaFile) throw new Error(`${folder} holds no Pagefind metadata`);
  // [version, pages: [id, word count, …][], index chunks, filter chunks, sorts]
  const pages = (
    decodeCbor(payload(join(folder, metaFile))) as unknown[]
  )[1] as [string, ...unknown[]][];
  const words = new Map<string, string[]>();
  for (const name of readdirSync(join(folder, "index"))) {
    // [words: [word, pages: [page number, …][], …][]]: each page number is a difference from the one before.
    const chunk = (
      decodeCbor(payload(join(folder, "index", name))) as unknown[]
    )[0] as [string, [number, ...unknown[]][]][];
    for (const [word, entries] of chunk) {
      let page = 0;
      const ids: string[] = [];
      for (const [delta] of entries) {
        page += delta;
        const id = pages[page]?.[0];
        if (typeof id !== "string")
          throw new Error(
            `${folder}/index/${name}: word "${word}" names page ${page}, which the metadata does not list`,
          );
        ids.push(id);
      }
      words.set(word, ids);
    }
  }
  return words;
}

/** The subset of CBOR (RFC 8949) Pagefind writes: integers, strings, arrays, maps, floats and simple values. */
export function decodeCbor(bytes: Uint8Array): unknown {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = new TextDecoder();
  let position = 0;
  const argument = (info: number): number => {
    if (info < 24) return info;
    if (info === 24) return view.getUint8((position += 1) - 1);
    if (info === 25) return view.getUint16((position += 2) - 2);
    if (info === 26) return view.getUint32((position += 4) - 4);
    if (info === 27) return Number(view.getBigUint64((position += 8) - 8));
    // An array or map of indefinite length, closed by 0xff.
    if (info === 31) return -1;
    throw new Error(
      `CBOR: additional information ${info} at byte ${position - 1}`,
    );
  };
  const item = (): unknown => {
    if (position >= bytes.length)
      throw new Error("CBOR: data ends in the middle of an item");
    const initial = view.getUint8(position++);
    const major = initial >> 5;
    const info = initial & 31;
    if (major === 7) {
      if (info === 20) return false;
      if (info === 21) return true;
      if (info === 22 || info === 23) return null;
      if (info === 26) return ((position += 4), view.getFloat32(position - 4));
      if (info === 27) return ((position += 8), view.getFloat64(position - 8));
      throw new Error(`CBOR: simple value ${info} at byte ${position - 1}`);
    }
    const length = argument(info);
    switch (major) {
      case 0:
        return length;
      case 1:
        return -1 - length;
      case 2:
        return bytes.subarray(position, (position += length));
      case 3:
        return text.decode(bytes.subarray(position, (position += length)));
      case 4: {
        const items: unknown[] = [];
        if (length < 0) {
          while (view.getUint8(position) !== 0xff) items.push(item());
          position += 1;
        } else
          for (let index = 0; index < length; index += 1) items.push(item());
        return items;
      }
      case 5: {
        if (length < 0)
          throw new Error(
            `CBOR: a map of indefinite length at byte ${position - 1}`,
          );
        const map: Record<string, unknown> = {};
        for (let index = 0; index < length; index += 1)
          map[String(item())] = item();
        return map;
      }
      default:
        // A tag: its content is the value.
        return item();
    }
  };
  const value = item();
  if (position !== bytes.length)
    throw new Error(`CBOR: ${bytes.length - position} bytes after the data`);
  return value;
}
