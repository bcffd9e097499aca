/**
 * The second line of defence: if hostile Markdown ever reached Astro's renderer
 * (a build run without the content check), the output is inert. Rendered with
 * the exact processor astro.config.mjs uses.
 */
import { unified } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { markdownOptions } from '../../src/pipeline/index.ts';

const renderer = await unified(markdownOptions).createRenderer({});
const render = async (markdown: string) => (await renderer.render(markdown, { frontmatter: { speakers: [] } })).code;

describe('hostile Markdown rendered by the site’s processor', () => {
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
    const result = await renderer.render('Text.\n\n<script>alert(1)</script>\n', { frontmatter: { speakers: [] } });
    expect(result.metadata.frontmatter['contentProblems']).toEqual([{ line: 3, reason: 'raw HTML is not allowed: `<script>alert(1)</script>`', rule: 'raw-html' }]);
  });
});
