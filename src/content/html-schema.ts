/**
 * The one allow-list for article text as HTML, wherever a reader gets it: the site's pages, its
 * RSS feed, the editors' preview and the newsletter email all pass a piece's body through
 * rehype-sanitize with this schema. Article bodies are markdown from the generator and editors;
 * raw HTML in them is refused by `wirecopy check` (src/review/remark-raw-html.ts), and this is
 * the independent second guard for whatever got past it (an older approval, a hand-copied file).
 *
 * Text structure, links and tables; nothing else. No `style` or `class` (the site's stylesheet
 * and the email's inlined CSS style these bare tags), no `id`/`name` (they could clobber the
 * page around them, a web mail client's included), no event handlers, no images, forms, media,
 * SVG or frames. Links: http(s), or relative to the page.
 */
import type { Options as SanitizeSchema } from 'rehype-sanitize';

export const ARTICLE_HTML_SCHEMA: SanitizeSchema = {
  tagNames: [
    'p',
    'br',
    'hr',
    'a',
    'strong',
    'b',
    'em',
    'i',
    'del',
    's',
    'code',
    'pre',
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
  // script, a style sheet or an embedded document is not prose.
  strip: [
    'script',
    'style',
    'template',
    'textarea',
    'title',
    'xmp',
    'noscript',
    'iframe',
    'object',
    'svg',
    'math',
  ],
  required: {},
  clobber: [],
  clobberPrefix: '',
};
