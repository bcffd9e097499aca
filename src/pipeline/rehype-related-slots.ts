/**
 * Marks where each statement's "Also reported by" list will go: a comment
 * after the block that holds the statement (inside it, for a list item),
 * naming the statements it is for.
 *
 * Relations are known only once every document is annotated (the second
 * stage), so the lists are filled in at page-render time. Finding the blocks
 * then would mean parsing each page's HTML again (6 ms a document, a third of
 * a document page's cost); with the slots in place it is one string
 * replacement (`injectRelated` in src/lib/related-markup.ts), which also
 * removes every slot, filled or not.
 */
import type { Comment, Element, Root, RootContent } from 'hast';
import type { Plugin } from 'unified';

/** Blocks a related list follows; a statement inside one gets its list after the whole block. */
export const RELATED_BLOCKS: ReadonlySet<string> = new Set(['p', 'li', 'blockquote', 'h2', 'h3', 'h4', 'h5', 'h6']);

export const RELATED_SLOT_PREFIX = 'related-slot ';

function isStatement(element: Element): element is Element & { properties: { id: string } } {
  const className = element.properties['className'];
  return typeof element.properties['id'] === 'string' && Array.isArray(className) && className.includes('statement');
}

const rehypeRelatedSlots: Plugin<[], Root> = () => (tree) => {
  const slots = new Map<Element, string[]>();
  const walk = (node: Root | Element, block: Element | undefined) => {
    for (const child of node.children as RootContent[]) {
      if (child.type !== 'element') continue;
      const currentBlock = RELATED_BLOCKS.has(child.tagName) ? child : block;
      if (isStatement(child) && currentBlock) {
        const ids = slots.get(currentBlock) ?? [];
        ids.push(child.properties.id);
        slots.set(currentBlock, ids);
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
      const ids = slots.get(child);
      if (!ids) continue;
      const slot: Comment = { type: 'comment', value: `${RELATED_SLOT_PREFIX}${ids.join(' ')}` };
      if (child.tagName === 'li') child.children.push(slot);
      else children.splice(++index, 0, slot);
    }
  };
  place(tree);
};

export default rehypeRelatedSlots;
