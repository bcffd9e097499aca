/**
 * The annotated corpus read from Node, outside Astro's content layer: each
 * document's summary (as the pages describe it) with what the pipeline
 * recorded for it (statements, masthead, narration), from the content folder
 * and the annotation cache. For the outputs built beside Astro's build
 * (parallel-outputs.ts), which start before Astro renders a page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StatementRecord } from '../pipeline/remark-statements.ts';
import { annotationKey, readAnnotation } from './annotation-cache.ts';
import { summariseDocument, type DocumentSummary } from './document-summary.ts';
import { readCheckedContent, type SourceDocument } from './read-content.ts';
import type { Speaker } from './schema.ts';

export interface CorpusDocument {
  document: DocumentSummary;
  statements: StatementRecord[];
  /** Header lines printed above the text, as the pipeline recorded them. */
  masthead: string[];
  /** The document's own words: what no statement holds. */
  narration: string[];
  /** The source file's name in content/sources/. */
  source: string;
}

export interface Corpus {
  speakers: Map<string, Speaker>;
  /** Oldest first, then by slug: the order of the site's dataset. */
  documents: CorpusDocument[];
}

/** Every document with its annotation. Throws on content problems: the content check reports them first. */
export function readCorpus(root: string): Corpus {
  const { speakers, documents } = readCheckedContent(root);
  return corpusOf(speakers, documents, (source) => {
    const text = readFileSync(join(root, source.file), 'utf8');
    return readAnnotation(root, annotationKey(root, text), source.slug).metadata.frontmatter;
  });
}

/** The corpus from documents already read and what the pipeline recorded for each (the content check has both in hand). */
export function corpusOf(
  speakers: readonly Speaker[],
  documents: readonly SourceDocument[],
  recordedOf: (document: SourceDocument, index: number) => Record<string, unknown>,
): Corpus {
  const registry = new Map(speakers.map((speaker) => [speaker.id, speaker]));
  const corpus = documents.map((source, index): CorpusDocument => {
    const recorded = recordedOf(source, index);
    return {
      document: summariseDocument({ id: source.slug, data: source.frontmatter }, registry),
      statements: (recorded['statements'] ?? []) as StatementRecord[],
      masthead: (recorded['masthead'] ?? []) as string[],
      narration: (recorded['narration'] ?? []) as string[],
      source: source.frontmatter.source,
    };
  });
  corpus.sort((a, b) => a.document.date.localeCompare(b.document.date) || a.document.slug.localeCompare(b.document.slug));
  return { speakers: registry, documents: corpus };
}
