/**
 * Each document is annotated once per change, not once per step. The content
 * check renders every document with Astro's unified processor and our
 * plugins (less the steps our content never needs: annotation-renderer.ts)
 * and keeps the result in
 * `.cache/annotations/`, keyed by the document's text and a fingerprint of
 * everything the rendering depends on (plugins, registry, config). The
 * content loader (documents-loader.ts) then takes the result from the cache
 * instead of rendering again, and an unchanged document is never rendered
 * twice across builds.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import type { MarkdownHeading } from '@astrojs/markdown-remark';
import { renderInputsFingerprint } from './render-cache.ts';

export const ANNOTATION_CACHE = '.cache/annotations';

/** What Astro stores as an entry's `rendered`. */
export interface Annotation {
  html: string;
  metadata: {
    headings: MarkdownHeading[];
    imagePaths: string[];
    /** The frontmatter with what the plugins recorded: statements, dates, problems. */
    frontmatter: Record<string, unknown>;
  };
}

const fingerprints = new Map<string, string>();

function fingerprintOf(root: string): string {
  let fingerprint = fingerprints.get(root);
  if (!fingerprint) {
    fingerprint = renderInputsFingerprint(root);
    fingerprints.set(root, fingerprint);
  }
  return fingerprint;
}

/** The cache key of a document: its whole file (frontmatter and body) and the rendering's inputs. */
export function annotationKey(root: string, fileText: string): string {
  return createHash('sha256').update(fingerprintOf(root)).update('\0').update(fileText).digest('hex');
}

/**
 * The document rendered and annotated, from the cache when its key is there.
 * `frontmatter` is what the plugins read (speakers, parties, overrides).
 */
export async function annotateDocument(
  root: string,
  file: { path: string; text: string; body: string; frontmatter: Record<string, unknown> },
): Promise<{ annotation: Annotation; key: string; cached: boolean }> {
  const key = annotationKey(root, file.text);
  const cacheFile = annotationFile(root, key);
  if (existsSync(cacheFile)) {
    try {
      return { annotation: JSON.parse(readFileSync(cacheFile, 'utf8')) as Annotation, key, cached: true };
    } catch {
      // A cache file cut short (an interrupted build): render again.
    }
  }
  // Imported only to render: Astro loads this file with the content config, in a Vite environment of its own, and
  // a build whose documents are all handed over (content-handoff.ts) or cached renders none. Imported at the top, the
  // whole Markdown pipeline was transformed and evaluated there again on every build: rebuilds of 100 documents took
  // 6.95 s on average against 6.31 s (six each, alternated in pairs of three).
  const { renderForAnnotation } = await import('../pipeline/annotation-renderer.ts');
  const result = await renderForAnnotation(file.body, { ...file.frontmatter }, join(root, file.path));
  const annotation: Annotation = { html: result.html, metadata: { headings: result.headings, imagePaths: [], frontmatter: result.frontmatter } };
  mkdirSync(join(root, ANNOTATION_CACHE), { recursive: true });
  // Written whole, then renamed: a reader never sees half a file. Named by thread too: two files alike (one key) may
  // be annotated at once by two workers of one process.
  const partial = `${cacheFile}.${process.pid}-${threadId}.tmp`;
  writeFileSync(partial, JSON.stringify(annotation));
  renameSync(partial, cacheFile);
  return { annotation, key, cached: false };
}

function annotationFile(root: string, key: string): string {
  return join(root, ANNOTATION_CACHE, `${key}.json`);
}

export function hasAnnotation(root: string, key: string): boolean {
  return existsSync(annotationFile(root, key));
}

/**
 * A document's annotation by its key (the content entry's `digest`). Pages
 * read it here, one document at a time, rather than from Astro's content
 * store: the store is loaded whole into every build as one module, and with
 * every document's HTML and statements in it, it was the build's largest
 * object (37 MB at 1,000 documents) and a good part of its time.
 */
export function readAnnotation(root: string, key: string, documentId: string): Annotation {
  const file = annotationFile(root, key);
  if (!existsSync(file)) {
    throw new Error(`content/documents/${documentId}.md has no annotation in ${ANNOTATION_CACHE}/ (key ${key.slice(0, 12)}…): run \`npm run build\`, which annotates it first.`);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as Annotation;
}

/** Drops cached annotations no current document uses (edited or removed documents, an older pipeline). */
export function pruneAnnotations(root: string, keep: ReadonlySet<string>): number {
  const folder = join(root, ANNOTATION_CACHE);
  if (!existsSync(folder)) return 0;
  let removed = 0;
  for (const name of readdirSync(folder)) {
    if (keep.has(name.replace(/\.json$/u, ''))) continue;
    rmSync(join(folder, name), { force: true });
    removed++;
  }
  return removed;
}
