// @ts-check
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import parallelOutputs from './src/integrations/parallel-outputs.ts';
import { SITE_URL } from './src/lib/site-url.ts';
import { THEME_SCRIPT_HASH } from './src/lib/theme-script.ts';
import { markdownOptions } from './src/pipeline/index.ts';

export default defineConfig({
  site: SITE_URL,
  trailingSlash: 'always',
  // `npm run build` (scripts/build.ts) builds into a staging folder and swaps it in only on success.
  outDir: process.env.DISPATCH_OUT_DIR ?? './dist',
  // Lossless: the default 'jsx' mode drops spaces between inline elements and glues words together.
  compressHTML: true,
  // Search index, citation downloads and raw sources: written by `npm run build` while Astro renders, or here after.
  integrations: [parallelOutputs()],
  security: {
    // Astro hashes the scripts and styles it emits; nothing inline runs unless hashed. Pagefind compiles
    // WebAssembly ('wasm-unsafe-eval') and searches in a worker.
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self'",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"], hashes: [THEME_SCRIPT_HASH] },
    },
  },
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
