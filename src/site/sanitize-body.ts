/**
 * A piece's body as the site may print it. Astro's markdown processor (Sätteri) copies raw HTML
 * in the markdown into its output untouched and takes no rehype plugins, so the site sanitizes
 * what it rendered, in the one function every body passes through (article pages, the feed, the
 * editors' preview, newsletter issues): parsed as an HTML fragment, every comment dropped but
 * the `<!--fact:ID-->` marks (which the caller then strips or highlights), and the rest passed
 * through rehype-sanitize with the article schema the email uses too.
 */
import { createHash } from 'node:crypto';
import type { Root } from 'hast';
import rehypeParse from 'rehype-parse';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { ARTICLE_HTML_SCHEMA } from '../content/html-schema.ts';
import { FACT_ID } from '../drafts/view-values.ts';

const FACT_MARK = new RegExp(`^fact:${FACT_ID}$`);

/** Removes every comment but the fact marks, whose text is an id of letters, digits, `_.-`. */
function keepOnlyFactMarks() {
  return (tree: Root) => {
    visit(tree, 'comment', (node, index, parent) => {
      if (FACT_MARK.test(node.value) || parent === undefined || index === undefined) return;
      parent.children.splice(index, 1);
      return index;
    });
  };
}

const processor = unified()
  .use(rehypeParse, { fragment: true })
  .use(keepOnlyFactMarks)
  .use(rehypeSanitize, { ...ARTICLE_HTML_SCHEMA, allowComments: true })
  .use(rehypeStringify);

/**
 * Each body is asked for twice per build, by its page and by the feed (and a third time when a
 * newsletter issue quotes it): parsed and sanitized once, then answered from here. Keyed by the
 * HTML itself, so an edited body (the dev server) is sanitized afresh; bounded for a long-running
 * dev server.
 */
const sanitized = new Map<string, string>();
const MAX_REMEMBERED = 5000;

export function sanitizeBodyHtml(html: string): string {
  const known = sanitized.get(html);
  if (known !== undefined) return known;
  const safe = String(processor.processSync(html));
  if (sanitized.size >= MAX_REMEMBERED) sanitized.clear();
  sanitized.set(html, safe);
  return safe;
}

/**
 * The mark a stored entry's metadata carries once the content layer sanitized its HTML
 * (site/lib/sanitized-glob.ts), with the fingerprint below as its value.
 */
export const SANITIZED_BY = 'sanitizedBy';

/**
 * What a body sanitized earlier was sanitized by: the schema and this module's code. The content
 * layer keeps bodies sanitized from one build to the next (site/lib/sanitized-glob.ts) and
 * sanitizes them all again when this changes, so a tightened schema reaches every stored piece.
 */
export const SANITIZER_FINGERPRINT = createHash('sha256')
  .update(JSON.stringify(ARTICLE_HTML_SCHEMA))
  .update(FACT_MARK.source)
  .update(keepOnlyFactMarks.toString())
  .update(sanitizeBodyHtml.toString())
  .digest('hex');
