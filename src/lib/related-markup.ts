/**
 * Puts "Also reported by …" beside each statement that has relations, in a
 * document's rendered HTML. Relations are known only after every document is
 * annotated (the second stage), so they are added at page-render time, not by
 * the per-document plugins. The links are plain anchors: keyboard-reachable,
 * and they work without JavaScript.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';

export type RelatedKind = 'verbatim' | 'translation' | 'paraphrase';

export interface RelatedLink {
  kind: RelatedKind;
  /** `/documents/<slug>/#<anchor>` of the other statement. */
  href: string;
  /** "The Diplomat, March 23, 2021". */
  source: string;
  /** The matching words in the other statement: the citing passage. */
  passage: string;
  /** The comparison view of the two. */
  compareHref: string;
  /** The other statement is in this same document. */
  sameDocument: boolean;
}

const LEAD: Record<RelatedKind, string> = {
  verbatim: 'Also reported by',
  translation: 'Another rendering in',
  paraphrase: 'Similar content in',
};

const BLOCKS = new Set(['p', 'li', 'blockquote', 'h2', 'h3', 'h4', 'h5', 'h6']);

function text(value: string): ElementContent {
  return { type: 'text', value };
}

function element(tagName: string, properties: Element['properties'], children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children };
}

function linkItem(link: RelatedLink): Element {
  const lead = link.sameDocument ? (link.kind === 'paraphrase' ? 'Similar content elsewhere in this document' : 'Also in this document') : LEAD[link.kind];
  const children: ElementContent[] = [element('span', { className: ['related-kind'] }, [text(`${lead} `)]), element('a', { href: link.href }, [text(link.source)])];
  // A paraphrase is never presented as a quotation.
  if (link.kind !== 'paraphrase') children.push(text(': '), element('q', {}, [text(link.passage)]));
  children.push(text(' '), element('a', { href: link.compareHref, className: ['compare-link'] }, [text('Compare')]));
  return element('li', { dataRelationKind: link.kind }, children);
}

function relatedBlock(anchor: string, links: readonly RelatedLink[]): Element {
  return element(
    'div',
    { className: ['related'], dataAdded: '', dataPagefindIgnore: '', dataRelatedTo: anchor },
    [element('ul', {}, links.map(linkItem))],
  );
}

/** Inserts, after the block that holds each statement, the list of its related statements. */
export function injectRelated(html: string, relatedByAnchor: ReadonlyMap<string, readonly RelatedLink[]>): string {
  if (relatedByAnchor.size === 0) return html;
  const tree = unified().use(rehypeParse, { fragment: true }).parse(html) as Root;
  const insertions = new Map<Element, Element[]>();

  const walk = (node: Root | Element, block: Element | undefined) => {
    for (const child of node.children as RootContent[]) {
      if (child.type !== 'element') continue;
      const currentBlock = BLOCKS.has(child.tagName) ? child : block;
      const id = child.properties['id'];
      const links = typeof id === 'string' ? relatedByAnchor.get(id) : undefined;
      if (links && links.length > 0 && currentBlock) {
        const list = insertions.get(currentBlock) ?? [];
        list.push(relatedBlock(id as string, links));
        insertions.set(currentBlock, list);
      }
      walk(child, currentBlock);
    }
  };
  walk(tree, undefined);

  const place = (node: Root | Element) => {
    const children = node.children as RootContent[];
    for (let index = 0; index < children.length; index++) {
      const child = children[index]!;
      if (child.type !== 'element') continue;
      place(child);
      const blocks = insertions.get(child);
      if (!blocks) continue;
      // A list item takes the related list inside it; other blocks get it as their next sibling.
      if (child.tagName === 'li') child.children.push(...blocks);
      else {
        children.splice(index + 1, 0, ...blocks);
        index += blocks.length;
      }
    }
  };
  place(tree);
  return unified().use(rehypeStringify).stringify(tree);
}
