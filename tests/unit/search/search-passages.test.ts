import { describe, expect, it } from 'vitest';
import { parsePassageSpans, passageExcerpts } from '../../../src/lib/search-passages.ts';
import { passageSearchRecords } from '../../../src/lib/search-records.ts';

const spans = parsePassageSpans('s-a@0 s-b@6 s-c@10');
// The content as Pagefind returns it: words joined by single spaces.
const content = 'The situation is at a watershed. Multipolarity is the trend. A third watershed line.';

const shown = (words: { text: string; hit: boolean }[]) => words.map((word) => (word.hit ? `[${word.text}]` : word.text)).join(' ');

describe('parsePassageSpans', () => {
  it('reads anchors and word offsets, and drops what it cannot read', () => {
    expect(spans).toEqual([
      { anchor: 's-a', start: 0 },
      { anchor: 's-b', start: 6 },
      { anchor: 's-c', start: 10 },
    ]);
    expect(parsePassageSpans('s-a@x @3 s-b@-1 s@b@4')).toEqual([{ anchor: 's@b', start: 4 }]);
    expect(parsePassageSpans(undefined)).toEqual([]);
  });
});

describe('passageExcerpts', () => {
  it('maps each hit to the passage that holds it and marks it there', () => {
    // "watershed." is word 5 (first passage), "watershed" word 12 (third).
    const excerpts = passageExcerpts(content, [12, 5], spans, { length: 40 });
    expect(excerpts.map((excerpt) => excerpt.anchor)).toEqual(['s-a', 's-c']);
    expect(shown(excerpts[0]!.words)).toBe('The situation is at a [watershed.]');
    expect(shown(excerpts[1]!.words)).toBe('A third [watershed] line.');
    expect(excerpts.map((excerpt) => excerpt.hits)).toEqual([1, 1]);
  });

  it('shows every passage from its start when the search had no words', () => {
    const excerpts = passageExcerpts(content, [], spans, { length: 3 });
    expect(excerpts.map((excerpt) => shown(excerpt.words))).toEqual(['The situation is', 'Multipolarity is the', 'A third watershed']);
    expect(excerpts.map((excerpt) => [excerpt.cutBefore, excerpt.cutAfter])).toEqual([
      [false, true],
      [false, true],
      [false, true],
    ]);
  });

  it('cuts a long passage around its first hit, inside the passage', () => {
    const [excerpt] = passageExcerpts(content, [12], spans, { length: 3 });
    expect(shown(excerpt!.words)).toBe('third [watershed] line.');
    expect([excerpt!.cutBefore, excerpt!.cutAfter]).toEqual([true, false]);
  });

  it('agrees with the offsets the build writes', () => {
    const [record] = passageSearchRecords({
      speakers: [{ id: 'w', name: 'W' }],
      documents: [{ slug: 'd', title: 'D', date: '2021-01-01', outlet: 'w' }],
      statements: [
        { url: '/documents/d/#one', document: 'd', speakers: ['w'], kind: 'statement', text: 'First  passage\u00a0here.' },
        { url: '/documents/d/#two', document: 'd', speakers: ['w'], kind: 'statement', text: 'Second one.' },
      ],
    });
    // Pagefind collapses every run of white space into one space.
    const returned = record!.content.split(/\s+/u).join(' ');
    const excerpts = passageExcerpts(returned, [3], parsePassageSpans(record!.meta['passages']), { length: 10 });
    expect(excerpts.map((excerpt) => [excerpt.anchor, shown(excerpt.words)])).toEqual([['two', '[Second] one.']]);
  });
});
