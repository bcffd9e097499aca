/**
 * The annotation renderer leaves out two steps of Astro's Markdown processor
 * (rehype-raw and image collection; see annotation-renderer.ts). On every
 * source document it must give what Astro's processor gives: the same HTML
 * once both are parsed (rehype-raw writes a boolean attribute as
 * `data-footnotes=""`, a serialisation of the same attribute), the same
 * headings and the same recorded frontmatter.
 */
import { join } from 'node:path';
import { unified } from '@astrojs/markdown-remark';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readContent } from '../../src/lib/read-content.ts';
import { renderForAnnotation } from '../../src/pipeline/annotation-renderer.ts';
import { markdownOptions } from '../../src/pipeline/index.ts';

const root = process.cwd();
/** The HTML as a browser parses it, serialised one way. */
const parsed = (html: string) => toHtml(fromHtml(html, { fragment: true }));
const { documents } = readContent(root);
const astroRenderer = await unified(markdownOptions).createRenderer({ syntaxHighlight: false });

describe('the annotation renderer', () => {
  it('reads all five source documents', () => {
    expect(documents).toHaveLength(5);
  });

  it.each(documents.map((document) => [document.slug, document] as const))('renders %s exactly as Astro’s processor does', async (_slug, document) => {
    const path = join(root, document.file);
    const ours = await renderForAnnotation(document.body, { ...document.frontmatter }, path);
    const astro = await astroRenderer.render(document.body, { frontmatter: { ...document.frontmatter }, fileURL: pathToFileURL(path) });
    expect(ours.html.length).toBeGreaterThan(1000);
    expect(parsed(ours.html)).toBe(parsed(astro.code));
    expect(ours.headings).toEqual(astro.metadata.headings);
    expect(ours.frontmatter).toEqual(astro.metadata.frontmatter);
  });

  it('publishes no tag of inline raw HTML', async () => {
    const { html } = await renderForAnnotation('Text with <b onclick="x()">bold</b> inline HTML.\n', { speakers: [] }, join(root, 'x.md'));
    expect(html).not.toMatch(/onclick|<b\b/u);
    expect(html).toContain('Text with');
  });
});
