/**
 * The plain reference site the benchmark compares against: Astro 7 with the
 * unified processor and none of our plugins, one page per document, a list
 * page, and Pagefind run over the output. The same Markdown, none of the
 * annotation, cross-linking or dataset work: what any Astro site costs.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FILES: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'reference-site', type: 'module', private: true }, null, 2),
  'astro.config.mjs': `import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
export default defineConfig({
  site: 'https://reference.example.org',
  markdown: { syntaxHighlight: false, processor: unified({ gfm: true, smartypants: false }) },
});
`,
  'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
const documents = defineCollection({
  loader: glob({ pattern: '*.md', base: './content/documents' }),
  schema: z.object({ title: z.string(), date: z.coerce.string(), summary: z.string() }).passthrough(),
});
export const collections = { documents };
`,
  'src/layouts/Page.astro': `---
const { title } = Astro.props;
---
<!doctype html>
<html lang="en"><head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><title>{title}</title></head>
<body><main><slot /></main></body></html>
`,
  'src/pages/index.astro': `---
import { getCollection } from 'astro:content';
import Page from '../layouts/Page.astro';
const documents = (await getCollection('documents')).sort((a, b) => b.data.date.localeCompare(a.data.date));
---
<Page title="Documents"><h1>Documents</h1><ul>{documents.map((d) => <li><a href={\`/documents/\${d.id}/\`}>{d.data.title}</a> {d.data.summary}</li>)}</ul></Page>
`,
  'src/pages/documents/[slug].astro': `---
import { getCollection, render } from 'astro:content';
import Page from '../../layouts/Page.astro';
export async function getStaticPaths() {
  return (await getCollection('documents')).map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<Page title={entry.data.title}><article><h1>{entry.data.title}</h1><p>{entry.data.date}</p><Content /></article></Page>
`,
};

/** Writes the reference project into `to` (its content/ and node_modules are added by the caller). */
export function writeReferenceSite(to: string): void {
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(join(to, path, '..'), { recursive: true });
    writeFileSync(join(to, path), text);
  }
}
