/**
 * The open dataset at /data/*.json: plain functions from what the pipeline
 * recorded (statements per document) and the content collections.
 */
import type { StatementRecord } from '../pipeline/remark-statements.ts';
import type { DocumentSummary } from './document-summary.ts';
import type { Speaker } from './schema.ts';

export interface DatasetStatement {
  /** Globally unique: `<document slug>/<anchor>`; stable while the document's blocks and the attribution rules stay the same. */
  id: string;
  /** The document's slug. */
  document: string;
  /** The `id` of the statement's element on its page. */
  anchor: string;
  /** Site path with fragment. */
  url: string;
  /** Speaker ids; empty when the rules could not name the speaker. */
  speakers: string[];
  /** `statement`, `question` or `joint-statement`. */
  kind: string;
  /** The rule that attributed it (`override` when the editors did). */
  attribution: string;
  text: string;
  /** ISO dates mentioned in the statement. */
  dates: string[];
  /** Ids of related statements, in both directions (see /compare/ for each pair), in document order (compareStatementIds). */
  related: string[];
}

const STATEMENT_ID = /^(.*)\/p(\d+)(?:-(\d+))?$/u;

/**
 * Statement ids in document order: by document slug, then paragraph number, then the paragraph's later statements
 * (`p4` before `p4-2` before `p14`; string order put `p14` before `p4`). An id of another form sorts by its string
 * after its document's anchors.
 */
export function compareStatementIds(x: string, y: string): number {
  const mx = STATEMENT_ID.exec(x);
  const my = STATEMENT_ID.exec(y);
  const slugX = mx?.[1] ?? x.slice(0, Math.max(0, x.lastIndexOf('/')));
  const slugY = my?.[1] ?? y.slice(0, Math.max(0, y.lastIndexOf('/')));
  if (slugX !== slugY) return slugX < slugY ? -1 : 1;
  if (mx && my) {
    const byParagraph = Number(mx[2]) - Number(my[2]) || Number(mx[3] ?? 1) - Number(my[3] ?? 1);
    if (byParagraph !== 0) return byParagraph;
  } else if (mx || my) return mx ? -1 : 1;
  return x < y ? -1 : x > y ? 1 : 0;
}

export function datasetStatements(
  document: DocumentSummary,
  statements: readonly StatementRecord[],
  relatedTo: (id: string) => string[] = () => [],
): DatasetStatement[] {
  return statements.map((statement) => ({
    id: `${document.slug}/${statement.id}`,
    document: document.slug,
    anchor: statement.id,
    url: `${document.href}#${statement.id}`,
    speakers: statement.speakers,
    kind: statement.kind,
    attribution: statement.rule,
    text: statement.text,
    dates: statement.dates,
    related: relatedTo(`${document.slug}/${statement.id}`),
  }));
}

export function datasetDocument(document: DocumentSummary, statementCount: number) {
  return {
    slug: document.slug,
    url: document.href,
    title: document.title,
    date: document.date,
    dateBasis: document.dateBasis,
    ...(document.dateNote ? { dateNote: document.dateNote } : {}),
    outlet: document.outlet.id,
    kind: document.kindId,
    speakers: document.speakers.map((speaker) => speaker.id),
    eventDates: document.eventDates.map((event) => event.iso),
    ...(document.reference ? { reference: document.reference } : {}),
    ...(document.section ? { section: document.section } : {}),
    ...(document.url ? { originalUrl: document.url } : {}),
    source: document.sourceHref,
    statements: statementCount,
  };
}

export function datasetSpeaker(speaker: Speaker, statementCount: number) {
  return { ...speaker, statements: statementCount };
}
