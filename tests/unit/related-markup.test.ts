import { describe, expect, it } from 'vitest';
import { injectRelated, type RelatedLink } from '../../src/lib/related-markup.ts';

const link = (kind: RelatedLink['kind'], sameDocument = false): RelatedLink => ({
  kind,
  href: '/documents/other/#s-x',
  source: 'The Diplomat, March 23, 2021',
  passage: 'For us, China is a true strategic partner',
  compareHref: '/compare/abc/',
  sameDocument,
});

describe('injectRelated', () => {
  it('puts the related list after the paragraph that holds a statement span, with the citing passage', () => {
    const html = '<p>Narration. <span id="s-a" class="statement">“Quote.”</span></p><p>Next.</p>';
    const out = injectRelated(html, new Map([['s-a', [link('verbatim')]]]));
    expect(out).toBe(
      '<p>Narration. <span id="s-a" class="statement">“Quote.”</span></p>' +
        '<div class="related" data-added="" data-pagefind-ignore="" data-related-to="s-a"><ul><li data-relation-kind="verbatim">' +
        '<span class="related-kind">Also reported by </span><a href="/documents/other/#s-x">The Diplomat, March 23, 2021</a>: ' +
        '<q>For us, China is a true strategic partner</q> <a href="/compare/abc/" class="compare-link">Compare</a></li></ul></div>' +
        '<p>Next.</p>',
    );
  });

  it('puts it inside a list item, and never shows a paraphrase as a quotation', () => {
    const out = injectRelated('<ol><li><p id="s-b">Point.</p></li></ol>', new Map([['s-b', [link('paraphrase')]]]));
    expect(out).toContain('<li><p id="s-b">Point.</p><div class="related"');
    expect(out).toContain('Similar content in ');
    expect(out).not.toContain('<q>');
  });

  it('names a translation as another rendering, and a relation within the document as such', () => {
    const out = injectRelated('<p id="s-c">Text.</p>', new Map([['s-c', [link('translation'), link('verbatim', true)]]]));
    expect(out).toContain('Another rendering in ');
    expect(out).toContain('Also in this document ');
  });

  it('leaves the HTML alone when there is nothing to add', () => {
    const html = '<p id="s-d">Text &amp; more.</p>';
    expect(injectRelated(html, new Map())).toBe(html);
  });
});
