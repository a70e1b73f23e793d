/**
 * The body's running text, block by block, as the review rules read it: text and inline HTML
 * in reading order, with emphasis and links flattened away, so "**8.5%**<!--fact:X-->" is a
 * number followed by its mark. Anything else inline (code, images, footnote calls) breaks the
 * run: a mark after it belongs to nothing.
 */
import type { Html, Nodes, Root, Text } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';

export type Segment = { type: 'text'; node: Text } | { type: 'html'; node: Html } | { type: 'gap' };

export interface Run {
  segments: Segment[];
}

const BLOCKS_WITH_TEXT = new Set(['paragraph', 'heading', 'tableCell']);
const TRANSPARENT = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference']);

export function inlineRuns(tree: Root): Run[] {
  const runs: Run[] = [];
  visit(tree, (node) => {
    if (node.type === 'html') {
      // An HTML block on its own line (flow HTML) is a run of one: a mark there follows nothing.
      runs.push({ segments: [{ type: 'html', node }] });
      return SKIP;
    }
    if (!BLOCKS_WITH_TEXT.has(node.type) || !('children' in node)) return undefined;
    const segments: Segment[] = [];
    for (const child of node.children) flatten(child as Nodes, segments);
    runs.push({ segments });
    return SKIP;
  });
  return runs;
}

function flatten(node: Nodes, into: Segment[]): void {
  if (node.type === 'text') into.push({ type: 'text', node });
  else if (node.type === 'html') into.push({ type: 'html', node });
  else if (TRANSPARENT.has(node.type) && 'children' in node) {
    for (const child of node.children) flatten(child as Nodes, into);
  } else into.push({ type: 'gap' });
}
