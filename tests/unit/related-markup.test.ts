import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { injectRelated, type RelatedLink } from '../../src/lib/related-markup.ts';
import rehypeRelatedSlots from '../../src/pipeline/rehype-related-slots.ts';

/** HTML as the pipeline leaves it: with a slot after each statement's block. */
const slotted = (html: string) => String(unified().use(rehypeParse, { fragment: true }).use(rehypeRelatedSlots).use(rehypeStringify).processSync(html));

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
    const html = slotted('<p>Narration. <span id="s-a" class="statement">“Quote.”</span></p><p>Next.</p>');
    expect(html).toBe('<p>Narration. <span id="s-a" class="statement">“Quote.”</span></p><!--related-slot s-a--><p>Next.</p>');
    const out = injectRelated(html, new Map([['s-a', [link('verbatim')]]]));
    expect(out).toBe(
      '<p>Narration. <span id="s-a" class="statement">“Quote.”</span></p>' +
        '<div class="related" data-added="" data-related-to="s-a"><ul><li data-relation-kind="verbatim">' +
        '<span class="related-kind">Also reported by </span><a href="/documents/other/#s-x">The Diplomat, March 23, 2021</a>: ' +
        '<q>For us, China is a true strategic partner</q> <a href="/compare/abc/" class="compare-link">Compare</a></li></ul></div>' +
        '<p>Next.</p>',
    );
  });

  it('puts it inside a list item, and never shows a paraphrase as a quotation', () => {
    const out = injectRelated(slotted('<ol><li><p id="s-b" class="statement">Point.</p></li></ol>'), new Map([['s-b', [link('paraphrase')]]]));
    expect(out).toContain('<li><p id="s-b" class="statement">Point.</p><div class="related"');
    expect(out).toContain('Similar content in ');
    expect(out).not.toContain('<q>');
  });

  it('names a translation as another rendering, and a relation within the document as such', () => {
    const out = injectRelated(slotted('<p id="s-c" class="statement">Text.</p>'), new Map([['s-c', [link('translation'), link('verbatim', true)]]]));
    expect(out).toContain('Another rendering in ');
    expect(out).toContain('Also in this document ');
    // The passage is on this page already: linked, not quoted a second time.
    const same = injectRelated(slotted('<p id="s-g" class="statement">Text.</p>'), new Map([['s-g', [link('verbatim', true)]]]));
    expect(same).not.toContain('<q>');
    expect(same).toContain('href="/documents/other/#s-x"');
  });

  it('removes the slots of statements with nothing to add, and leaves the rest of the HTML alone', () => {
    const html = slotted('<p id="s-d" class="statement">Text &amp; more.</p><p>Narration <span id="s-e" class="statement">one</span> <span id="s-f" class="statement">two</span>.</p>');
    expect(html).toContain('<!--related-slot s-e s-f-->');
    expect(injectRelated(html, new Map())).toBe('<p id="s-d" class="statement">Text &#x26; more.</p><p>Narration <span id="s-e" class="statement">one</span> <span id="s-f" class="statement">two</span>.</p>');
    // Two statements in one block: both lists after the block, in order.
    const both = injectRelated(html, new Map([['s-f', [link('verbatim')]], ['s-e', [link('translation')]]]));
    expect(both.indexOf('data-related-to="s-e"')).toBeLessThan(both.indexOf('data-related-to="s-f"'));
    expect(both.indexOf('two</span>.</p>')).toBeLessThan(both.indexOf('data-related-to="s-e"'));
  });

  it('writes markup given for a statement after its block’s lists, and appends what has no slot rather than lose it', () => {
    const html = slotted('<p id="s-d" class="statement">One.</p><p>Two <span id="s-e" class="statement">e</span>.</p>');
    const out = injectRelated(html, new Map([['s-e', [link('verbatim')]]]), new Map([['s-e', '<script type="application/ld+json">{}</script>'], ['s-zz', '<b>late</b>']]));
    expect(out.indexOf('data-related-to="s-e"')).toBeGreaterThan(out.indexOf('e</span>.</p>'));
    expect(out.indexOf('<script type="application/ld+json">{}</script>')).toBeGreaterThan(out.indexOf('data-related-to="s-e"'));
    expect(out.endsWith('<b>late</b>')).toBe(true);
    expect(out.match(/<script/gu)).toHaveLength(1);
  });

  it('gives no slot to an element that is not a statement', () => {
    expect(slotted('<p id="footnote-1">Note.</p>')).toBe('<p id="footnote-1">Note.</p>');
  });
});
