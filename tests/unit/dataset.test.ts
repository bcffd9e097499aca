/**
 * The open dataset's statement ids in document order: a statement's `related` list reads as the documents do,
 * `p4` before `p14`, which string order had reversed.
 */
import { describe, expect, it } from 'vitest';
import type { StatementRecord } from '../../src/pipeline/remark-statements.ts';
import { compareStatementIds } from '../../src/lib/dataset.ts';
import type { DocumentSummary } from '../../src/lib/document-summary.ts';
import { openDataset } from '../../src/lib/open-dataset.ts';
import type { Relation } from '../../src/lib/relations/detect-relations.ts';

describe('compareStatementIds', () => {
  it('orders by document slug, then paragraph number, then the paragraph’s later statements', () => {
    const ids = ['b-doc/p2', 'a-doc/p14', 'a-doc/p4-10', 'a-doc/p4', 'a-doc/p4-2', 'a-doc/p40', 'a-doc/p4-3', 'a-doc/p1'];
    expect([...ids].sort(compareStatementIds)).toEqual(['a-doc/p1', 'a-doc/p4', 'a-doc/p4-2', 'a-doc/p4-3', 'a-doc/p4-10', 'a-doc/p14', 'a-doc/p40', 'b-doc/p2']);
    // String order, for contrast: what the dataset published before.
    expect([...ids].sort()).not.toEqual([...ids].sort(compareStatementIds));
  });

  it('the slug decides before the number, and equal ids are equal', () => {
    expect(compareStatementIds('2021-03-23-tracker/p9', '2021-03-24-memri/p2')).toBeLessThan(0);
    expect(compareStatementIds('2021-03-24-memri/p2', '2021-03-23-tracker/p9')).toBeGreaterThan(0);
    expect(compareStatementIds('a-doc/p12-2', 'a-doc/p12-2')).toBe(0);
  });
});

function summary(slug: string, date: string): DocumentSummary {
  return {
    slug,
    href: `/documents/${slug}/`,
    title: slug,
    date,
    dateLabel: date,
    dateBasis: 'printed',
    dateNote: undefined,
    kind: 'article',
    kindId: 'article',
    outlet: { id: 'outlet', name: 'Outlet' },
    speakers: [],
    summary: '',
    reference: undefined,
    section: undefined,
    url: undefined,
    eventDates: [],
    masthead: [],
    sourceHref: `/sources/${slug}.txt`,
  };
}

const statement = (id: string): StatementRecord => ({ id, speakers: [], kind: 'statement', rule: 'test', text: `Statement ${id} says something.`, line: 1, dates: [] });

function relation(a: string, b: string): Relation {
  const passage = { start: 0, end: 4, text: 'Stat' };
  return { a, b, kind: 'verbatim', score: 1, passageA: passage, passageB: passage, origin: 'detected' };
}

describe('openDataset', () => {
  it('lists each statement’s related ids in document order', () => {
    const documents = [
      { document: summary('a-doc', '2021-03-23'), statements: ['p1', 'p4', 'p4-2', 'p14'].map(statement) },
      { document: summary('b-doc', '2021-03-24'), statements: ['p2', 'p10'].map(statement) },
    ];
    // Relations as the detection gives them: a < b in string order, sorted the same way.
    const relations = [relation('a-doc/p1', 'a-doc/p14'), relation('a-doc/p1', 'a-doc/p4'), relation('a-doc/p1', 'a-doc/p4-2'), relation('a-doc/p1', 'b-doc/p10'), relation('a-doc/p1', 'b-doc/p2')];
    const { statements } = openDataset({ speakers: new Map(), documents }, relations).statements;
    const related = new Map(statements.map((entry) => [entry.id, entry.related]));
    expect(related.get('a-doc/p1')).toEqual(['a-doc/p4', 'a-doc/p4-2', 'a-doc/p14', 'b-doc/p2', 'b-doc/p10']);
    expect(related.get('a-doc/p14')).toEqual(['a-doc/p1']);
    expect(related.get('b-doc/p2')).toEqual(['a-doc/p1']);
  });
});
