// @ts-check
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import { markdownOptions } from './src/pipeline/index.ts';

export default defineConfig({
  // The one place the public address is set (canonical URLs, feeds, citations).
  site: 'https://dispatch-reader.example.org',
  trailingSlash: 'always',
  // Lossless: the default 'jsx' mode drops spaces between inline elements and glues words together.
  compressHTML: true,
  markdown: {
    processor: unified(markdownOptions),
  },
});
