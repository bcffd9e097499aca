/**
 * `npm run build` hands Astro's documents loader what its content check has
 * read, validated and annotated, as a JSON file named by an environment
 * variable (handoff.ts), so that Astro's single thread does not parse every
 * document's YAML again (about a second at 1,000 documents). Without the
 * variable (Astro on its own) the loader reads the content itself.
 */
import { awaitHandoff, WAIT_LIMIT_MS, writeHandoff } from './handoff.ts';

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
  writeHandoff(path, documents);
}

export function awaitContentHandoff(path: string, waitLimitMs = WAIT_LIMIT_MS): Promise<HandedDocument[]> {
  return awaitHandoff<HandedDocument[]>(path, { name: 'ContentNotHanded', what: 'the checked documents', variable: CONTENT_FILE_ENV, waitLimitMs });
}
