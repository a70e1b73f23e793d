/**
 * Markdown blocks to HTML for the email, through a sanitizer with a strict allow-list. The
 * markdown tree is already safe (article-markdown.ts); this is the second, independent guard, so
 * a mistake in one does not reach a subscriber's inbox. Email clients run no scripts, but some
 * render CSS, forms and iframes, and web-based clients show the message inside their own page.
 * The allow-list is the site's too (src/content/html-schema.ts): one definition of safe article HTML.
 */
import type { Root as HastRoot } from 'hast';
import type { Root, RootContent } from 'mdast';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { ARTICLE_HTML_SCHEMA } from '../content/html-schema.ts';

// Raw HTML never reaches the HTML tree: remark-rehype drops `html` nodes unless told otherwise.
const toHtml = unified()
  .use(remarkRehype)
  .use(rehypeSanitize, ARTICLE_HTML_SCHEMA)
  .use(rehypeStringify, { characterReferences: { useNamedReferences: true } });

export function blocksToSafeHtml(blocks: readonly RootContent[]): string {
  const tree: Root = { type: 'root', children: [...blocks] };
  const hast = toHtml.runSync(tree) as HastRoot;
  return toHtml.stringify(hast);
}
