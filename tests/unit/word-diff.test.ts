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

  it('gives the same diff after larger ones: nothing of an earlier table is read again', () => {
    const first = 'China is a truly strategic partner and a like-minded country for us."';
    const second = '“For us, China is a true strategic partner and like-minded friend.';
    const before = wordDiff(first, second);
    // Longer and wider tables, with other words, fill the table the next diff reads from.
    const long = Array.from({ length: 120 }, (_, index) => `word${index % 7}`).join(' ');
    wordDiff(long, `${long} more words at the end`);
    wordDiff(`${first} ${long}`, second);
    wordDiff(second, `${long} ${first}`);
    // The same width with more rows: where the next diff's last row and column lie, this one's are far from zero.
    wordDiff(`${first} ${first}`, second);
    expect(wordDiff(first, second)).toEqual(before);
    expect(wordDiff(second, first)).toEqual({ a: before.b, b: before.a });
  });
});

describe('diffHtml', () => {
  it('marks the words of one rendering alone and escapes the text', () => {
    const { a, b } = wordDiff('Russia & China <agree> fully', 'Russia & China agree');
    expect(diffHtml(a)).toBe('Russia &amp; China <mark>&lt;agree&gt;</mark> <mark>fully</mark>');
    expect(diffHtml(b)).toBe('Russia &amp; China <mark>agree</mark>');
  });

  it('puts each word of one rendering alone in its own mark, and escapes a run of shared words whole', () => {
    const { a } = wordDiff('Tom & Jerry <b> say so & more', 'Tom & Jerry say so');
    expect(diffHtml(a)).toBe('Tom &amp; Jerry <mark>&lt;b&gt;</mark> say so <mark>&amp;</mark> <mark>more</mark>');
  });

  it('marks nothing when the words are the same', () => {
    const { a, b } = wordDiff('The same words, “quoted”.', 'The same words, "quoted".');
    expect(diffHtml(a)).toBe('The same words, “quoted”.');
    expect(b.every((token) => token.status === 'same')).toBe(true);
  });
});
