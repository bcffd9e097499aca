/**
 * Reads and validates the content folder from Node, outside Astro: the speaker
 * registry and every document's frontmatter, with each problem located at a
 * file and line. Used by the content check that gates the build, and by tests.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { CONTENT_PATHS } from './content-paths.ts';
import { closest, formatProblem, problem, type ContentProblem } from './content-errors.ts';
import { documentSchema, eventSchema, ID_PATTERN, speakerSchema, type DocumentFrontmatter, type Speaker, type TimelineEvent } from './schema.ts';

export { CONTENT_PATHS };

export interface SourceDocument {
  slug: string;
  /** Path from the project root. */
  file: string;
  frontmatter: DocumentFrontmatter;
  /** The Markdown after the frontmatter. */
  body: string;
  /** 1-based line of `file` where `body` starts. */
  bodyLine: number;
  /** The raw source text as received. */
  sourceText: string;
}

export interface ContentRead {
  speakers: Speaker[];
  documents: SourceDocument[];
  events: TimelineEvent[];
  problems: ContentProblem[];
}

interface LocatedYaml {
  document: Document.Parsed;
  lines: LineCounter;
  /** Line offset of the YAML within its file (0 for a whole file). */
  offset: number;
}

function lineOf(yaml: LocatedYaml, path: readonly PropertyKey[]): number | undefined {
  // Walk up to the nearest node that exists: a missing field is reported at its parent.
  for (let length = path.length; length >= 0; length--) {
    const node = yaml.document.getIn(path.slice(0, length) as (string | number)[], true) as
      | { range?: [number, number, number] }
      | undefined;
    if (node?.range) return yaml.lines.linePos(node.range[0]).line + yaml.offset;
    if (length === 0) {
      const contents = yaml.document.contents as { range?: [number, number, number] } | null;
      if (contents?.range) return yaml.lines.linePos(contents.range[0]).line + yaml.offset;
    }
  }
  return undefined;
}

function parseYaml(text: string, offset: number): LocatedYaml {
  const lines = new LineCounter();
  // The core schema keeps dates as strings, so an impossible date is seen as written.
  const document = parseDocument(text, { lineCounter: lines, schema: 'core', prettyErrors: true, uniqueKeys: true });
  return { document, lines, offset };
}

function yamlProblems(file: string, yaml: LocatedYaml): ContentProblem[] {
  return yaml.document.errors.map((error) =>
    problem(
      'FrontmatterYamlInvalid',
      { file, line: error.linePos ? error.linePos[0].line + yaml.offset : undefined },
      error.message.split('\n')[0] ?? error.message,
    ),
  );
}

function schemaProblems(
  name: 'FrontmatterInvalid' | 'RegistryInvalid' | 'EventsInvalid',
  file: string,
  yaml: LocatedYaml,
  issues: z.core.$ZodIssue[],
  pathPrefix: (string | number)[] = [],
): ContentProblem[] {
  return issues.map((issue) => {
    const path = [...pathPrefix, ...issue.path];
    return problem(name, { file, line: lineOf(yaml, path) }, path.join('.') || '(root)', issue.message);
  });
}

export function readSpeakers(root: string): { speakers: Speaker[]; problems: ContentProblem[] } {
  const file = CONTENT_PATHS.speakers;
  const yaml = parseYaml(readFileSync(join(root, file), 'utf8'), 0);
  const problems = yamlProblems(file, yaml);
  if (problems.length) return { speakers: [], problems };
  const entries = yaml.document.toJS() as unknown;
  if (!Array.isArray(entries)) {
    return { speakers: [], problems: [problem('RegistryInvalid', { file, line: 1 }, '(root)', 'expected a list of speakers')] };
  }
  const speakers: Speaker[] = [];
  const seenIds = new Map<string, number>();
  const aliasOwner = new Map<string, string>();
  const nameOwners = new Map<string, string>();
  entries.forEach((entry, index) => {
    const parsed = speakerSchema.safeParse(entry);
    if (!parsed.success) {
      problems.push(...schemaProblems('RegistryInvalid', file, yaml, parsed.error.issues, [index]));
      return;
    }
    const speaker = parsed.data;
    const line = lineOf(yaml, [index, 'id']);
    if (seenIds.has(speaker.id)) {
      problems.push(problem('DuplicateSpeakerId', { file, line }, speaker.id));
      return;
    }
    seenIds.set(speaker.id, index);
    // Display names are search filter values and feed authors: two speakers sharing one would share their statements there.
    const nameOwner = nameOwners.get(speaker.name);
    if (nameOwner !== undefined) problems.push(problem('SpeakerNameTaken', { file, line: lineOf(yaml, [index, 'name']) }, speaker.name, nameOwner, speaker.id));
    else nameOwners.set(speaker.name, speaker.id);
    speaker.aliases.forEach((alias, aliasIndex) => {
      const owner = aliasOwner.get(alias);
      if (owner !== undefined && owner !== speaker.id) {
        problems.push(problem('AliasClaimedTwice', { file, line: lineOf(yaml, [index, 'aliases', aliasIndex]) }, alias, owner, speaker.id));
      } else {
        aliasOwner.set(alias, speaker.id);
      }
    });
    speakers.push(speaker);
  });
  return { speakers, problems };
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** One document as read: what the check keeps, and the file's whole text, which the annotation is keyed by. */
export interface ReadDocument {
  document: SourceDocument;
  text: string;
}

/**
 * Reads the documents one at a time, so that a caller can hand each on (to the annotation workers) as soon as it is
 * read: `names` in order, `read(name)` for each, then `documents` and `problems` hold what `readDocuments` returns.
 */
export interface DocumentReader {
  /** The folder's Markdown files, sorted. */
  names: readonly string[];
  /** Reads and validates one; `undefined` when it has no usable frontmatter (its problems are in `problems`). */
  read(name: string): ReadDocument | undefined;
  documents: SourceDocument[];
  problems: ContentProblem[];
}

export function documentReader(root: string, speakers: readonly Speaker[]): DocumentReader {
  const problems: ContentProblem[] = [];
  const documents: SourceDocument[] = [];
  const speakerIds = new Set(speakers.map((speaker) => speaker.id));
  const outletIds = new Set(speakers.filter((s) => s.kind === 'outlet' || s.kind === 'organisation').map((s) => s.id));
  const slugOwner = new Map<string, string>();
  const folder = join(root, CONTENT_PATHS.documents);
  const names = readdirSync(folder).filter((name) => name.endsWith('.md')).sort();

  const read = (name: string): ReadDocument | undefined => {
    const file = `${CONTENT_PATHS.documents}/${name}`;
    const slug = name.slice(0, -'.md'.length);
    if (!ID_PATTERN.test(slug)) problems.push(problem('BadSlug', { file }, slug));
    const twin = slugOwner.get(slug.toLowerCase());
    if (twin) problems.push(problem('DuplicateSlug', { file }, slug, twin));
    slugOwner.set(slug.toLowerCase(), file);

    const text = readFileSync(join(folder, name), 'utf8');
    const match = FRONTMATTER.exec(text);
    if (!match) {
      problems.push(problem('FrontmatterMissing', { file, line: 1 }));
      return undefined;
    }
    const yaml = parseYaml(match[1] ?? '', 1);
    const yamlErrors = yamlProblems(file, yaml);
    if (yamlErrors.length) {
      problems.push(...yamlErrors);
      return undefined;
    }
    const parsed = documentSchema.safeParse(yaml.document.toJS() ?? {});
    if (!parsed.success) {
      problems.push(...schemaProblems('FrontmatterInvalid', file, yaml, parsed.error.issues));
      return undefined;
    }
    const frontmatter = parsed.data;
    const at = (path: (string | number)[]) => ({ file, line: lineOf(yaml, path) });

    frontmatter.speakers.forEach((speakerId, index) => {
      if (!speakerIds.has(speakerId)) {
        problems.push(problem('UnknownSpeaker', at(['speakers', index]), speakerId, 'speakers', closest(speakerId, speakerIds)));
      }
    });
    if (!outletIds.has(frontmatter.outlet)) {
      problems.push(problem('UnknownOutlet', at(['outlet']), frontmatter.outlet, closest(frontmatter.outlet, outletIds)));
    }

    const sourcePath = join(root, CONTENT_PATHS.sources, frontmatter.source);
    let sourceText = '';
    if (existsSync(sourcePath)) {
      sourceText = readFileSync(sourcePath, 'utf8');
      const sourceLines = sourceText.split(/\r?\n/);
      for (const field of ['masthead', 'chrome'] as const) {
        frontmatter[field].forEach((line, index) => {
          if (!isSourceLine(sourceLines, line)) problems.push(problem('DroppedLineNotInSource', at([field, index]), field, line));
        });
      }
    } else {
      problems.push(problem('SourceFileMissing', at(['source']), frontmatter.source));
    }

    const body = text.slice(match[0].length);
    const bodyLine = match[0].split('\n').length;
    if (body.trim() === '') problems.push(problem('EmptyBody', { file, line: bodyLine }));
    const document: SourceDocument = { slug, file, frontmatter, body, bodyLine, sourceText };
    documents.push(document);
    return { document, text };
  };
  return { names, read, documents, problems };
}

export function readDocuments(root: string, speakers: readonly Speaker[]): { documents: SourceDocument[]; problems: ContentProblem[] } {
  const reader = documentReader(root, speakers);
  for (const name of reader.names) reader.read(name);
  return { documents: reader.documents, problems: reader.problems };
}

/**
 * Whether `line` is, whitespace aside, one of the source's lines. Only the lines holding the first word of `line` are
 * normalised: normalising every line of every source took 0.25 s of the check at 1,000 documents.
 */
function isSourceLine(sourceLines: readonly string[], line: string): boolean {
  const wanted = normaliseSpace(line);
  const firstWord = wanted.split(' ')[0] ?? '';
  return sourceLines.some((sourceLine) => sourceLine.includes(firstWord) && normaliseSpace(sourceLine) === wanted);
}

/** content/events.yaml: named events for the timeline. A missing file means none. */
export function readEvents(root: string, speakers: readonly Speaker[]): { events: TimelineEvent[]; problems: ContentProblem[] } {
  const file = CONTENT_PATHS.events;
  if (!existsSync(join(root, file))) return { events: [], problems: [] };
  const yaml = parseYaml(readFileSync(join(root, file), 'utf8'), 0);
  const problems = yamlProblems(file, yaml);
  if (problems.length) return { events: [], problems };
  const entries = yaml.document.toJS() as unknown;
  if (!Array.isArray(entries)) {
    return { events: [], problems: [problem('EventsInvalid', { file, line: 1 }, '(root)', 'expected a list of events')] };
  }
  const speakerIds = new Set(speakers.map((speaker) => speaker.id));
  const seen = new Set<string>();
  const events: TimelineEvent[] = [];
  entries.forEach((entry, index) => {
    const parsed = eventSchema.safeParse(entry);
    if (!parsed.success) {
      problems.push(...schemaProblems('EventsInvalid', file, yaml, parsed.error.issues, [index]));
      return;
    }
    const event = parsed.data;
    if (seen.has(event.id)) problems.push(problem('DuplicateEventId', { file, line: lineOf(yaml, [index, 'id']) }, event.id));
    seen.add(event.id);
    event.participants.forEach((participant, participantIndex) => {
      if (!speakerIds.has(participant)) {
        problems.push(
          problem('UnknownSpeaker', { file, line: lineOf(yaml, [index, 'participants', participantIndex]) }, participant, 'participants', closest(participant, speakerIds)),
        );
      }
    });
    events.push(event);
  });
  return { events, problems };
}

/**
 * The content for code that runs after the content check (Astro's loader, the parallel outputs): refuses content
 * with problems instead of building from it, and says how to see them located.
 */
export function readCheckedContent(root: string): ContentRead {
  const content = readContent(root);
  if (content.problems.length > 0) {
    throw new Error(`The content has problems; run \`npm run check:content\`:\n${content.problems.map(formatProblem).join('\n')}`);
  }
  return content;
}

export function readContent(root: string): ContentRead {
  const registry = readSpeakers(root);
  return withEvents(root, registry, readDocuments(root, registry.speakers));
}

/** The content once its documents are read (by `readDocuments` or a `documentReader`): the events added, and the problems of the registry, the documents and the events, in that order. */
export function withEvents(
  root: string,
  registry: { speakers: Speaker[]; problems: ContentProblem[] },
  read: { documents: SourceDocument[]; problems: ContentProblem[] },
): ContentRead {
  const timeline = readEvents(root, registry.speakers);
  return { speakers: registry.speakers, documents: read.documents, events: timeline.events, problems: [...registry.problems, ...read.problems, ...timeline.problems] };
}

/** Collapses every run of whitespace (no-break spaces included) to one space. */
export function normaliseSpace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}
