/**
 * Words from outside the generator (an editor's quotes, as typed in content/inputs/quotes.yaml)
 * written into a draft's markdown so they render as exactly those words. Templates print
 * unescaped (their output is markdown, not HTML), so anything a quote holds that markdown would
 * read as markup — a tag, an entity, emphasis, a link — is backslash-escaped here, and no HTML
 * reaches the draft from it.
 */

/**
 * What opens markup inside a line: tags and autolinks, emphasis, links, code, strikethrough,
 * table cells, and an `&` only where it starts a character reference (`S&P 500` stays as typed).
 */
const INLINE_MARKUP = /[\\`*_[\]<>~|]|&(?=#?[a-z0-9]+;)/gi;

/** `text` as one line of markdown that renders as the literal text (line breaks become spaces). */
export function markdownText(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(INLINE_MARKUP, '\\$&');
}

/**
 * An absolute URL as a link destination: normalized (which percent-encodes spaces, quotes and
 * angle brackets) with its parentheses encoded too, so it cannot close the link early.
 */
export function markdownUrl(url: string): string {
  return new URL(url).href.replace(/\(/g, '%28').replace(/\)/g, '%29');
}
