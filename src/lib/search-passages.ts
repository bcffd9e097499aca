/**
 * The search page's half of the record design in `search-records.ts`: a
 * result is one speaker's passages in one document, and Pagefind reports its
 * hits as word positions in the record's content. These functions map the
 * positions back to passages, so every excerpt links to the passage that
 * holds the words, and a passage without a hit is never shown as one.
 */

export interface PassageSpan {
  /** The passage's `#fragment` on its document page. */
  anchor: string;
  /** Position of its first word in the record's content. */
  start: number;
}

export interface ExcerptWord {
  text: string;
  /** A word Pagefind matched. */
  hit: boolean;
}

export interface PassageExcerpt {
  anchor: string;
  /** The words shown, hits marked; part of the passage when it is long. */
  words: ExcerptWord[];
  /** Words of the passage were left out before / after the excerpt. */
  cutBefore: boolean;
  cutAfter: boolean;
  hits: number;
}

/** Reads `meta.passages` ("anchor@start anchor@start …"); a malformed entry is dropped, not guessed. */
export function parsePassageSpans(value: string | undefined): PassageSpan[] {
  if (!value) return [];
  const spans: PassageSpan[] = [];
  for (const entry of value.split(' ')) {
    const at = entry.lastIndexOf('@');
    const start = Number(entry.slice(at + 1));
    if (at <= 0 || !Number.isInteger(start) || start < 0) continue;
    spans.push({ anchor: entry.slice(0, at), start });
  }
  return spans.sort((a, b) => a.start - b.start);
}

export interface ExcerptOptions {
  /** Most words in one excerpt. */
  length: number;
}

/**
 * One excerpt per passage with hits, in document order; with no hits (a
 * search by filters alone) one per passage, from its start. `content` is the
 * content Pagefind returns, whose words are separated by single spaces and
 * numbered as `locations` count them.
 */
export function passageExcerpts(content: string, locations: readonly number[], spans: readonly PassageSpan[], options: ExcerptOptions): PassageExcerpt[] {
  const words = content.split(' ');
  const hits = new Set(locations);
  const excerpts: PassageExcerpt[] = [];
  spans.forEach((span, index) => {
    const end = Math.min(spans[index + 1]?.start ?? words.length, words.length);
    if (span.start >= end) return;
    const inside = [...hits].filter((location) => location >= span.start && location < end).sort((a, b) => a - b);
    if (hits.size > 0 && inside.length === 0) return;
    // The first hit a third of the way in: some words before it to read it in context.
    const first = inside[0] ?? span.start;
    const from = Math.max(span.start, Math.min(first - Math.floor(options.length / 3), end - options.length));
    const to = Math.min(end, from + options.length);
    excerpts.push({
      anchor: span.anchor,
      words: words.slice(from, to).map((text, offset) => ({ text, hit: hits.has(from + offset) })),
      cutBefore: from > span.start,
      cutAfter: to < end,
      hits: inside.length,
    });
  });
  return excerpts;
}
