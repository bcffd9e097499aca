/**
 * The renderer the content check annotates every document with (through the
 * annotation cache, which Astro's pages read). It is Astro's unified Markdown
 * processor (`createMarkdownProcessor` in @astrojs/markdown-remark) with our
 * plugins, in Astro's order, less two steps our content never needs:
 *
 * - rehype-raw, which parses every page again through parse5 to resolve raw
 *   HTML. The content rules refuse raw HTML and drop it from the tree, so
 *   there is none to resolve; it cost a tenth of the annotation's time. Raw
 *   nodes are also refused here (`allowDangerousHtml: false`), so one that got
 *   past the rules would be dropped, not published.
 * - image collection: these texts have no images.
 *
 * tests/unit/annotation-renderer.test.ts renders every source document both
 * ways and requires the same HTML and the same recorded frontmatter.
 */
import { pathToFileURL } from 'node:url';
import { rehypeHeadingIds } from '@astrojs/markdown-remark';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type PluggableList } from 'unified';
import { VFile } from 'vfile';
import type { MarkdownHeading } from '@astrojs/markdown-remark';
import { rehypePlugins, remarkPlugins } from './index.ts';

export interface AnnotationRender {
  html: string;
  headings: MarkdownHeading[];
  /** The frontmatter with what the plugins recorded (statements, dates, problems). */
  frontmatter: Record<string, unknown>;
}

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkPlugins as PluggableList)
  .use(remarkRehype, { allowDangerousHtml: false, passThrough: [] })
  .use(rehypePlugins as PluggableList)
  .use(rehypeHeadingIds)
  .use(rehypeStringify, { allowDangerousHtml: false })
  .freeze();

/** Renders one document's Markdown body; `path` (absolute) locates the plugins' messages. */
export async function renderForAnnotation(body: string, frontmatter: Record<string, unknown>, path: string): Promise<AnnotationRender> {
  const file = new VFile({ value: body, path: pathToFileURL(path), data: { astro: { frontmatter } } });
  const result = await processor.process(file);
  const astro = result.data['astro'] as { headings?: MarkdownHeading[]; frontmatter: Record<string, unknown> };
  return { html: String(result.value), headings: astro.headings ?? [], frontmatter: astro.frontmatter };
}
