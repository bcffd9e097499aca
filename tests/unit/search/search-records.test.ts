import { describe, expect, it } from 'vitest';
import { documentSearchFilters, documentSearchRecords, pagefindWordCount, passageSearchRecords, searchFacets, type SearchDataset } from '../../../src/lib/search-records.ts';

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

describe('passageSearchRecords', () => {
  const grouped: SearchDataset = {
    ...dataset,
    statements: [
      ...dataset.statements,
      { url: '/documents/doc/#s-e', document: 'doc', speakers: ['wang-yi'], kind: 'statement', text: 'Multipolarity\u00a0is  the trend.' },
      { url: '/documents/doc/#s-f', document: 'doc', speakers: ['wang-yi'], kind: 'statement', text: 'A third line.' },
    ],
  };
  const records = passageSearchRecords(grouped);

  it('makes one record per speaker, kind and document, at its first passage’s URL, with the words unchanged', () => {
    expect(records.map((record) => record.url)).toEqual(['/documents/doc/#s-a', '/documents/doc/#s-b', '/documents/doc/#s-c', '/documents/doc/#s-d']);
    expect(records[0]!.content).toBe('The situation is at a watershed. Multipolarity\u00a0is  the trend. A third line.');
    expect(records[2]!.content).toBe('What do you say?');
  });

  it('lists each passage with the position of its first word, counted as Pagefind counts words', () => {
    // "The situation is at a watershed." is 6 words; "Multipolarity is the trend." 4 (a no-break space and a double space separate words).
    expect(records[0]!.meta['passages']).toBe('s-a@0 s-e@6 s-f@10');
    expect(records[1]!.meta['passages']).toBe('s-b@0');
    expect(pagefindWordCount(' two\u2003words\n')).toBe(2);
    // U+FEFF is not white space to Pagefind, though JavaScript's \s says it is.
    expect(pagefindWordCount('one\ufeffword')).toBe(1);
  });

  it('never puts two speakers, or two kinds, in one record', () => {
    expect(records[0]!.filters).toEqual({ speaker: ['Wang Yi'], outlet: ['MEMRI'], year: ['2021'], kind: ['statement'], document: ['A dispatch'] });
    expect(records[1]!.filters.speaker).toEqual(['Wang Yi', 'Sergey Lavrov']);
    expect(records[1]!.filters.kind).toEqual(['joint statement']);
    expect(records[2]!.filters.kind).toEqual(['question']);
  });

  it('gives unattributed passages no speaker value, so no speaker filter can return them', () => {
    expect(records[3]!.filters).not.toHaveProperty('speaker');
    expect(records[3]!.meta['speaker']).toBe('Unattributed');
  });

  it('carries what a result shows: speakers, outlet, date, kind and the document title', () => {
    expect(records[1]!.meta).toEqual({ title: 'A dispatch', speaker: 'Wang Yi and Sergey Lavrov', outlet: 'MEMRI', date: '2021-03-24', kind: 'joint statement', passages: 's-b@0' });
  });

  it('refuses a dataset whose ids do not resolve rather than index a wrong name', () => {
    const broken = { ...dataset, statements: [{ ...dataset.statements[0]!, speakers: ['nobody'] }] };
    expect(() => passageSearchRecords(broken)).toThrow(/unknown speaker id `nobody`/u);
    const unanchored = { ...dataset, statements: [{ ...dataset.statements[0]!, url: '/documents/doc/' }] };
    expect(() => passageSearchRecords(unanchored)).toThrow(/has no #fragment/u);
  });
});

describe('documentSearchRecords', () => {
  const text = { masthead: ['Special Dispatch No. 9252'], narration: ['Below is the joint statement.', 'See MEMRI Inquiry and Analysis No. 1536.'] };

  it('makes one record per document at its page, of its title, masthead and narration, with the document filters', () => {
    const [record] = documentSearchRecords(dataset, () => text);
    expect(record).toEqual({
      url: '/documents/doc/',
      content: 'A dispatch Special Dispatch No. 9252 Below is the joint statement. See MEMRI Inquiry and Analysis No. 1536.',
      language: 'en',
      meta: { title: 'A dispatch', outlet: 'MEMRI', date: '2021-03-24', kind: 'document' },
      filters: { outlet: ['MEMRI'], year: ['2021'], kind: ['document'], document: ['A dispatch'] },
    });
  });

  it('refuses an outlet id that does not resolve rather than index a wrong name', () => {
    const broken = { ...dataset, documents: [{ ...dataset.documents[0]!, outlet: 'nobody' }] };
    expect(() => documentSearchRecords(broken, () => text)).toThrow(/unknown speaker id `nobody`/u);
  });
});

describe('searchFacets', () => {
  it('counts each filter value over statements and documents, most frequent first, years newest first', () => {
    const records = passageSearchRecords(dataset);
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
