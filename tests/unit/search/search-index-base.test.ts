/**
 * What a rebuild's search index is written as (search-index-base.ts), and how
 * the search page takes the superseded records out (search-page.ts).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entryHash, planIndex, readBase, recordHash, type SearchIndexBase } from '../../../src/lib/search-index-base.ts';
import type { SearchRecord } from '../../../src/lib/search-records.ts';
import { withoutSuperseded } from '../../../src/scripts/search-page.ts';

const record = (url: string, content: string): SearchRecord => ({ url, content, language: 'en', meta: {}, filters: { kind: ['statement'] } });

function baseOf(records: readonly SearchRecord[]): SearchIndexBase {
  return { key: 'k', folders: ['pagefind'], entries: ['e'], records: Object.fromEntries(records.map((item, index) => [item.url, { hash: recordHash(item), id: `en_${index}`, shard: 0 }])) };
}

// Forty documents of five records, 100 characters each.
const corpus = Array.from({ length: 40 }, (_, document) => Array.from({ length: 5 }, (_, passage) => record(`/documents/d${document}/#p${passage}`, 'x'.repeat(100))));
const base = baseOf(corpus.flat());

describe('planIndex', () => {
  it('writes the index whole when there is no base', () => {
    expect(planIndex(undefined, corpus)).toEqual({ kind: 'whole', reason: 'no index of the last build to start from' });
  });

  it('reuses every record of an unchanged corpus', () => {
    expect(planIndex(base, corpus)).toEqual({ kind: 'overlay', changed: [], superseded: [], reused: 200 });
  });

  it('indexes a changed, an added record and supersedes the changed and the removed ones', () => {
    const edited = record('/documents/d3/#p1', `${'x'.repeat(99)}y`);
    const added = record('/documents/d40/', 'new');
    const now = corpus.map((records, index) => (index === 3 ? records.map((item) => (item.url === edited.url ? edited : item)) : records)).slice(1);
    const plan = planIndex(base, [...now, [added]]);
    expect(plan).toEqual({ kind: 'overlay', changed: [edited, added], superseded: ['/documents/d0/#p0', '/documents/d0/#p1', '/documents/d0/#p2', '/documents/d0/#p3', '/documents/d0/#p4', '/documents/d3/#p1'], reused: 194 });
  });

  it('writes the index whole once the changes hold more than the content share', () => {
    // Three documents of forty changed: 7.5% of the content, past the 5% limit.
    const now = corpus.map((records, index) => (index < 3 ? records.map((item) => ({ ...item, content: 'z'.repeat(100) })) : records));
    const plan = planIndex(base, now);
    expect(plan.kind).toBe('whole');
    expect(plan.kind === 'whole' && plan.reason).toBe('changed records hold 7.5% of the content (more than 5%)');
    expect(planIndex(base, now.map((records, index) => (index < 2 ? records : corpus[index]!))).kind).toBe('overlay');
  });

  it('writes the index whole past the record limit, which bounds the manifest every search fetches', () => {
    const now = corpus.map((records) => records.map((item) => ({ ...item, content: 'z'.repeat(100) })));
    expect(planIndex(base, now, { contentShare: 1, records: 399 }).kind).toBe('whole');
    expect(planIndex(base, now, { contentShare: 1, records: 400 }).kind).toBe('overlay');
  });

  it('writes the index whole when two records share a URL', () => {
    expect(planIndex(base, [[record('/documents/a/', 'one'), record('/documents/a/', 'two')]])).toEqual({ kind: 'whole', reason: 'two search records at /documents/a/' });
  });
});

describe('readBase', () => {
  it('returns the base while dist/ holds its files, and otherwise says why not', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dispatch-read-base-'));
    try {
      const file = join(dir, 'search-index.json');
      const dist = join(dir, 'dist');
      mkdirSync(join(dist, 'pagefind'), { recursive: true });
      writeFileSync(join(dist, 'pagefind', 'pagefind-entry.json'), '{"version":"1.6.0"}');
      expect(readBase(file, 'k', dist)).toBe('no index of the last build to start from');
      const kept = { ...base, entries: [entryHash(join(dist, 'pagefind'))] };
      writeFileSync(file, JSON.stringify(kept));
      expect(readBase(file, 'k', dist)).toEqual(kept);
      expect(readBase(file, 'other', dist)).toBe('the search-index code or Pagefind changed since the last build');
      writeFileSync(join(dist, 'pagefind', 'pagefind-entry.json'), '{"version":"1.6.1"}');
      expect(readBase(file, 'k', dist)).toBe('the last build’s index in dist/ is not the one described in .cache/');
      writeFileSync(file, '{');
      expect(readBase(file, 'k', dist)).toBe(`${file} could not be read`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('withoutSuperseded', () => {
  const result = (id: string) => ({ id, data: async () => ({}) as never });
  const search = { results: [result('en_a'), result('en_old'), result('en_b')], filters: { speaker: { 'Wang Yi': 2, 'Sergey Lavrov': 2 }, year: { '2021': 3 } } };

  it('drops a superseded result and takes its filters off the counts', () => {
    const clean = withoutSuperseded(search, { en_old: { speaker: ['Sergey Lavrov'], year: ['2021'] }, en_gone: { speaker: ['Wang Yi'] } });
    expect(clean.results.map((item) => item.id)).toEqual(['en_a', 'en_b']);
    // en_gone is not among these results: its values stay counted as they are.
    expect(clean.filters).toEqual({ speaker: { 'Wang Yi': 2, 'Sergey Lavrov': 1 }, year: { '2021': 2 } });
    expect(search.filters.speaker['Sergey Lavrov']).toBe(2);
  });

  it('leaves a search of an index with no overlay as it is', () => {
    expect(withoutSuperseded(search, undefined)).toBe(search);
  });
});
