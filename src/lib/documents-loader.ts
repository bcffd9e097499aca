/**
 * The documents collection's loader. Like Astro's `glob()` loader, it reads
 * content/documents/*.md and keeps unchanged entries; unlike it, it takes each
 * document's rendering from the annotation cache the content check has just
 * filled (annotation-cache.ts), so a document is annotated once per change
 * rather than once by the check and again by Astro.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Loader } from 'astro/loaders';
import { annotateDocument, annotationKey } from './annotation-cache.ts';
import { formatProblem } from './content-errors.ts';
import { readContent } from './read-content.ts';

export function documentsLoader(): Loader {
  return {
    name: 'dispatch-reader:documents',
    load: async ({ store, parseData, logger }) => {
      const root = process.cwd();
      // `npm run build` has stopped on these already; a bare `astro build` must not skip a bad document silently.
      const { documents, problems } = readContent(root);
      if (problems.length > 0) throw new Error(`The content has problems; run \`npm run check:content\`:\n${problems.map(formatProblem).join('\n')}`);
      const seen = new Set<string>();
      let rendered = 0;
      for (const document of documents) {
        seen.add(document.slug);
        const text = readFileSync(join(root, document.file), 'utf8');
        if (store.get(document.slug)?.digest === annotationKey(root, text)) continue;
        const { annotation, key, cached } = await annotateDocument(root, { path: document.file, text, body: document.body, frontmatter: document.frontmatter });
        if (!cached) rendered++;
        const data = await parseData({ id: document.slug, data: document.frontmatter, filePath: document.file });
        // No `body`: no page reads the Markdown, and the store is loaded whole into every build (5 KB a document less).
        store.set({ id: document.slug, data, filePath: document.file, digest: key, rendered: annotation });
      }
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
      logger.info(`${documents.length} documents, ${rendered} annotated now, ${documents.length - rendered} from the annotation cache.`);
    },
  };
}
