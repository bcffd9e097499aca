/**
 * Pagefind matches a search word against every word of its index that starts
 * with it ("anchorag", the stem of "Anchorage", finds "anchorages" too), and,
 * where no word does, against the longest word of the index that starts the
 * search word: a near match ("installa" finds "install"). A merged index
 * decides this index by index. A rebuild's overlay (search-index-base.ts)
 * holds a few records' words, so for most searches no word of it would start
 * with the search word, and it would answer with near matches that a whole
 * index of the same records does not give ("Anchorage": seven results instead
 * of six).
 *
 * So the overlay also indexes two vocabulary records: every word of the kept
 * records, and every word of the superseded ones, listed as superseded with no
 * filters so that the search page drops them. The overlay then holds every word
 * the kept index holds, and a search word that starts a word of the kept
 * records finds, in each index, the records a whole index finds there. Near
 * matches can still differ, as between shards (search-index.ts): for a search
 * word that starts no word of the kept records, only words of the changed or
 * the superseded ones, or none.
 */
import type { SearchRecord } from './search-records.ts';

/** URLs of the vocabulary records: never pages, never shown. */
export const VOCABULARY_URLS = {
  kept: '/pagefind-vocabulary/kept/',
  superseded: '/pagefind-vocabulary/superseded/',
} as const;

/**
 * A record holding each distinct word of `records`' content and metadata once (Pagefind indexes both). Words are
 * split at ASCII spaces, tabs and line breaks only, where Pagefind always splits too: each is then read by Pagefind
 * as it was in its record.
 */
export function vocabularyRecord(url: string, records: Iterable<Pick<SearchRecord, 'content' | 'meta'>>): SearchRecord {
  const words = new Set<string>();
  const add = (text: string) => {
    for (const word of text.split(/[ \t\n\r]+/u)) if (word) words.add(word);
  };
  for (const record of records) {
    add(record.content);
    for (const value of Object.values(record.meta)) add(value);
  }
  return { url, content: [...words].join(' '), language: 'en', meta: {}, filters: {} };
}
