/**
 * The open dataset, search index, citation downloads and raw sources
 * (lib/parallel-outputs.ts) when Astro builds on its own. `npm run build` writes them in its own process
 * while Astro renders (scripts/build.ts) and sets `PARALLEL_OUTPUTS_ENV`, so
 * that this integration leaves them to it; `astro build` alone writes them
 * here, once the pages are done: the same files, later.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Set by scripts/build.ts, which writes the parallel outputs itself. */
export const PARALLEL_OUTPUTS_ENV = 'DISPATCH_PARALLEL_OUTPUTS';

export default function parallelOutputs(): AstroIntegration {
  let root = '';
  let site: URL | undefined;
  return {
    name: 'dispatch-reader:parallel-outputs',
    hooks: {
      'astro:config:done': ({ config }) => {
        // Without a folder URL's trailing slash: the annotation cache's keys are made from paths under it.
        root = resolve(fileURLToPath(config.root));
        site = config.site ? new URL(config.site) : undefined;
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (process.env[PARALLEL_OUTPUTS_ENV]) return;
        if (!site) throw new Error('dispatch-reader:parallel-outputs needs `site` in astro.config.mjs: citations carry absolute URLs.');
        // Imported here, not at the top: astro.config.mjs loads this file on every build, and `npm run build` never needs
        // the pipeline, Pagefind and the citation formats in Astro's process (a second of its start-up).
        const [{ readCorpus }, { describeParallelOutputs, writeParallelOutputs }, { findRelations }] = await Promise.all([
          import('../lib/corpus.ts'),
          import('../lib/parallel-outputs.ts'),
          import('../lib/relations/find-relations.ts'),
        ]);
        const corpus = readCorpus(root);
        // Found again: Astro's pages found them in its render environment, which this hook does not share.
        const { relations } = findRelations(root, corpus.documents);
        const report = await writeParallelOutputs(root, corpus, relations, fileURLToPath(dir), site);
        logger.info(describeParallelOutputs(report));
      },
    },
  };
}
