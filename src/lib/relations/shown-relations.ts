/**
 * Which relations a statement's page shows beside it, and where each pair is
 * compared: plain functions of the relations, shared by the pages (site-data.ts)
 * and the open dataset written beside them (open-dataset.ts), so both always
 * name the same comparisons.
 */
import { createHash } from 'node:crypto';
import type { Relation } from './detect-relations.ts';

/**
 * Related reports shown beside one statement: the closest kinds first, then the highest scores. A line reported by
 * hundreds of outlets keeps its page readable (and the build linear); /data/statements.json lists every relation.
 */
export const MAX_RELATED_SHOWN = 6;

const KIND_ORDER = { verbatim: 0, translation: 1, paraphrase: 2 } as const;

/** Stable key of a pair: the comparison's fragment (`#c-<key>`). */
export function relationKey(relation: Pick<Relation, 'a' | 'b'>): string {
  return createHash('sha256').update(`${relation.a}|${relation.b}`).digest('hex').slice(0, 12);
}

/** Where a pair is compared, seen from the document `slug` that shows it. */
export function compareHref(slug: string, key: string): string {
  return `/compare/${slug}/#c-${key}`;
}

/**
 * For each statement id, the relations shown beside it, best first: by kind, then score, then the other report's
 * date, then key (sorted once per build).
 */
export function shownRelationsByStatement<T>(
  items: readonly T[],
  relationOf: (item: T) => Relation,
  keyOf: (item: T) => string,
  dateOf: (statementId: string) => string,
): Map<string, T[]> {
  const byStatement = new Map<string, T[]>();
  for (const item of items) {
    const relation = relationOf(item);
    for (const id of [relation.a, relation.b]) {
      const list = byStatement.get(id);
      if (list) list.push(item);
      else byStatement.set(id, [item]);
    }
  }
  for (const [statement, list] of byStatement) {
    const otherDate = (item: T) => {
      const relation = relationOf(item);
      return dateOf(relation.a === statement ? relation.b : relation.a);
    };
    list.sort(
      (x, y) =>
        KIND_ORDER[relationOf(x).kind] - KIND_ORDER[relationOf(y).kind] ||
        relationOf(y).score - relationOf(x).score ||
        otherDate(x).localeCompare(otherDate(y)) ||
        keyOf(x).localeCompare(keyOf(y)),
    );
    list.length = Math.min(list.length, MAX_RELATED_SHOWN);
  }
  return byStatement;
}
