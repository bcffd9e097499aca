/**
 * The same remark/rehype plugins as Astro's processor, run outside Astro so
 * their messages can be read. Astro's processor adds heading ids, image
 * handling and rehype-raw after ours; none of those can report a content error.
 */
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type PluggableList } from 'unified';
import { VFile } from 'vfile';
import { rehypePlugins, remarkPlugins } from './index.ts';

export function createCheckProcessor() {
  return unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkPlugins as PluggableList)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypePlugins as PluggableList)
    .use(rehypeStringify, { allowDangerousHtml: true });
}

// One processor for the whole check: its plugins load the speaker registry once, not once per document.
let processor: ReturnType<typeof createCheckProcessor> | undefined;

export async function processForCheck(body: string, path: string, frontmatter: Record<string, unknown>): Promise<VFile> {
  const file = new VFile({ value: body, path, data: { astro: { frontmatter } } });
  processor ??= createCheckProcessor().freeze();
  await processor.process(file);
  return file;
}
