/**
 * Quotations and sentences in a passage of plain text, as character ranges.
 * The sources mix straight and curly double quotes (even within one quotation),
 * and MEMRI runs a quotation over several paragraphs by leaving it unclosed.
 */

export interface Range {
  start: number;
  end: number;
}

export interface Quote extends Range {
  /** The quotation runs on past the end of the passage (continued in the next paragraph). */
  unclosed: boolean;
}

const OPENING_CONTEXT = /[\s([{—–-]/u;

export function findQuotes(text: string): Quote[] {
  const quotes: Quote[] = [];
  let openAt = -1;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '“') {
      if (openAt < 0) openAt = index;
    } else if (char === '”') {
      if (openAt >= 0) {
        quotes.push({ start: openAt, end: index + 1, unclosed: false });
        openAt = -1;
      }
    } else if (char === '"') {
      const previous = index === 0 ? ' ' : (text[index - 1] ?? ' ');
      if (openAt < 0) {
        if (OPENING_CONTEXT.test(previous)) openAt = index;
      } else {
        quotes.push({ start: openAt, end: index + 1, unclosed: false });
        openAt = -1;
      }
    }
  }
  if (openAt >= 0) quotes.push({ start: openAt, end: text.length, unclosed: true });
  return quotes;
}

/** The text with every quotation's inside replaced by `x`, so punctuation in quotes is not read as structure. */
export function maskQuotes(text: string, quotes: readonly Quote[]): string {
  let masked = text;
  for (const quote of quotes) {
    const innerStart = quote.start + 1;
    const innerEnd = quote.unclosed ? quote.end : quote.end - 1;
    masked = masked.slice(0, innerStart) + 'x'.repeat(Math.max(0, innerEnd - innerStart)) + masked.slice(innerEnd);
  }
  return masked;
}

// Abbreviations that end in a full stop without ending a sentence.
const ABBREVIATION = /(?:\b[A-Z]|\bMr|\bMrs|\bMs|\bDr|\bNo|\bSt|\bi\.e|\be\.g|\bvs|\bJr|\bSr)\.$/u;

/**
 * Sentence ranges. A sentence ends at `.`, `?` or `!` (also inside a closing
 * quotation: `…history.” Xinhua’s report…`) followed by space and a capital or
 * an opening quote.
 */
export function findSentences(text: string, quotes: readonly Quote[] = findQuotes(text)): Range[] {
  const masked = maskQuotes(text, quotes);
  const closers = new Set(quotes.filter((quote) => !quote.unclosed).map((quote) => quote.end - 1));
  const sentences: Range[] = [];
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const char = masked[index];
    let endsHere = false;
    if ((char === '.' || char === '?' || char === '!') && !ABBREVIATION.test(text.slice(Math.max(0, index - 4), index + 1))) {
      endsHere = true;
    } else if (closers.has(index) && /[.?!]/u.test(text[index - 1] ?? '')) {
      endsHere = true;
    }
    if (!endsHere) continue;
    let end = index + 1;
    // A full stop just before a closing quote: the sentence ends after the quote.
    while (end < text.length && (masked[end] === '”' || masked[end] === '"') && closers.has(end)) end++;
    const rest = text.slice(end);
    if (rest.trim() === '' || /^\s+["“(\[]?[A-Z]/u.test(rest)) {
      sentences.push(trimRange(text, { start, end }));
      start = end;
    }
  }
  if (text.slice(start).trim() !== '') sentences.push(trimRange(text, { start, end: text.length }));
  return sentences;
}

export function trimRange(text: string, range: Range): Range {
  let { start, end } = range;
  while (start < end && /\s/u.test(text[start] ?? '')) start++;
  while (end > start && /\s/u.test(text[end - 1] ?? '')) end--;
  return { start, end };
}

export function wordCount(text: string): number {
  return text.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}
