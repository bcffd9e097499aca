/**
 * Records the words of a document that are nobody's statement (narration,
 * headings, notes), one string per block, in reading order, on `file.data`
 * and Astro's frontmatter (`narration`).
 *
 * The search index makes them the document's own record, its statements being
 * records of their own (src/lib/search-records.ts). Taking them from here
 * rather than having Pagefind parse every document page's HTML spares the
 * index a fifth of its memory, and leaves out what the page adds around the
 * text (labels, citations, metadata).
 */
import type { Nodes, Root } from 'mdast';
import type { Plugin } from 'unified';
import { SKIP, walkTree } from './walk-tree.ts';

declare module 'vfile' {
  interface DataMap {
    narration: string[];
  }
}

const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

/** The text of a node, leaving out statements and what the site adds (speaker labels, permalinks). */
function narrationText(node: Nodes, parts: string[]): void {
  if (node.type === 'statement' || node.type === 'addedText' || node.data?.statement || node.data?.added) return;
  if (node.type === 'text' || node.type === 'inlineCode') parts.push(node.value);
  else if (node.type === 'break') parts.push(' ');
  if ('children' in node) for (const child of node.children as Nodes[]) narrationText(child, parts);
}

const remarkNarration: Plugin<[], Root> = () => (tree, file) => {
  const narration: string[] = [];
  walkTree<Nodes>(tree, (node) => {
    if (!BLOCKS.has(node.type)) return undefined;
    const parts: string[] = [];
    narrationText(node, parts);
    const text = parts.join('').replace(/\s+/gu, ' ').trim();
    if (text !== '') narration.push(text);
    return SKIP;
  });
  file.data.narration = narration;
  const astro = (file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro;
  if (astro) astro.frontmatter = { ...astro.frontmatter, narration };
};

export default remarkNarration;
