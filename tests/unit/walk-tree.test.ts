/**
 * The plugins' tree walk: the same nodes in the same order as unist-util-visit,
 * which it replaced, over every source document; and its two returns, `SKIP`
 * and `[SKIP, index]` after a replacement.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Nodes, Root, Text } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { SKIP as VISIT_SKIP, visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { SKIP, walkTree } from '../../src/pipeline/walk-tree.ts';
import { ROOT } from '../helpers/paths.ts';

const parser = unified().use(remarkParse).use(remarkGfm);
const parse = (markdown: string) => parser.runSync(parser.parse(markdown)) as Root;
const documentsFolder = join(ROOT, 'content/documents');
const documents = readdirSync(documentsFolder).filter((name) => name.endsWith('.md'));

function place(node: { type: string; position?: { start: { offset?: number | undefined } } | undefined }): string {
  return `${node.type}@${node.position?.start.offset ?? '?'}`;
}

describe('walkTree', () => {
  it.each(documents)('visits the nodes of %s in the order unist-util-visit does', (name) => {
    const tree = parse(readFileSync(join(documentsFolder, name), 'utf8'));
    const expected: string[] = [];
    visit(tree, (node, _index, parent) => {
      if (parent) expected.push(`${place(node)} in ${place(parent)}`);
      // Skipping the same subtrees both ways shows SKIP is honoured the same.
      return node.type === 'blockquote' || node.type === 'listItem' ? VISIT_SKIP : undefined;
    });
    const walked: string[] = [];
    walkTree<Nodes>(tree, (node, _index, parent) => {
      walked.push(`${place(node)} in ${place(parent)}`);
      return node.type === 'blockquote' || node.type === 'listItem' ? SKIP : undefined;
    });
    expect(expected.length).toBeGreaterThan(10);
    expect(walked).toEqual(expected);
  });

  it('goes on at the index a visitor returns after replacing a node, without visiting the replacements', () => {
    const tree = parse('one two three\n\nfour\n');
    const seen: string[] = [];
    walkTree<Nodes>(tree, (node, index, parent) => {
      if (node.type !== 'text') return undefined;
      seen.push(node.value);
      const words: Text[] = node.value.split(' ').map((value) => ({ type: 'text', value }));
      (parent.children as Text[]).splice(index, 1, ...words);
      return [SKIP, index + words.length];
    });
    expect(seen).toEqual(['one two three', 'four']);
    expect((tree.children[0] as { children: Text[] }).children.map((text) => text.value)).toEqual(['one', 'two', 'three']);
  });

  it('walks the children a visitor has just given its node', () => {
    const tree = parse('a\n');
    const types: string[] = [];
    walkTree<Nodes>(tree, (node) => {
      types.push(node.type);
      if (node.type === 'paragraph') node.children.push({ type: 'emphasis', children: [{ type: 'text', value: 'b' }] });
      return undefined;
    });
    expect(types).toEqual(['paragraph', 'text', 'emphasis', 'text']);
  });
});
