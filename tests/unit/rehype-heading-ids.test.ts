/**
 * Heading anchors: the first six words of the heading, unique on the page,
 * and kept by Astro's own heading step (checked through the site's processor).
 */
import { unified } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { markdownOptions } from '../../src/pipeline/index.ts';
import { headingSlug } from '../../src/pipeline/rehype-heading-ids.ts';

const renderer = await unified(markdownOptions).createRenderer({ syntaxHighlight: false });
const FRONTMATTER = { date: '2021-03-24', speakers: ['wang-yi', 'sergey-lavrov'], parties: ['wang-yi', 'sergey-lavrov'] };

async function render(markdown: string) {
  const result = await renderer.render(markdown, { frontmatter: { ...FRONTMATTER } });
  return { html: result.code, headings: result.metadata.headings };
}

describe('heading anchors', () => {
  it('are the first six words, slugged as GitHub and Astro slug them', () => {
    expect(headingSlug("Russian FM Lavrov's Opening Remarks During Talks With Chinese FM Wang Yi")).toBe('russian-fm-lavrovs-opening-remarks-during');
    expect(headingSlug("'There Is No Uniform Standard For The Model Of Democracy'")).toBe('there-is-no-uniform-standard-for');
    expect(headingSlug('Short')).toBe('short');
    expect(headingSlug('“…”')).toBe('section');
  });

  it('reach the page and Astro’s headings through the site’s processor, whose own step would slug the whole heading', async () => {
    const { html, headings } = await render('## Ministers Of Foreign Affairs Of The People\'s Republic Of China And The Russian Federation\n\nText.\n');
    expect(html).toContain('<h2 id="ministers-of-foreign-affairs-of-the">');
    expect(headings.map((heading) => heading.slug)).toEqual(['ministers-of-foreign-affairs-of-the']);
  });

  it('leave out footnote markers, and are unique among every id on the page', async () => {
    const { html } = await render('## The Same Heading[^1]\n\n## The Same Heading\n\nOn March 22, 2021, they met.\n\n## T 2021 03 22\n\n[^1]: A note.\n');
    expect(html).toContain('<h2 id="the-same-heading">');
    expect(html).toContain('<h2 id="the-same-heading-1">');
    // The date's anchor is t-2021-03-22: the heading that slugs the same gets another.
    expect(html).toContain('id="t-2021-03-22"');
    expect(html).toContain('<h2 id="t-2021-03-22-1">');
  });
});
