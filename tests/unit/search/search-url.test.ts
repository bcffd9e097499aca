import { describe, expect, it } from 'vitest';
import { queryPattern } from '../../../src/scripts/highlight-passage.ts';
import { passageHref, readState, stateToSearch } from '../../../src/scripts/search-page.ts';

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
