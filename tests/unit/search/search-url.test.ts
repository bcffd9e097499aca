import { describe, expect, it } from 'vitest';
import { queryPattern } from '../../../src/scripts/highlight-passage.ts';
import { passageHref, readState, splitUnlisted, stateToSearch, unlistedNote } from '../../../src/scripts/search-page.ts';

describe('search state in the URL', () => {
  it('reads the query and repeated filters, and writes them back the same', () => {
    const search = '?q=strategic+partner&speaker=Wang+Yi&speaker=Sergey+Lavrov&year=2021';
    const state = readState(search);
    expect(state).toEqual({ query: 'strategic partner', filters: { speaker: ['Wang Yi', 'Sergey Lavrov'], year: ['2021'] } });
    expect(stateToSearch(state)).toBe(search);
  });

  it('ignores unknown parameters and empty values', () => {
    expect(readState('?q=&speaker=&utm_source=x&kind=question')).toEqual({ query: '', filters: { kind: ['question'] } });
    expect(stateToSearch({ query: '', filters: {} })).toBe('');
  });

  it('leaves out a link’s filter values the form does not list, and keeps the facets it does not show', () => {
    const listed: Record<string, string[]> = { speaker: ['Wang Yi', 'Sergey Lavrov'], year: ['2021', '2023'] };
    const isListed = (key: string, value: string) => (key in listed ? listed[key]!.includes(value) : undefined);
    const { state, unlisted } = splitUnlisted(readState('?q=x&speaker=wang-yi&speaker=Sergey+Lavrov&year=1999&document=Some+title'), isListed);
    expect(state).toEqual({ query: 'x', filters: { speaker: ['Sergey Lavrov'], document: ['Some title'] } });
    expect(unlisted).toEqual([
      { key: 'speaker', value: 'wang-yi' },
      { key: 'year', value: '1999' },
    ]);
    expect(unlistedNote(unlisted)).toBe(' The link’s filters speaker “wang-yi”, year “1999” match no value listed here and were left out.');
    expect(unlistedNote(unlisted.slice(0, 1))).toBe(' The link’s filter speaker “wang-yi” matches no value listed here and was left out.');
    expect(unlistedNote([])).toBe('');
  });

  it('puts the query before the fragment of a passage link', () => {
    expect(passageHref('/documents/a/#s-x', 'the watershed')).toBe('/documents/a/?hl=the%20watershed#s-x');
    expect(passageHref('/documents/a/', 'x')).toBe('/documents/a/?hl=x');
    expect(passageHref('/documents/a/#s-x', '')).toBe('/documents/a/#s-x');
  });
});

describe('queryPattern (highlighting on arrival)', () => {
  it('matches whole words starting with a query word or its stem, in any case', () => {
    const pattern = queryPattern('cooperating Watershed')!;
    expect('Cooperation at a watershed; watersheds. uncooperative'.match(pattern)).toEqual(['Cooperation', 'watershed', 'watersheds']);
  });

  it('treats the query as text, not as a pattern', () => {
    expect('a (bb) c.*'.match(queryPattern('(bb) .*')!)).toEqual(['bb']);
    expect(queryPattern('  ')).toBeUndefined();
  });
});
