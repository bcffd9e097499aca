/**
 * Refuses Markdown that the site must not publish: raw HTML, links with
 * unsafe protocols, and footnotes that do not pair up. Each problem is a
 * located, fatal vfile message; the content check prints them and stops the
 * build (Astro only logs what a plugin reports during content sync).
 *
 * A second line of defence, for a build run without the check (`astro build`
 * alone): what is refused is also made inert in the tree. Raw HTML is
 * dropped and an unsafe link keeps its words but loses its target, so such a
 * page never carries a script, a handler, a frame or a style.
 */
import type { Nodes, Parent, Root } from 'mdast';
import type { VFile } from 'vfile';
import type { Node } from 'unist';
import { RULES, SOURCE, type RuleId } from './rules.ts';
import { walkTree } from './walk-tree.ts';

const SAFE_URL = /^(?:https?:|mailto:|\/|#|\.{0,2}\/)/i;
const BARE_FOOTNOTE = /\[\^([^\]\s]+)\]/g;

export function report(file: VFile, reason: string, node: Node, ruleId: RuleId): void {
  const message = file.message(reason, { place: node.position, ruleId, source: SOURCE });
  message.fatal = RULES[ruleId].fatal;
}

export default function remarkContentRules() {
  return (tree: Root, file: VFile) => {
    const referenced = new Set<string>();
    const inert: { node: Node; parent: Parent }[] = [];
    walkTree<Nodes>(tree, (node, _index, parent) => {
      switch (node.type) {
        case 'html':
          report(file, `raw HTML is not allowed: \`${node.value.slice(0, 60)}\``, node, 'raw-html');
          inert.push({ node, parent });
          break;
        case 'link':
        case 'definition': {
          const url = node.url.trim();
          // A relative path with no scheme is safe; anything with a scheme must be allow-listed.
          if (/^[a-z][a-z0-9+.-]*:/i.test(url) && !SAFE_URL.test(url)) {
            report(file, `link to \`${url.slice(0, 60)}\` uses a protocol that is not allowed`, node, 'unsafe-link');
            inert.push({ node, parent });
          }
          break;
        }
        case 'footnoteReference':
          referenced.add(node.identifier);
          break;
        case 'text':
          // GFM leaves a reference to a missing note as plain text.
          for (const match of node.value.matchAll(BARE_FOOTNOTE)) {
            report(file, `footnote reference \`[^${match[1]}]\` has no note`, node, 'footnote-undefined');
          }
          break;
      }
    });
    for (const { node, parent } of inert) {
      const index = parent.children.indexOf(node as Parent['children'][number]);
      if (index < 0) continue;
      const words = node.type === 'link' ? (node as Parent).children : [];
      parent.children.splice(index, 1, ...(words as Parent['children']));
    }
    walkTree<Nodes>(tree, (node) => {
      if (node.type === 'footnoteDefinition' && !referenced.has(node.identifier)) {
        report(file, `note \`[^${node.identifier}]\` is never referenced in the text`, node, 'footnote-unreferenced');
      }
      return undefined;
    });

  };
}
