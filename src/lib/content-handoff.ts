/**
 * `npm run build` has read, validated and annotated every document before
 * Astro starts (the content check), and hands Astro's documents loader that
 * work as a JSON file named by an environment variable, so that Astro's
 * single thread does not parse every document's YAML again (a second at
 * 1,000 documents). Without the variable (Astro on its own) the loader reads
 * the content itself.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

/** The variable that names the file. */
export const CONTENT_FILE_ENV = 'DISPATCH_CONTENT_FILE';

export interface HandedDocument {
  slug: string;
  /** Path from the project root. */
  file: string;
  /** The validated frontmatter. */
  frontmatter: Record<string, unknown>;
  /** The document's annotation key in the annotation cache. */
  key: string;
}

export function writeContentHandoff(path: string, documents: readonly HandedDocument[]): void {
  // Written whole, then renamed: the reader never sees half a file.
  writeFileSync(`${path}.tmp`, JSON.stringify(documents));
  renameSync(`${path}.tmp`, path);
}

export function readContentHandoff(path: string): HandedDocument[] {
  return JSON.parse(readFileSync(path, 'utf8')) as HandedDocument[];
}
