/**
 * The open dataset published at /data/statements.json, documents.json,
 * speakers.json and relations.json, as one plain function of the annotated
 * documents, the registry and the relations. `npm run build` writes the files
 * beside Astro's pages (parallel-outputs.ts: 80 MB of JSON at 1,000 documents
 * had been a tenth of Astro's rendering); the search records are built from
 * the same objects, and the pages' own views of the relations (site-data.ts)
 * use the same `shownRelationsByStatement`, so data, search and pages agree.
 */
import type { StatementRecord } from '../pipeline/remark-statements.ts';
import { compareStatementIds, datasetDocument, datasetSpeaker, datasetStatements, type DatasetStatement } from './dataset.ts';
import type { DocumentSummary } from './document-summary.ts';
import type { Relation } from './relations/detect-relations.ts';
import { compareHref, relationKey, shownRelationsByStatement } from './relations/shown-relations.ts';
import type { Speaker } from './schema.ts';

export interface DatasetInput {
  speakers: ReadonlyMap<string, Speaker>;
  /** Oldest first, then by slug. */
  documents: readonly { document: DocumentSummary; statements: readonly StatementRecord[] }[];
}

export interface DatasetRelation {
  a: string;
  b: string;
  kind: Relation['kind'];
  score: number;
  origin: Relation['origin'];
  /** The editors' note on a curated relation. */
  note?: string;
  passageA: string;
  passageB: string;
  /** The comparison, on the page of a document that shows the pair; a pair shown on neither has none. */
  compare?: string;
}

export interface OpenDataset {
  statements: { statements: DatasetStatement[] };
  documents: { documents: ReturnType<typeof datasetDocument>[] };
  speakers: { speakers: ReturnType<typeof datasetSpeaker>[] };
  relations: { relations: DatasetRelation[] };
}

/** The four files' contents, by file name without `.json`. */
export function openDataset({ speakers, documents }: DatasetInput, relations: readonly Relation[]): OpenDataset {
  const relatedIds = new Map<string, string[]>();
  for (const relation of relations) {
    for (const [id, other] of [
      [relation.a, relation.b],
      [relation.b, relation.a],
    ] as const) {
      const list = relatedIds.get(id);
      if (list) list.push(other);
      else relatedIds.set(id, [other]);
    }
  }
  const statementCounts = new Map<string, number>();
  for (const { statements } of documents) for (const statement of statements) for (const id of statement.speakers) statementCounts.set(id, (statementCounts.get(id) ?? 0) + 1);

  const documentOf = new Map<string, DocumentSummary>();
  for (const { document, statements } of documents) for (const statement of statements) documentOf.set(`${document.slug}/${statement.id}`, document);
  const keys = new Map(relations.map((relation) => [relation, relationKey(relation)]));
  const shown = shownRelationsByStatement(
    relations,
    (relation) => relation,
    (relation) => keys.get(relation)!,
    (id) => documentOf.get(id)?.date ?? '',
  );
  const shownFrom = (id: string, relation: Relation) => shown.get(id)?.includes(relation) ?? false;

  return {
    statements: {
      statements: documents.flatMap(({ document, statements }) => datasetStatements(document, statements, (id) => [...(relatedIds.get(id) ?? [])].sort(compareStatementIds))),
    },
    documents: { documents: documents.map(({ document, statements }) => datasetDocument(document, statements.length)) },
    // By id, whatever order the registry lists them in.
    speakers: {
      speakers: [...speakers.values()]
        .sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
        .map((speaker) => datasetSpeaker(speaker, statementCounts.get(speaker.id) ?? 0)),
    },
    relations: {
      relations: relations.flatMap((relation) => {
        const a = documentOf.get(relation.a);
        const b = documentOf.get(relation.b);
        if (!a || !b) return [];
        const key = keys.get(relation)!;
        const compare = shownFrom(relation.a, relation) ? compareHref(a.slug, key) : shownFrom(relation.b, relation) ? compareHref(b.slug, key) : undefined;
        return [
          {
            a: relation.a,
            b: relation.b,
            kind: relation.kind,
            score: relation.score,
            origin: relation.origin,
            ...(relation.note === undefined ? {} : { note: relation.note }),
            passageA: relation.passageA.text,
            passageB: relation.passageB.text,
            ...(compare ? { compare } : {}),
          },
        ];
      }),
    },
  };
}
