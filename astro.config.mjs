// @ts-check
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import searchIndex from './src/integrations/search-index.ts';
import { markdownOptions } from './src/pipeline/index.ts';

export default defineConfig({
  // The one place the public address is set (canonical URLs, feeds, citations).
  site: 'https://dispatch-reader.example.org',
  trailingSlash: 'always',
  // Lossless: the default 'jsx' mode drops spaces between inline elements and glues words together.
  compressHTML: true,
  integrations: [searchIndex()],
  markdown: {
    processor: unified(markdownOptions),
  },
});
