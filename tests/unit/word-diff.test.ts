import { describe, expect, it } from 'vitest';
import { diffHtml, wordDiff } from '../../src/lib/word-diff.ts';

const only = (tokens: { text: string; status: string }[]) => tokens.filter((token) => token.status === 'only').map((token) => token.text);

describe('wordDiff', () => {
  it('marks the words each translation has alone', () => {
    const { a, b } = wordDiff(
      'China is a truly strategic partner and a like-minded country for us."',
      '“For us, China is a true strategic partner and like-minded friend.',
    );
    expect(only(a)).toEqual(['truly', 'a', 'country', 'for', 'us."']);
    expect(only(b)).toEqual(['“For', 'us,', 'true', 'friend.']);
  });

  it('treats spelling and punctuation variants as the same word', () => {
    const { a, b } = wordDiff('a stabilising effect on the global and regional situation.”', 'a stabilizing effect on the global and regional situation,”');
    expect(only(a)).toEqual([]);
    expect(only(b)).toEqual([]);
  });

  it('keeps every word of both texts, in order', () => {
    const first = 'Interference in a sovereign nation’s internal affairs under the excuse of ‘advancing democracy’ is unacceptable';
    const second = "Interfering in sovereign states' internal affairs under the guise of 'promoting democracy' is unacceptable.";
    const { a, b } = wordDiff(first, second);
    expect(a.map((token) => token.text).join(' ')).toBe(first);
    expect(b.map((token) => token.text).join(' ')).toBe(second);
    expect(only(b)).toEqual(['Interfering', 'states\'', 'guise', "'promoting"]);
  });
});

describe('diffHtml', () => {
  it('marks the words of one rendering alone and escapes the text', () => {
    const { a, b } = wordDiff('Russia & China <agree> fully', 'Russia & China agree');
    expect(diffHtml(a)).toBe('Russia &amp; China <mark>&lt;agree&gt;</mark> <mark>fully</mark>');
    expect(diffHtml(b)).toBe('Russia &amp; China <mark>agree</mark>');
  });

  it('marks nothing when the words are the same', () => {
    const { a, b } = wordDiff('The same words, “quoted”.', 'The same words, "quoted".');
    expect(diffHtml(a)).toBe('The same words, “quoted”.');
    expect(b.every((token) => token.status === 'same')).toBe(true);
  });
});
