/**
 * The cross-document stage's first step: every relation between the corpus's
 * statements, detected through the indexes (detect-relations.ts) and then
 * corrected by the editors' content/relations.yaml. A plain function of the
 * statements, run once per build: by `npm run build` beside Astro's start-up
 * (and handed to Astro as a file, see relations-handoff.ts), or by Astro
 * itself when it builds alone.
 */
import type { StatementRecord } from '../../pipeline/remark-statements.ts';
import { applyCuratedRelations, readCuratedRelations } from './curated.ts';
import { detectRelations, type Relation, type RelationInput, type RelationStats } from './detect-relations.ts';

export interface FoundRelations {
  relations: Relation[];
  stats: RelationStats;
  /** Entries of content/relations.yaml applied. */
  curated: number;
  milliseconds: number;
}

/** Documents oldest first (the dataset's order), each with its statements. */
export type RelationDocuments = readonly { document: { slug: string; date: string }; statements: readonly StatementRecord[] }[];

/** What relation detection reads of each statement: nothing else of a document counts. */
export function relationInputs(documents: RelationDocuments): RelationInput[] {
  return documents.flatMap(({ document, statements }) =>
    statements.map((statement) => ({ id: `${document.slug}/${statement.id}`, document: document.slug, speakers: statement.speakers, text: statement.text, date: document.date })),
  );
}

/** Each statement's text by its id, as the relations name it: what a handed-over relation's passages are cut from. */
export function statementTexts(documents: RelationDocuments): (id: string) => string | undefined {
  const texts = new Map<string, string>();
  for (const { document, statements } of documents) for (const statement of statements) texts.set(`${document.slug}/${statement.id}`, statement.text);
  return (id) => texts.get(id);
}

export function findRelations(root: string, documents: RelationDocuments): FoundRelations {
  const started = performance.now();
  const inputs = relationInputs(documents);
  const { relations: detected, stats } = detectRelations(inputs);
  // The content check has already refused a relations file with unknown ids or opening words that are not the statements'.
  const texts = new Map(inputs.map((input) => [input.id, input.text]));
  const curated = readCuratedRelations(root, texts).entries;
  const relations = applyCuratedRelations(detected, curated, texts);
  return { relations, stats, curated: curated.length, milliseconds: performance.now() - started };
}

/** The line the build prints (and the benchmark reads); `cached` when the last build's relations were kept. */
export function describeRelations({ relations, stats, curated, milliseconds }: FoundRelations, { cached = false } = {}): string {
  const byKind = (kind: string) => relations.filter((relation) => relation.kind === kind).length;
  return (
    `Relations: ${relations.length} (verbatim ${byKind('verbatim')}, translation ${byKind('translation')}, paraphrase ${byKind('paraphrase')}; ` +
    `${curated} curated) from ${stats.candidatePairs} candidate pairs among ${stats.statements} statements ` +
    (cached ? 'kept from the last build (the same statements, relations file and rules).' : `in ${milliseconds.toFixed(0)} ms.`)
  );
}

