/**
 * Marks the searched words inside the passage a search result links to. Only
 * the source's words are searched: labels and links the site adds
 * (`data-added`) are skipped.
 */

/** A word matches a query word that it starts with, or the query word's stem ("cooperating" → "cooperat…"). */
export function queryPattern(query: string): RegExp | undefined {
  const words = [...new Set(query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])].filter((word) => word.length > 1);
  if (words.length === 0) return undefined;
  const stems = words.map((word) => word.replace(/(?:ing|ed|es|s)$/u, '')).map((stem) => stem.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${stems.join('|')})[\\p{L}\\p{N}]*`, 'giu');
}

export function highlightPassage(query: string, id: string): number {
  const target = document.getElementById(id);
  const pattern = queryPattern(query);
  if (!target || !pattern) return 0;
  const walker = document.createTreeWalker(target, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest('[data-added]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const textNodes: Text[] = [];
  while (walker.nextNode()) textNodes.push(walker.currentNode as Text);
  let marked = 0;
  for (const node of textNodes) {
    const text = node.data;
    const parts: Node[] = [];
    let last = 0;
    for (const match of text.matchAll(pattern)) {
      parts.push(document.createTextNode(text.slice(last, match.index)));
      const mark = document.createElement('mark');
      mark.className = 'search-hit';
      mark.textContent = match[0];
      parts.push(mark);
      last = match.index + match[0].length;
      marked++;
    }
    if (parts.length === 0) continue;
    parts.push(document.createTextNode(text.slice(last)));
    node.replaceWith(...parts);
  }
  target.classList.add('search-target');
  target.scrollIntoView({ block: 'center' });
  return marked;
}
