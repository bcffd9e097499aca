/**
 * The gate before `astro build`: validates the registry and frontmatter, then
 * runs every document through the Markdown pipeline and turns fatal plugin
 * messages into located problems.
 */
import type { DateRecord } from '../pipeline/remark-dates.ts';
import type { RecordedProblem } from '../pipeline/remark-record-problems.ts';
import type { StatementRecord } from '../pipeline/remark-statements.ts';
import { annotationKey, hasAnnotation, pruneAnnotations } from './annotation-cache.ts';
import { annotationQueue, poolSize, startAnnotationPool, type AnnotatedDocument } from './annotation-pool.ts';
import { problem, type ContentProblem } from './content-errors.ts';
import { documentReader, readSpeakers, withEvents, type SourceDocument } from './read-content.ts';
import { readCuratedRelations } from './relations/curated.ts';
import { eventFor } from './timeline.ts';
import { CONTENT_PATHS } from './content-paths.ts';
import { RULES, type RuleId } from '../pipeline/rules.ts';
import type { Speaker, TimelineEvent } from './schema.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface UnattributedStatement {
  file: string;
  line: number;
  text: string;
}

export interface AnnotationSummary {
  statements: number;
  attributed: number;
  unattributed: UnattributedStatement[];
  overrides: number;
  dates: number;
  /** Documents whose annotation came from the cache (unchanged since it was made). */
  cached: number;
}

export interface ContentCheck {
  speakers: Speaker[];
  documents: SourceDocument[];
  /** Each of `documents`' annotation (same order): its key and what the pipeline recorded. Empty when the frontmatter has problems. */
  annotations: AnnotatedDocument[];
  problems: ContentProblem[];
  summary: AnnotationSummary;
}

/** Documents read between two looks at the workers' answers. */
const YIELD_EVERY = 8;

export async function checkContent(root: string): Promise<ContentCheck> {
  // Started before the content is read, so the workers start up meanwhile; sized by the documents the cache
  // does not hold (in a rebuild, a handful: loading the pipeline on two workers cost more CPU than all the reading).
  const pool = startAnnotationPool(poolSize(documentsToAnnotate(root)));
  const queue = annotationQueue(root, pool);
  const registry = readSpeakers(root);
  const reader = documentReader(root, registry.speakers);
  for (const [count, name] of reader.names.entries()) {
    const read = reader.read(name);
    if (read) {
      const input = { path: read.document.file, text: read.text, body: read.document.body, frontmatter: read.document.frontmatter };
      // Each document goes to a worker as soon as it is read: waiting for the last one left both workers idle for
      // about a second at 1,000 documents. Every few documents the workers' answers are taken, so that each is
      // handed its next document in time.
      queue.add(input);
    }
    if (pool.workers > 0 && count % YIELD_EVERY === YIELD_EVERY - 1) await new Promise((resolve) => setImmediate(resolve));
  }
  const { speakers, documents, events, problems } = withEvents(root, registry, reader);
  const summary: AnnotationSummary = { statements: 0, attributed: 0, unattributed: [], overrides: 0, dates: 0, cached: 0 };
  // Frontmatter problems come first: annotating a document whose frontmatter is wrong would only add noise (what the
  // workers have begun is dropped).
  if (problems.length > 0) {
    await queue.cancel();
    return { speakers, documents, annotations: [], problems, summary };
  }
  // Each statement's text by its id: what content/relations.yaml names and quotes.
  const statementTexts = new Map<string, string>();
  const mentionedRanges: { datetime: string; until?: string | undefined }[] = [];
  const usedKeys = new Set<string>();
  // The same renderer as Astro's, through the annotation cache the content loader reads: one annotation per change.
  const annotated = await queue.done();
  for (const [index, document] of documents.entries()) {
    const { frontmatter: recorded, cached, key } = annotated[index]!;
    summary.cached += cached ? 1 : 0;
    usedKeys.add(key);
    const toFileLine = (line: number) => line + document.bodyLine - 1;
    for (const statement of (recorded['statements'] ?? []) as StatementRecord[]) {
      statementTexts.set(`${document.slug}/${statement.id}`, statement.text);
      summary.statements++;
      if (statement.speakers.length > 0) summary.attributed++;
      else summary.unattributed.push({ file: document.file, line: toFileLine(statement.line), text: statement.text });
    }
    summary.overrides += Number(recorded['overridesUsed'] ?? 0);
    const dates = (recorded['dateMentions'] ?? []) as DateRecord[];
    summary.dates += dates.length;
    for (const mention of dates) if (!mention.inNote) mentionedRanges.push({ datetime: mention.datetime, until: mention.until });
    for (const date of [document.frontmatter.date, ...document.frontmatter.eventDates]) mentionedRanges.push({ datetime: date });
    for (const recordedProblem of (recorded['contentProblems'] ?? []) as RecordedProblem[]) {
      const rule = RULES[recordedProblem.rule as RuleId];
      const line = recordedProblem.line === undefined ? undefined : toFileLine(recordedProblem.line);
      problems.push(problem('MarkdownRuleViolated', { file: document.file, line }, recordedProblem.reason, rule?.hint ?? ''));
    }
  }
  pruneAnnotations(root, usedKeys);
  problems.push(...unmentionedEvents(root, events, mentionedRanges));
  // Curated relations name statements, so they can only be checked once every document is annotated.
  problems.push(...readCuratedRelations(root, statementTexts).problems);
  return { speakers, documents, annotations: annotated, problems, summary };
}

/** How many documents have no annotation in the cache: the ones the check renders. */
export function documentsToAnnotate(root: string): number {
  const folder = join(root, CONTENT_PATHS.documents);
  return readdirSync(folder).filter((name) => name.endsWith('.md') && !hasAnnotation(root, annotationKey(root, readFileSync(join(folder, name), 'utf8')))).length;
}

/** An event must hold a date some text mentions (or a document's date): the timeline is derived from the texts. */
function unmentionedEvents(root: string, events: readonly TimelineEvent[], mentioned: readonly { datetime: string; until?: string | undefined }[]): ContentProblem[] {
  const file = CONTENT_PATHS.events;
  const lines = events.length > 0 ? readFileSync(join(root, file), 'utf8').split('\n') : [];
  return events
    // The timeline's own rule (`eventFor`): an event with no mention it would show is refused.
    .filter((event) => !mentioned.some((mention) => eventFor(mention, [event]) !== undefined))
    .map((event) => {
      const index = lines.findIndex((line) => new RegExp(`^\\s*-?\\s*id:\\s*["']?${event.id}["']?\\s*$`, 'u').test(line));
      const when = event.until ? `${event.date} – ${event.until}` : event.date;
      return problem('EventNotMentioned', { file, line: index >= 0 ? index + 1 : undefined }, event.id, when);
    });
}
