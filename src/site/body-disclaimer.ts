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

/**
 * The mark a stored piece's metadata carries when the content layer kept no markdown
 * (site/lib/sanitized-glob.ts): bodyHasDisclaimer's answer, the one question the site asked of
 * the markdown.
 */
export const PRINTS_DISCLAIMER = 'printsDisclaimer';
