/**
 * A piece's body as the site prints it: Astro's rendered HTML, sanitized (src/site/sanitize-body.ts),
 * with the invisible fact marks dropped (published pages) or turned into highlights (the
 * editors' preview).
 */
import type { FrontMatter } from '../../src/content/front-matter.ts';
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
 * Whether the body already prints the disclaimer, so the page does not print it twice: its words
 * in order, however the markdown spaces or emphasizes them (runs of spaces, `_` and `*` count as
 * one space). A pattern made once per disclaimer and tested on the raw body: squashing a
 * thousand whole bodies to compare them was 0.1 s of every build (the page and the feed ask of
 * each piece).
 */
export function bodyHasDisclaimer(body: string | undefined, disclaimer: string): boolean {
  if (body === undefined) return false;
  let pattern = disclaimerPatterns.get(disclaimer);
  if (pattern === undefined) {
    const words = disclaimer.split(/[\s_*]+/).filter((w) => w !== '');
    pattern = new RegExp(words.map(escapeRegExp).join('[\\s_*]+'));
    disclaimerPatterns.set(disclaimer, pattern);
  }
  return pattern.test(body);
}

const disclaimerPatterns = new Map<string, RegExp>();

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
