/**
 * A word-level diff of two renderings of the same words, for the comparison
 * view. Longest common subsequence over words compared loosely (case,
 * punctuation, quote style and British/American -ise/-ize aside), so that
 * only real differences of wording are marked. Passages are a sentence or
 * two, so the quadratic table is small; it is never run over whole documents.
 */

export interface DiffToken {
  /** The word as printed, with its punctuation. */
  text: string;
  /** `same`: in both renderings; `only`: in this rendering alone. */
  status: 'same' | 'only';
}

const MAX_WORDS = 400;

// Comparison pages diff tens of thousands of passages of the same few thousand words: normalise each word once.
const comparableCache = new Map<string, string>();

export function comparable(word: string): string {
  let key = comparableCache.get(word);
  if (key === undefined) {
    if (comparableCache.size > 100_000) comparableCache.clear();
    key = normalise(word);
    comparableCache.set(word, key);
  }
  return key;
}

function normalise(word: string): string {
  return word
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[‘’“”"'.,;:!?()[\]–—-]/gu, '')
    .replace(/is(e|ed|es|ing)$/u, 'iz$1')
    .replace(/our$/u, 'or');
}

/**
 * The LCS table's storage, grown as needed and kept: the comparison pages diff tens of thousands of passages, and a
 * typed array allocated per row of each table was the diff's largest cost (the 60,600 relations of 1,000 documents
 * diffed and written as HTML in 1.9 s with this table, against 2.6–3.2 s).
 */
let table = new Uint16Array(0);

function lcsTable(cells: number): Uint16Array {
  if (table.length < cells) table = new Uint16Array(Math.max(cells, table.length * 2));
  return table;
}

export function wordDiff(a: string, b: string): { a: DiffToken[]; b: DiffToken[] } {
  const wordsA = a.split(/\s+/u).filter(Boolean).slice(0, MAX_WORDS);
  const wordsB = b.split(/\s+/u).filter(Boolean).slice(0, MAX_WORDS);
  const keysA = wordsA.map(comparable);
  const keysB = wordsB.map(comparable);
  // Most related passages are verbatim: the same words need no table.
  if (keysA.length === keysB.length && keysA.every((key, index) => key === keysB[index] && key !== '')) {
    return { a: wordsA.map((text) => ({ text, status: 'same' })), b: wordsB.map((text) => ({ text, status: 'same' })) };
  }
  // length(i, j): LCS length of keysA[i..] and keysB[j..], in one table reused by every call.
  const width = keysB.length + 1;
  const lengths = lcsTable((keysA.length + 1) * width);
  lengths.fill(0, keysA.length * width, (keysA.length + 1) * width);
  for (let i = keysA.length - 1; i >= 0; i--) {
    const row = i * width;
    lengths[row + keysB.length] = 0;
    for (let j = keysB.length - 1; j >= 0; j--) {
      lengths[row + j] = keysA[i] === keysB[j] && keysA[i] !== '' ? lengths[row + width + j + 1]! + 1 : Math.max(lengths[row + width + j]!, lengths[row + j + 1]!);
    }
  }
  const tokensA: DiffToken[] = [];
  const tokensB: DiffToken[] = [];
  let i = 0;
  let j = 0;
  while (i < keysA.length && j < keysB.length) {
    if (keysA[i] === keysB[j] && keysA[i] !== '') {
      tokensA.push({ text: wordsA[i]!, status: 'same' });
      tokensB.push({ text: wordsB[j]!, status: 'same' });
      i++;
      j++;
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) {
      tokensA.push({ text: wordsA[i]!, status: 'only' });
      i++;
    } else {
      tokensB.push({ text: wordsB[j]!, status: 'only' });
      j++;
    }
  }
  for (; i < wordsA.length; i++) tokensA.push({ text: wordsA[i]!, status: 'only' });
  for (; j < wordsB.length; j++) tokensB.push({ text: wordsB[j]!, status: 'only' });
  return { a: tokensA, b: tokensB };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

function escapeText(text: string): string {
  return /[&<>]/u.test(text) ? text.replace(/[&<>]/gu, (character) => ESCAPES[character]!) : text;
}

/**
 * A rendering's words as HTML, the words found in it alone each in its `<mark>`. Built as a string because a
 * comparison page holds thousands of words, and one template expression per word made those pages the slowest of the
 * build. The words in both renderings are escaped a run at a time: with a callback per word, writing the HTML took as
 * long as the diff (the same 60,600 relations in 0.8 s against 1.9 s, the HTML unchanged).
 */
export function diffHtml(tokens: readonly DiffToken[]): string {
  const parts: string[] = [];
  let index = 0;
  while (index < tokens.length) {
    const token = tokens[index]!;
    if (token.status === 'only') {
      parts.push(`<mark>${escapeText(token.text)}</mark>`);
      index++;
      continue;
    }
    let run = token.text;
    for (index++; index < tokens.length && tokens[index]!.status === 'same'; index++) run += ` ${tokens[index]!.text}`;
    parts.push(escapeText(run));
  }
  return parts.join(' ');
}
