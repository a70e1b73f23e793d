/**
 * Markdown blocks to HTML for the email, through a sanitizer with a strict allow-list. The
 * markdown tree is already safe (article-markdown.ts); this is the second, independent guard, so
 * a mistake in one does not reach a subscriber's inbox. Email clients run no scripts, but some
 * render CSS, forms and iframes, and web-based clients show the message inside their own page.
 */
import type { Root as HastRoot } from 'hast';
import type { Root, RootContent } from 'mdast';
import rehypeSanitize, { type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

/**
 * Text structure, links and tables; nothing else. No `style` or `class` (our CSS is inlined by
 * juice after this, onto these bare tags), no `id`/`name` (they could clobber the page of a
 * web-based client), no event handlers, no images, forms, media or frames. Links: http(s) only.
 */
export const EMAIL_SCHEMA: SanitizeSchema = {
  tagNames: [
    'p',
    'br',
    'a',
    'strong',
    'b',
    'em',
    'i',
    'del',
    's',
    'code',
    'blockquote',
    'ul',
    'ol',
    'li',
    'h2',
    'h3',
    'h4',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  attributes: { a: ['href'], ol: ['start'], th: ['align'], td: ['align'] },
  protocols: { href: ['http', 'https'] },
  ancestors: { tbody: ['table'], thead: ['table'], tr: ['table'], th: ['table'], td: ['table'] },
  // Dropped with their content: an unknown tag usually only loses its markup, but the text of a
  // script or a style sheet is not prose.
  strip: ['script', 'style', 'template', 'textarea', 'title', 'xmp', 'noscript', 'iframe', 'object'],
  required: {},
  clobber: [],
  clobberPrefix: '',
};

// Raw HTML never reaches the HTML tree: remark-rehype drops `html` nodes unless told otherwise.
const toHtml = unified()
  .use(remarkRehype)
  .use(rehypeSanitize, EMAIL_SCHEMA)
  .use(rehypeStringify, { characterReferences: { useNamedReferences: true } });

export function blocksToSafeHtml(blocks: readonly RootContent[]): string {
  const tree: Root = { type: 'root', children: [...blocks] };
  const hast = toHtml.runSync(tree) as HastRoot;
  return toHtml.stringify(hast);
}
