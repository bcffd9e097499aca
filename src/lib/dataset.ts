/**
 * The open dataset at /data/*.json: plain functions from what the pipeline
 * recorded (statements per document) and the content collections.
 */
import type { StatementRecord } from '../pipeline/remark-statements.ts';
import type { DocumentSummary } from './document-summary.ts';
import type { Speaker } from './schema.ts';

export interface DatasetStatement {
  /** Globally unique: `<document slug>/<anchor>`. */
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
  /** Ids of related statements, in both directions (see /compare/ for each pair). */
  related: string[];
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
