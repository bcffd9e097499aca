/**
 * A preorder walk of a syntax tree, for the plugins that visit every node.
 *
 * It does what `unist-util-visit` does for the uses here (`SKIP`, or
 * `[SKIP, index]` after replacing the node with others), without what made
 * that the annotation's largest overhead: a closure and a copy of the
 * ancestors' array made for every node. Its six whole-tree visits took 1.5 s
 * of the 9.7 s each of two annotation workers spent on 1,000 documents
 * (profile, December 7; the dates' own work included).
 */

/** Do not walk this node's children. */
export const SKIP = 'skip';

/** What a visitor returns: nothing (go on), `SKIP`, or `[SKIP, index]`: go on at that index of the parent. */
export type WalkAction = undefined | typeof SKIP | readonly [typeof SKIP, number];

interface TreeNode {
  type: string;
}

type ParentOf<Node> = Extract<Node, { children: unknown[] }>;

/**
 * Calls `visitor` on every node below `tree` (not on `tree` itself), parents before children, in document order.
 * A visitor may replace the node it is given in `parent.children` if it returns where to go on.
 */
export function walkTree<Node extends TreeNode>(
  tree: ParentOf<Node>,
  visitor: (node: Node, index: number, parent: ParentOf<Node>) => WalkAction,
): void {
  let index = 0;
  // Read again each time: a visitor may have spliced the parent's children.
  while (index < tree.children.length) {
    const node = tree.children[index] as Node;
    const action = visitor(node, index, tree);
    if (action === SKIP) index++;
    else if (action !== undefined) index = action[1];
    else {
      if ('children' in node) walkTree(node as ParentOf<Node>, visitor);
      index++;
    }
  }
}
