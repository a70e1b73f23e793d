/**
 * A piece's body as the site prints it: Astro's rendered HTML, sanitized (src/site/sanitize-body.ts),
 * with the invisible fact marks dropped (published pages) or turned into highlights (the
 * editors' preview).
 */
import type { FrontMatter } from '../../src/content/front-matter.ts';
import { bodyHasDisclaimer, PRINTS_DISCLAIMER } from '../../src/site/body-disclaimer.ts';
import { highlightFactLinks, stripFactLinks } from '../../src/site/fact-links.ts';
import { SANITIZED_BY, sanitizeBodyHtml } from '../../src/site/sanitize-body.ts';

type RenderedEntry = {
  id: string;
  rendered?: { html: string; metadata?: Record<string, unknown> | undefined } | undefined;
};

/**
 * The entry's rendered HTML, sanitized: as stored when the content layer sanitized it already
 * (site/lib/sanitized-glob.ts), sanitized here otherwise.
 */
export function sanitizedHtml(entry: RenderedEntry): string | undefined {
  const rendered = entry.rendered;
  if (rendered === undefined) return undefined;
  return rendered.metadata?.[SANITIZED_BY] !== undefined ? rendered.html : sanitizeBodyHtml(rendered.html);
}

export function bodyHtml(
  entry: RenderedEntry,
  options: { highlightFacts: boolean; facts?: FrontMatter['facts'] | undefined; asOf?: string | undefined },
): string {
  const safe = sanitizedHtml(entry);
  if (safe === undefined)
    throw new Error(`The piece ${entry.id} has no rendered body: is it a markdown file?`);
  return options.highlightFacts
    ? highlightFactLinks(safe, options.facts, { asOf: options.asOf })
    : stripFactLinks(safe);
}

/**
 * Whether the piece's body prints the disclaimer itself (src/site/body-disclaimer.ts), so the page
 * and the feed do not print it twice: as the content layer found it when it stored the piece
 * (which then keeps no markdown, see site/lib/sanitized-glob.ts), or from the markdown.
 */
export function printsDisclaimer(
  entry: { body?: string | undefined; rendered?: RenderedEntry['rendered'] },
  disclaimer: string,
): boolean {
  const stored = entry.rendered?.metadata?.[PRINTS_DISCLAIMER];
  return typeof stored === 'boolean' ? stored : bodyHasDisclaimer(entry.body, disclaimer);
}
