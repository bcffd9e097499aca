// @ts-check
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import parallelOutputs from './src/integrations/parallel-outputs.ts';
import { SITE_URL } from './src/lib/site-url.ts';
import { markdownOptions } from './src/pipeline/index.ts';

export default defineConfig({
  site: SITE_URL,
  trailingSlash: 'always',
  // `npm run build` (scripts/build.ts) builds into a staging folder and swaps it in only on success.
  outDir: process.env.DISPATCH_OUT_DIR ?? './dist',
  // Lossless: the default 'jsx' mode drops spaces between inline elements and glues words together.
  compressHTML: true,
  // Four pages in flight instead of one: while a page's file is written (Astro awaits each mkdir and write), the next
  // renders. Cold builds of 1,000 documents, alternated: the pages took 15.2 s on average (six runs) against 18.0 s
  // one at a time (five), the whole build 34.4 s against 37.4 s.
  build: { concurrency: 4 },
  // Search index, citation downloads and raw sources: written by `npm run build` while Astro renders, or here after.
  integrations: [parallelOutputs()],
  // The Content-Security-Policy is BaseLayout's first <meta> (src/lib/content-security-policy.ts), not Astro's
  // `security.csp`: see there why.
  vite: {
    // Scripts as files, never inlined: one download cached for every page instead of the same bytes in each page's HTML.
    build: { assetsInlineLimit: 0 },
  },
  markdown: {
    // No code in these texts; Shiki's inline styles would also break the CSP.
    syntaxHighlight: false,
    processor: unified(markdownOptions),
  },
});
