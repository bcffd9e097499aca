/**
 * Gives each heading an anchor made of its first six words (the statements'
 * anchors are paragraph numbers, `p12`; remark-statements.ts).
 *
 * Astro's processor would otherwise slug the whole heading, and these texts'
 * headings are whole sentences: MEMRI's dispatch has fifteen, one of them a
 * 150-character id. Such ids are written once on the page and linked from
 * nowhere, so gzip stores them letter by letter: 464 bytes of that page's
 * gzip, 216 with six words (issue 7's page-weight budget). Astro's heading-id
 * step keeps an id a heading already has, so pages and `headings` carry these.
 */
import type { Element, ElementContent, Nodes, Root } from 'hast';
import type { Plugin } from 'unified';
import { walkTree } from './walk-tree.ts';

const HEADING = /^h[1-6]$/u;
const WORDS = 6;

/** The heading's own words: what the site adds (labels, links to self) and footnote markers are not part of them. */
function headingText(nodes: readonly ElementContent[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'text') return node.value;
      if (node.type !== 'element') return '';
      if (node.properties['dataAdded'] !== undefined || node.properties['dataFootnoteRef'] !== undefined) return '';
      return headingText(node.children);
    })
    .join('');
}

/** Lower-case ASCII words joined by hyphens, as GitHub and Astro slug a heading (apostrophes dropped), the first six. */
export function headingSlug(text: string): string {
  const words = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[\u0300-\u036f'’]/gu, '')
    .replace(/[^a-z0-9\s-]/gu, ' ')
    .split(/[\s-]+/u)
    .filter(Boolean)
    .slice(0, WORDS);
  return words.join('-') || 'section';
}

const rehypeHeadingIds: Plugin<[], Root> = () => (tree) => {
  // Unique among every id on the page, not only the headings': statements, dates and notes have ids too.
  const used = new Set<string>();
  const headings: Element[] = [];
  walkTree<Nodes>(tree, (node) => {
    if (node.type !== 'element') return undefined;
    if (typeof node.properties['id'] === 'string') used.add(node.properties['id']);
    else if (HEADING.test(node.tagName)) headings.push(node);
    return undefined;
  });
  for (const element of headings) {
    const slug = headingSlug(headingText(element.children));
    let id = slug;
    for (let n = 1; used.has(id); n++) id = `${slug}-${n}`;
    used.add(id);
    element.properties['id'] = id;
  }
};

export default rehypeHeadingIds;
