import { describe, expect, it } from 'vitest';
import { documentSearchFilters, searchFacets, statementSearchRecords, type SearchDataset } from '../../../src/lib/search-records.ts';

const dataset: SearchDataset = {
  speakers: [
    { id: 'wang-yi', name: 'Wang Yi' },
    { id: 'sergey-lavrov', name: 'Sergey Lavrov' },
    { id: 'memri', name: 'MEMRI' },
    { id: 'cctv', name: 'CCTV' },
  ],
  documents: [{ slug: 'doc', title: 'A dispatch', date: '2021-03-24', outlet: 'memri' }],
  statements: [
    { url: '/documents/doc/#s-a', document: 'doc', speakers: ['wang-yi'], kind: 'statement', text: 'The situation is at a watershed.' },
    { url: '/documents/doc/#s-b', document: 'doc', speakers: ['wang-yi', 'sergey-lavrov'], kind: 'joint-statement', text: 'Both sides agree.' },
    { url: '/documents/doc/#s-c', document: 'doc', speakers: ['cctv'], kind: 'question', text: 'What do you say?' },
    { url: '/documents/doc/#s-d', document: 'doc', speakers: [], kind: 'statement', text: 'According to analysts, a setback.' },
  ],
};

describe('statementSearchRecords', () => {
  const records = statementSearchRecords(dataset);

  it('makes one record per statement, at the statement’s own URL, with its words unchanged', () => {
    expect(records.map((record) => record.url)).toEqual(['/documents/doc/#s-a', '/documents/doc/#s-b', '/documents/doc/#s-c', '/documents/doc/#s-d']);
    expect(records[0]!.content).toBe('The situation is at a watershed.');
  });

  it('filters by speaker display name, one value per speaker, and by outlet, year, kind and document', () => {
    expect(records[0]!.filters).toEqual({ speaker: ['Wang Yi'], outlet: ['MEMRI'], year: ['2021'], kind: ['statement'], document: ['A dispatch'] });
    expect(records[1]!.filters.speaker).toEqual(['Wang Yi', 'Sergey Lavrov']);
    expect(records[1]!.filters.kind).toEqual(['joint statement']);
    expect(records[2]!.filters.kind).toEqual(['question']);
  });

  it('gives an unattributed statement no speaker value, so no speaker filter can return it', () => {
    expect(records[3]!.filters).not.toHaveProperty('speaker');
    expect(records[3]!.meta['speaker']).toBe('Unattributed');
  });

  it('carries what a result shows: speakers, outlet, date, kind and the document title', () => {
    expect(records[1]!.meta).toEqual({ title: 'A dispatch', speaker: 'Wang Yi and Sergey Lavrov', outlet: 'MEMRI', date: '2021-03-24', kind: 'joint statement' });
  });

  it('refuses a dataset whose ids do not resolve rather than index a wrong name', () => {
    const broken = { ...dataset, statements: [{ ...dataset.statements[0]!, speakers: ['nobody'] }] };
    expect(() => statementSearchRecords(broken)).toThrow(/unknown speaker id `nobody`/u);
  });
});

describe('searchFacets', () => {
  it('counts each filter value over statements and documents, most frequent first, years newest first', () => {
    const records = statementSearchRecords(dataset);
    const facets = searchFacets([
      ...records.map((record) => record.filters),
      documentSearchFilters({ title: 'A dispatch', date: '2021-03-24', outletName: 'MEMRI' }),
      documentSearchFilters({ title: 'A readout', date: '2023-09-19', outletName: 'MFA' }),
    ]);
    expect(facets.speaker).toEqual([
      { value: 'Wang Yi', count: 2 },
      { value: 'CCTV', count: 1 },
      { value: 'Sergey Lavrov', count: 1 },
    ]);
    expect(facets.year).toEqual([
      { value: '2023', count: 1 },
      { value: '2021', count: 5 },
    ]);
    expect(facets.kind.find((value) => value.value === 'document')?.count).toBe(2);
    expect(facets.outlet).toEqual([
      { value: 'MEMRI', count: 5 },
      { value: 'MFA', count: 1 },
    ]);
  });
});
