/**
 * Puts "Also reported by …" beside each statement that has relations, in a
 * document's rendered HTML. Relations are known only after every document is
 * annotated (the second stage), so they are added at page-render time, not by
 * the per-document plugins. The links are plain anchors: keyboard-reachable,
 * and they work without JavaScript.
 */
import type { Element, ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';

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

function text(value: string): ElementContent {
  return { type: 'text', value };
}

function element(tagName: string, properties: Element['properties'], children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children };
}

function linkItem(link: RelatedLink): Element {
  const lead = link.sameDocument ? (link.kind === 'paraphrase' ? 'Similar content elsewhere in this document' : 'Also in this document') : LEAD[link.kind];
  const children: ElementContent[] = [element('span', { className: ['related-kind'] }, [text(`${lead} `)]), element('a', { href: link.href }, [text(link.source)])];
  // A paraphrase is never presented as a quotation; a passage on this same page is not quoted twice on it.
  if (link.kind !== 'paraphrase' && !link.sameDocument) children.push(text(': '), element('q', {}, [text(link.passage)]));
  children.push(text(' '), element('a', { href: link.compareHref, className: ['compare-link'] }, [text('Compare')]));
  return element('li', { dataRelationKind: link.kind }, children);
}

function relatedBlock(anchor: string, links: readonly RelatedLink[]): Element {
  return element(
    'div',
    { className: ['related'], dataAdded: '', dataRelatedTo: anchor },
    [element('ul', {}, links.map(linkItem))],
  );
}

const SLOT = /<!--related-slot ([^<>]*?)-->/gu;

/**
 * Fills the slots the pipeline left after each statement's block
 * (rehype-related-slots.ts) with the statements' related lists, and removes
 * the slots of statements that have none. `after` holds more markup for a
 * statement (its page's JSON-LD quotations), written after its block's lists;
 * what has no slot to go to is appended at the end, so none is lost.
 */
export function injectRelated(
  html: string,
  relatedByAnchor: ReadonlyMap<string, readonly RelatedLink[]>,
  after: ReadonlyMap<string, string> = new Map(),
): string {
  const placed = new Set<string>();
  const filled = html.replace(SLOT, (_slot, ids: string) => {
    const anchors = ids.split(' ');
    const lists = anchors.map((id) => {
      const links = relatedByAnchor.get(id);
      return links && links.length > 0 ? toHtml(relatedBlock(id, links)) : '';
    });
    let more = '';
    for (const id of anchors) {
      const markup = after.get(id);
      if (markup === undefined) continue;
      more += markup;
      placed.add(id);
    }
    return lists.join('') + more;
  });
  const unplaced = [...after].filter(([id]) => !placed.has(id)).map(([, markup]) => markup);
  return filled + unplaced.join('');
}
