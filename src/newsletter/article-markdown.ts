/**
 * An article body as the newsletter may use it: a markdown tree with nothing an email or a
 * markdown platform could execute. Raw HTML (the `<!--fact:ID-->` marks included) is dropped,
 * reference links are resolved so no `[x]: javascript:...` definition survives, images become
 * their alt text (no remote images: they weigh on the size budget and track readers), and a link
 * is kept only when it resolves, against the site URL, to http or https. Every output (HTML,
 * text, markdown) is rendered from this tree, so each gets the same guarantee; the HTML is
 * sanitized once more on its own (sanitize.ts).
 */
import type { Definition, PhrasingContent, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { LinkTagger } from './site-links.ts';

const parser = unified().use(remarkParse).use(remarkGfm);

/** The link's absolute http(s) URL against the site, or null when it must not be a link. */
export function safeHref(url: string, siteUrl: string): string | null {
  try {
    const resolved = new URL(url.trim(), siteUrl);
    return resolved.protocol === 'https:' || resolved.protocol === 'http:' ? resolved.href : null;
  } catch {
    return null;
  }
}

export function safeArticleTree(markdown: string, siteUrl: string): Root {
  const tree = parser.parse(markdown) as Root;
  const definitions = new Map<string, Definition>();
  collectDefinitions(tree.children, definitions);
  return { type: 'root', children: rewrite(tree.children, { siteUrl, definitions }) };
}

interface RewriteContext {
  siteUrl: string;
  definitions: Map<string, Definition>;
}

function collectDefinitions(nodes: readonly RootContent[], into: Map<string, Definition>): void {
  for (const node of nodes) {
    // CommonMark: the first definition of a label wins.
    if (node.type === 'definition' && !into.has(node.identifier)) into.set(node.identifier, node);
    if ('children' in node) collectDefinitions(node.children as RootContent[], into);
  }
}

function rewrite(nodes: readonly RootContent[], ctx: RewriteContext): RootContent[] {
  return nodes.flatMap((node) => rewriteNode(node, ctx));
}

function rewriteNode(node: RootContent, ctx: RewriteContext): RootContent[] {
  switch (node.type) {
    case 'html':
    case 'definition':
    case 'footnoteDefinition':
    case 'footnoteReference':
      return [];
    case 'image':
    case 'imageReference':
      return node.alt ? [{ type: 'text', value: node.alt }] : [];
    case 'linkReference':
      return linkOrText(ctx.definitions.get(node.identifier)?.url, node.children, ctx);
    case 'link':
      return linkOrText(node.url, node.children, ctx);
    default:
      if ('children' in node) {
        return [{ ...node, children: rewrite(node.children as RootContent[], ctx) } as RootContent];
      }
      return [node];
  }
}

/** A link to a safe URL, or its text alone (the reader keeps the words, loses the target). */
function linkOrText(
  url: string | undefined,
  children: PhrasingContent[],
  ctx: RewriteContext,
): RootContent[] {
  const text = rewrite(children, ctx) as PhrasingContent[];
  const href = url === undefined ? null : safeHref(url, ctx.siteUrl);
  return href ? [{ type: 'link', url: href, title: null, children: text }] : text;
}

/**
 * The blocks an issue shows of an article: what comes before the first thematic break (after
 * it, the site prints the disclaimer and sources, which the email has once in its footer), up
 * to `paragraphs` paragraphs. A paragraph ending in a colon introduces what follows (the pattern
 * study's list of horizons), so the next block comes with it.
 */
export function excerptBlocks(tree: Root, paragraphs: number): RootContent[] {
  const blocks: RootContent[] = [];
  let counted = 0;
  for (const node of tree.children) {
    if (node.type === 'thematicBreak') break;
    const introduces = blocks.at(-1)?.type === 'paragraph' && endsWithColon(blocks.at(-1)!);
    if (counted >= paragraphs && !introduces) break;
    blocks.push(node);
    if (node.type === 'paragraph') counted++;
  }
  return blocks;
}

function endsWithColon(node: RootContent): boolean {
  const last = 'children' in node ? (node.children as RootContent[]).at(-1) : undefined;
  return last?.type === 'text' && last.value.trimEnd().endsWith(':');
}

/** A copy of `nodes` with every link passed through `tag` (campaign tags for the email). */
export function tagLinks<T extends RootContent>(nodes: readonly T[], tag: LinkTagger): T[] {
  return nodes.map((node) => {
    if (node.type === 'link') return { ...node, url: tag(node.url), children: tagLinks(node.children, tag) };
    if ('children' in node) return { ...node, children: tagLinks(node.children as RootContent[], tag) };
    return node;
  });
}
