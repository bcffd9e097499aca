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
 * about 0.5 s instead of 2.7 s of the rebuild's critical path. The same file is
 * kept for the next build (relations-cache.ts).
 */
import { awaitHandoff, WAIT_LIMIT_MS, writeHandoff } from '../handoff.ts';
import type { Passage, Relation } from './detect-relations.ts';
import type { FoundRelations } from './find-relations.ts';

/** The variable that names the file. */
export const RELATIONS_FILE_ENV = 'DISPATCH_RELATIONS_FILE';

/** A passage as handed over: where it is in its statement's text. */
export type HandedPassage = Omit<Passage, 'text'>;

/** A relation as handed over: its passages without their text. */
export interface HandedRelation extends Omit<Relation, 'passageA' | 'passageB'> {
  passageA: HandedPassage;
  passageB: HandedPassage;
}

/** What the file holds. */
export interface HandedRelations extends Omit<FoundRelations, 'relations'> {
  relations: HandedRelation[];
}

/** Gives a statement's text by its id (`<document slug>/<anchor>`). */
export type StatementText = (id: string) => string | undefined;

export function handedForm(found: FoundRelations): HandedRelations {
  return {
    ...found,
    relations: found.relations.map((relation) => ({
      ...relation,
      passageA: { start: relation.passageA.start, end: relation.passageA.end },
      passageB: { start: relation.passageB.start, end: relation.passageB.end },
    })),
  };
}

/**
 * The relations with their passages' text, cut from the statements' texts. Throws when a statement is unknown: the
 * file was then found from other content than the reader's (a stale file), and its relations cannot be trusted.
 */
export function restoreHanded(handed: HandedRelations, textOf: StatementText): FoundRelations {
  const passage = (id: string, { start, end }: HandedPassage): Passage => {
    const text = textOf(id);
    if (text === undefined || !(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= text.length)) {
      throw new Error(
        `RelationsOutOfDate: the relations handed over name statement \`${id}\`, which ${text === undefined ? 'the content does not have' : `has no characters ${start} to ${end}`}.\n` +
          'Hint: the relations were found from other content. Run `npm run build` again; if this persists, delete .cache/relations.json and .cache/relations.key.',
      );
    }
    return { start, end, text: text.slice(start, end) };
  };
  return {
    ...handed,
    relations: handed.relations.map((relation) => ({ ...relation, passageA: passage(relation.a, relation.passageA), passageB: passage(relation.b, relation.passageB) })),
  };
}

export function writeHandedRelations(path: string, found: FoundRelations): void {
  writeHandoff(path, handedForm(found));
}

export async function awaitHandedRelations(path: string, textOf: StatementText, waitLimitMs = WAIT_LIMIT_MS): Promise<FoundRelations> {
  const handed = await awaitHandoff<HandedRelations>(path, { name: 'RelationsNotHanded', what: 'the relations', variable: RELATIONS_FILE_ENV, waitLimitMs });
  return restoreHanded(handed, textOf);
}
