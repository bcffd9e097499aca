/**
 * The documents collection's loader. Like Astro's `glob()` loader, it reads
 * content/documents/*.md and keeps unchanged entries; unlike it, it neither
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
        const key = annotationKey(root, text);
        if (store.get(document.slug)?.digest === key && hasAnnotation(root, key)) continue;
        const { cached } = await annotateDocument(root, { path: document.file, text, body: document.body, frontmatter: document.frontmatter });
        if (!cached) rendered++;
        const data = await parseData({ id: document.slug, data: document.frontmatter, filePath: document.file });
        // The frontmatter and the annotation's key only: pages read the annotation itself from the cache (readAnnotation),
        // because the store is loaded whole into every build, and the Markdown, the HTML and the statements of every
        // document made it the build's largest object.
        store.set({ id: document.slug, data, filePath: document.file, digest: key });
      }
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
      logger.info(`${documents.length} documents, ${rendered} annotated now, ${documents.length - rendered} from the annotation cache.`);
    },
  };
}
