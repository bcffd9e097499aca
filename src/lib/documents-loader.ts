/**
 * The documents collection's loader. Like Astro's `glob()` loader, it reads
 * content/documents/*.md (or takes them from the content check that `npm run
 * build` has just run: content-handoff.ts) and keeps unchanged entries;
 * unlike it, it neither
 * renders the documents nor stores their HTML: the content check has just
 * annotated them into the annotation cache (annotation-cache.ts), each entry
 * keeps its annotation's key as its `digest`, and pages read the annotation
 * from there. A document is annotated once per change, not once by the check
 * and again by Astro.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Loader } from 'astro/loaders';
import { annotateDocument, annotationKey, hasAnnotation } from './annotation-cache.ts';
import { awaitContentHandoff, CONTENT_FILE_ENV, type HandedDocument } from './content-handoff.ts';
import { readCheckedContent } from './read-content.ts';

/** What `astro build` on its own does first: reads and validates the content, and annotates what the cache lacks. */
async function readAndAnnotateAll(root: string): Promise<HandedDocument[]> {
  // `npm run build` has stopped on problems already; a bare `astro build` must not skip a bad document silently.
  const { documents } = readCheckedContent(root);
  const handed: HandedDocument[] = [];
  for (const document of documents) {
    const text = readFileSync(join(root, document.file), 'utf8');
    const key = annotationKey(root, text);
    if (!hasAnnotation(root, key)) await annotateDocument(root, { path: document.file, text, body: document.body, frontmatter: document.frontmatter });
    handed.push({ slug: document.slug, file: document.file, frontmatter: document.frontmatter, key });
  }
  return handed;
}

export function documentsLoader(): Loader {
  return {
    name: 'dispatch-reader:documents',
    load: async ({ store, parseData, logger }) => {
      const root = process.cwd();
      const handed = process.env[CONTENT_FILE_ENV];
      const seen = new Set<string>();
      for (const document of handed ? await awaitContentHandoff(handed) : await readAndAnnotateAll(root)) {
        seen.add(document.slug);
        if (store.get(document.slug)?.digest === document.key && hasAnnotation(root, document.key)) continue;
        if (!hasAnnotation(root, document.key)) {
          // Handed over by `npm run build`, whose content check has just annotated every document: never missing.
          throw new Error(`${document.file} has no annotation (key ${document.key.slice(0, 12)}…): run \`npm run build\`, which annotates it first.`);
        }
        const data = await parseData({ id: document.slug, data: document.frontmatter, filePath: document.file });
        // The frontmatter and the annotation's key only: pages read the annotation itself from the cache (readAnnotation),
        // because the store is loaded whole into every build, and the Markdown, the HTML and the statements of every
        // document made it the build's largest object.
        store.set({ id: document.slug, data, filePath: document.file, digest: document.key });
      }
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
      logger.info(`${seen.size} documents${handed ? ', read and annotated by the content check' : ''}.`);
    },
  };
}
