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

export function wordDiff(a: string, b: string): { a: DiffToken[]; b: DiffToken[] } {
  const wordsA = a.split(/\s+/u).filter(Boolean).slice(0, MAX_WORDS);
  const wordsB = b.split(/\s+/u).filter(Boolean).slice(0, MAX_WORDS);
  const keysA = wordsA.map(comparable);
  const keysB = wordsB.map(comparable);
  // Most related passages are verbatim: the same words need no table.
  if (keysA.length === keysB.length && keysA.every((key, index) => key === keysB[index] && key !== '')) {
    return { a: wordsA.map((text) => ({ text, status: 'same' })), b: wordsB.map((text) => ({ text, status: 'same' })) };
  }
  // lengths[i][j]: LCS length of keysA[i..] and keysB[j..].
  const lengths = Array.from({ length: keysA.length + 1 }, () => new Uint16Array(keysB.length + 1));
  for (let i = keysA.length - 1; i >= 0; i--) {
    for (let j = keysB.length - 1; j >= 0; j--) {
      lengths[i]![j] = keysA[i] === keysB[j] && keysA[i] !== '' ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
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
    } else if (lengths[i + 1]![j]! >= lengths[i]![j + 1]!) {
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

/**
 * A rendering's words as HTML, the words found in it alone in `<mark>`. Built
 * as a string because a comparison page holds thousands of words, and one
 * template expression per word made those pages the slowest of the build.
 */
export function diffHtml(tokens: readonly DiffToken[]): string {
  return tokens
    .map((token) => {
      const text = token.text.replace(/[&<>]/gu, (character) => ESCAPES[character]!);
      return token.status === 'only' ? `<mark>${text}</mark>` : text;
    })
    .join(' ');
}
