/**
 * `npm run build` finds the relations in its own process while Astro starts up
 * (scripts/build.ts), and hands them to Astro as a JSON file named by an
 * environment variable (handoff.ts). Astro's pages wait for the file instead of
 * finding the relations again on their single thread. Without the variable
 * (Astro on its own, the dev server) Astro finds them itself.
 *
 * The file holds each passage by its offsets only. A passage is always a slice
 * of its statement's text (detect-relations.ts `passageOf`, curated.ts `whole`),
 * and the reader has the statements, so the text is restored there: at 1,000
 * documents the file is 19 MB instead of 54 MB, and writing and reading it cost
 * about 0.5 s instead of 2.7 s of the rebuild's critical path; each statement id
 * is written once (HandedRelation). The same file is kept for the next build
 * (relations-cache.ts).
 */
import { awaitHandoff, WAIT_LIMIT_MS, writeHandoff } from '../handoff.ts';
import { RELATION_KINDS, type Passage, type Relation, type RelationKind } from './detect-relations.ts';
import type { FoundRelations } from './find-relations.ts';

/** The variable that names the file. */
export const RELATIONS_FILE_ENV = 'DISPATCH_RELATIONS_FILE';

/**
 * A relation as handed over, as a row: its statements by their place in {@link HandedRelations.statements}, its
 * passages by offsets, and the editors' note last, where a curated relation has one. A statement id is a document's
 * slug and an anchor (about 100 characters) and takes part in several relations: named once, the file at 1,000
 * documents is 3.7 MB instead of 19 MB, and writing it takes 0.13 s instead of 0.74 s of the path to Astro's first page.
 */
export type HandedRelation =
  | [a: number, b: number, kind: RelationKind, score: number, startA: number, endA: number, startB: number, endB: number, origin: Relation['origin']]
  | [a: number, b: number, kind: RelationKind, score: number, startA: number, endA: number, startB: number, endB: number, origin: Relation['origin'], note: string];

/** What the file holds. */
export interface HandedRelations extends Omit<FoundRelations, 'relations'> {
  /** Every statement id a relation names, once. */
  statements: string[];
  relations: HandedRelation[];
}

/** Gives a statement's text by its id (`<document slug>/<anchor>`). */
export type StatementText = (id: string) => string | undefined;

export function handedForm(found: FoundRelations): HandedRelations {
  const statements: string[] = [];
  const places = new Map<string, number>();
  const place = (id: string): number => {
    let index = places.get(id);
    if (index === undefined) {
      index = statements.push(id) - 1;
      places.set(id, index);
    }
    return index;
  };
  const relations = found.relations.map((relation): HandedRelation => {
    const row: HandedRelation = [
      place(relation.a),
      place(relation.b),
      relation.kind,
      relation.score,
      relation.passageA.start,
      relation.passageA.end,
      relation.passageB.start,
      relation.passageB.end,
      relation.origin,
    ];
    return relation.note === undefined ? row : [...row, relation.note];
  });
  return { ...found, statements, relations };
}

const outOfDate = (detail: string) =>
  new Error(
    `RelationsOutOfDate: the relations handed over ${detail}.\n` +
      'Hint: the relations were found from other content. Run `npm run build` again; if this persists, delete .cache/relations.json and .cache/relations.key.',
  );

/**
 * The relations with their passages' text, cut from the statements' texts. Throws when a statement is unknown: the
 * file was then found from other content than the reader's (a stale file), and its relations cannot be trusted.
 */
export function restoreHanded(handed: HandedRelations, textOf: StatementText): FoundRelations {
  if (!Array.isArray(handed.statements) || !Array.isArray(handed.relations)) throw outOfDate('are not in the form this build reads (a file of an older build)');
  const texts = handed.statements.map((id) => textOf(id));
  const passage = (index: number, start: number, end: number): Passage => {
    const id = handed.statements[index];
    if (id === undefined) throw outOfDate(`name statement number ${index}, which the file does not list`);
    const text = texts[index];
    if (text === undefined || !(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= text.length)) {
      throw outOfDate(`name statement \`${id}\`, which ${text === undefined ? 'the content does not have' : `has no characters ${start} to ${end}`}`);
    }
    return { start, end, text: text.slice(start, end) };
  };
  const { statements: _statements, ...rest } = handed;
  return {
    ...rest,
    relations: handed.relations.map(([a, b, kind, score, startA, endA, startB, endB, origin, note]): Relation => {
      if (!RELATION_KINDS.includes(kind)) throw outOfDate(`give a relation the kind \`${String(kind)}\`, which this build does not know`);
      const passageA = passage(a, startA, endA);
      const passageB = passage(b, startB, endB);
      return { a: handed.statements[a]!, b: handed.statements[b]!, kind, score, passageA, passageB, origin, ...(note === undefined ? {} : { note }) };
    }),
  };
}

export function writeHandedRelations(path: string, found: FoundRelations): void {
  writeHandoff(path, handedForm(found));
}

export async function awaitHandedRelations(path: string, textOf: StatementText, waitLimitMs = WAIT_LIMIT_MS): Promise<FoundRelations> {
  const handed = await awaitHandoff<HandedRelations>(path, { name: 'RelationsNotHanded', what: 'the relations', variable: RELATIONS_FILE_ENV, waitLimitMs });
  return restoreHanded(handed, textOf);
}
