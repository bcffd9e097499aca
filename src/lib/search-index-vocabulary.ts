/**
 * Pagefind matches a search word exactly when its index holds that word, and
 * otherwise matches every word that starts with it: "Anchorage" finds
 * "Anchorages" only in an index without "Anchorage". A merged index decides
 * this index by index, so a rebuild's overlay (search-index-base.ts), which
 * holds a few records' words, would match by prefix where a whole index of
 * the same records matches exactly, and find records a whole index does not.
 *
 * So the overlay also indexes two vocabulary records: every word of the
 * base's kept records, and every word of its superseded ones. The search page
 * drops both from the results (they are listed as superseded, with no
 * filters). Then the overlay holds every word the base holds and decides as a
 * whole index would, but for two kinds of word, which `prefixMismatches`
 * finds in the overlay's own index once it is written:
 * - a word only the changed records hold that starts a longer word of the
 *   kept records: the base, which lacks it, would match the longer word;
 * - a word only the superseded records held that starts a longer word of the
 *   kept or changed records: a whole index, which lacks it, would match the
 *   longer word, and the base and the overlay, which hold it, do not.
 * If there is one, the index is written whole.
 */
import type { SearchRecord } from "./search-records.ts";

/** URLs of the vocabulary records: never pages, never shown. */
export const VOCABULARY_URLS = {
  kept: "/pagefind-vocabulary/kept/",
  superseded: "/pagefind-vocabulary/superseded/",
} as const;

/**
 * A record holding each distinct word of `records`' content and metadata once (Pagefind indexes both). Words are
 * split at ASCII spaces, tabs and line breaks only, where Pagefind always splits too: each is then read by Pagefind
 * as it was in its record.
 */
export function vocabularyRecord(
  url: string,
  records: Iterable<Pick<SearchRecord, "content" | "meta">>,
): SearchRecord {
  const words = new Set<string>();
  const add = (text: string) => {
    for (const word of text.split(/[ \t\n\r]+/u)) if (word) words.add(word);
  };
  for (const record of records) {
    add(record.content);
    for (const value of Object.values(record.meta)) add(value);
  }
  return {
    url,
    content: [...words].join(" "),
    language: "en",
    meta: {},
    filters: {},
  };
}

/**
 * The words of an overlay's index (`indexWords`, with the ids of the records holding each) that the merged index would
 * match otherwise than a whole index: see above. `vocabulary` names the ids of the two vocabulary records; every other
 * record is a changed one. Sorts the words once: O(n log n) in the words of the overlay.
 */
export function prefixMismatches(
  words: ReadonlyMap<string, readonly string[]>,
  vocabulary: { kept: string; superseded: string },
): string[] {
  const kept: string[] = [];
  const keptOrChanged: string[] = [];
  const onlyChanged: string[] = [];
  const onlySuperseded: string[] = [];
  for (const [word, holders] of words) {
    const inKept = holders.includes(vocabulary.kept);
    const inSuperseded = holders.includes(vocabulary.superseded);
    const inChanged = holders.some(
      (id) => id !== vocabulary.kept && id !== vocabulary.superseded,
    );
    if (inKept) kept.push(word);
    if (inKept || inChanged) keptOrChanged.push(word);
    if (inChanged && !inKept && !inSuperseded) onlyChanged.push(word);
    if (inSuperseded && !inKept && !inChanged) onlySuperseded.push(word);
  }
  kept.sort();
  keptOrChanged.sort();
  return [
    ...onlyChanged.filter((word) => startsALongerWord(kept, word)),
    ...onlySuperseded.filter((word) => startsALongerWord(keptOrChanged, word)),
  ].sort();
}

/** Whether a word of `sorted` other than `word` starts with it: the words that do sort right after it. */
function startsALongerWord(sorted: readonly string[], word: string): boolean {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! <= word) low = middle + 1;
    else high = middle;
  }
  return sorted[low]?.startsWith(word) ?? false;
}
