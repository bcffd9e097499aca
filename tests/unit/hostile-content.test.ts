/**
 * The second line of defence: if hostile Markdown ever reached a renderer (a
 * build run without the content check), the output is inert. Rendered both
 * with the processor astro.config.mjs gives Astro and with the annotation
 * renderer whose HTML the document pages publish.
 */
import { unified } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { renderForAnnotation } from '../../src/pipeline/annotation-renderer.ts';
import { markdownOptions } from '../../src/pipeline/index.ts';

const astroRenderer = await unified(markdownOptions).createRenderer({});
const renderers = {
  'Astro’s processor': async (markdown: string) => {
    const result = await astroRenderer.render(markdown, { frontmatter: { speakers: [] } });
    return { html: result.code, frontmatter: result.metadata.frontmatter };
  },
  'the annotation renderer': async (markdown: string) => renderForAnnotation(markdown, { speakers: [] }, '/tmp/hostile.md'),
};

describe.each(Object.entries(renderers))('hostile Markdown rendered by %s', (_name, renderWith) => {
  const render = async (markdown: string) => (await renderWith(markdown)).html;

  it.each([
    ['a script', 'Text.\n\n<script>alert(1)</script>\n', /<script/iu],
    ['an inline handler', 'A <img src="x" onerror="alert(1)"> picture.\n', /onerror|<img/iu],
    ['a handler on a link', 'A <a href="/" onclick="alert(1)">link</a>.\n', /onclick/iu],
    ['an iframe', '<iframe src="https://example.org"></iframe>\n', /<iframe/iu],
    ['a style element', '<style>body { display: none }</style>\n', /<style/iu],
    ['a javascript: link', 'A [link](javascript:alert(1)) here.\n', /javascript:/iu],
    ['an entity-encoded javascript: link', 'A [link](jav&#x61;script:alert(1)) here.\n', /javascript:|jav&#x61;script/iu],
    // Its words stay as text; what must go is the link.
    ['a javascript: autolink', 'See <javascript:alert(1)>.\n', /<a\b|href=/iu],
    ['a data: link definition', 'A [link][x].\n\n[x]: data:text/html,hi\n', /data:/iu],
  ])('%s is dropped', async (_case, markdown, forbidden) => {
    expect(await render(markdown)).not.toMatch(forbidden);
  });

  it('keeps the words of a refused link, and safe links as they are', async () => {
    const html = await render('A [kept words](javascript:alert(1)) and [a source](https://example.org).\n');
    expect(html).toContain('kept words');
    expect(html).toContain('<a href="https://example.org">a source</a>');
  });

  it('records what it refused on the frontmatter, so the page refuses to render', async () => {
    const result = await renderWith('Text.\n\n<script>alert(1)</script>\n');
    expect(result.frontmatter['contentProblems']).toEqual([{ line: 3, reason: 'raw HTML is not allowed: `<script>alert(1)</script>`', rule: 'raw-html' }]);
  });
});
