/**
 * Builds the Pagefind index when Astro has written the site: one custom record
 * per speaker in a document (from the published dataset, /data/*.json; see
 * `search-records.ts` for why not one per statement) and one per document (its
 * title, masthead and narration as the pipeline recorded them; statements are
 * not in it, so every word is found once). Custom records only: Pagefind parses
 * no HTML. Run through Pagefind's Node API, as Starlight does.
 */
import { readFile, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { readDocumentAnnotation } from '../lib/annotation-cache.ts';
import { documentSearchRecords, passageSearchRecords, type SearchDataset } from '../lib/search-records.ts';

const RECORD_BATCH = 500;

const UNUSED_BUNDLE_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

export interface SearchIndexOptions {
  /** Folder of the index inside the output folder, served at `/<folder>/`. */
  bundleDir?: string;
}

export default function searchIndex(options: SearchIndexOptions = {}): AstroIntegration {
  const bundleDir = options.bundleDir ?? 'pagefind';
  return {
    name: 'dispatch-reader:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const outDir = fileURLToPath(dir);
        const readData = async (name: string) => JSON.parse(await readFile(join(outDir, 'data', `${name}.json`), 'utf8'));
        const dataset: SearchDataset = {
          statements: (await readData('statements')).statements,
          documents: (await readData('documents')).documents,
          speakers: (await readData('speakers')).speakers,
        };
        const records = passageSearchRecords(dataset);
        // A document's own record: its header and narration as the pipeline recorded them (not its page's HTML, which
        // would cost Pagefind a fifth of its memory to parse).
        const documentRecords = documentSearchRecords(dataset, (slug) => {
          const recorded = readDocumentAnnotation(process.cwd(), slug).metadata.frontmatter;
          return { masthead: (recorded['masthead'] ?? []) as string[], narration: (recorded['narration'] ?? []) as string[] };
        });

        const { index, errors: createErrors } = await pagefind.createIndex({ forceLanguage: 'en' });
        if (!index) throw new Error(`Pagefind could not create an index: ${createErrors.join('; ')}`);
        const errors: string[] = [];
        const all = [...documentRecords, ...records];
        // In batches: one record at a time waits a round trip to Pagefind's process per record.
        for (let start = 0; start < all.length; start += RECORD_BATCH) {
          const responses = await Promise.all(all.slice(start, start + RECORD_BATCH).map((record) => index.addCustomRecord(record)));
          for (const response of responses) errors.push(...response.errors);
        }
        errors.push(...(await index.writeFiles({ outputPath: join(outDir, bundleDir) })).errors);
        await pagefind.close();
        // Pagefind writes its own UI bundles too; the site has its own search page and never loads them.
        for (const file of UNUSED_BUNDLE_FILES) await rm(join(outDir, bundleDir, file), { force: true });
        if (errors.length > 0) throw new Error(`Pagefind failed to index the site:\n  ${errors.join('\n  ')}`);
        const bytes = await folderSize(join(outDir, bundleDir));
        logger.info(
          `Search: ${records.length} passage records (${dataset.statements.length} statements) and ${documentRecords.length} documents indexed, ${(bytes / 1024).toFixed(0)} KiB in /${bundleDir}/, in ${Math.round(performance.now() - started)} ms.`,
        );
      },
    },
  };
}

async function folderSize(folder: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}
