/**
 * The LinkedIn post: up to 3,000 characters, in the Posts API's "little" text format.
 *
 * In that format `\ | { } @ [ ] ( ) < > # * _ ~` are reserved (mentions, hashtags, templates) and
 * must be backslash-escaped to be read as plain text, "even if those characters are not used in
 * one of the supported elements or templates"; sent raw, the post is cut at the first one and
 * the API still answers success. Source: Microsoft Learn, "little Text Format" (LinkedIn
 * Marketing API), whose grammar lists exactly these fifteen escapes:
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/little-text-format
 *
 * Everything is escaped, URLs included (`utm\_source`): the grammar has no URL element, so the
 * parser reads a link as text like any other, and LinkedIn links it after unescaping.
 */
import { sentenceEnds } from '../../language/sentences.ts';

export const LINKEDIN_LIMIT = 3000;

const RESERVED = /[\\|{}@[\]()<>#*_~]/g;
const ESCAPED = /\\([\\|{}@[\]()<>#*_~])/g;

/** `text` in little format: every reserved character backslash-escaped. */
export function escapeLinkedIn(text: string): string {
  return text.replace(RESERVED, (char) => `\\${char}`);
}

/** The plain text of little-format `text`: the inverse of `escapeLinkedIn`. */
export function unescapeLinkedIn(text: string): string {
  return text.replace(ESCAPED, '$1');
}

/**
 * Offsets of reserved characters that are not escaped, for the review check: empty when `text`
 * is safe to send. A backslash escapes the character after it, so `\\(` is an escaped backslash
 * followed by a bare parenthesis.
 */
export function unescapedReserved(text: string): number[] {
  const offsets: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '\\' && i + 1 < text.length && /[\\|{}@[\]()<>#*_~]/.test(text[i + 1]!)) i++;
    else if (/[\\|{}@[\]()<>#*_~]/.test(char)) offsets.push(i);
  }
  return offsets;
}

export interface LinkedInPostInput {
  /** Headline and paragraphs, plain text, without the link (it is appended). */
  text: string;
  /** The article link with its UTM tags (see `socialLink`). */
  url: string;
  /** Printed before the link on the last line. */
  linkLabel?: string;
  limit?: number;
}

export interface LinkedInPost {
  /** The post as a reader sees it. */
  text: string;
  /** The same in little format: what the API takes and what the draft stores. */
  escaped: string;
  /** Length of `escaped`, the number checked against the limit. */
  length: number;
  /** Sentences were dropped from the end to fit. */
  trimmed: boolean;
}

/**
 * The post, trimmed to the limit at a sentence boundary when it is too long; the link line is
 * always kept. Length is counted on the escaped text in UTF-16 code units: every escape and every
 * astral character then counts at least as much as LinkedIn can count it, so a post that passes
 * here is never cut there.
 */
export function buildLinkedInPost(input: LinkedInPostInput): LinkedInPost {
  const limit = input.limit ?? LINKEDIN_LIMIT;
  const label = (input.linkLabel ?? 'Read the full piece:').trim();
  const linkLine = label === '' ? input.url : `${label} ${input.url}`;
  const compose = (body: string) => {
    const text = body === '' ? linkLine : `${body}\n\n${linkLine}`;
    const escaped = escapeLinkedIn(text);
    return { text, escaped, length: escaped.length };
  };
  const body = input.text.trim();
  const whole = compose(body);
  if (whole.length <= limit) return { ...whole, trimmed: false };
  for (const end of sentenceEnds(body).reverse()) {
    const post = compose(body.slice(0, end).trimEnd());
    if (post.length <= limit) return { ...post, trimmed: true };
  }
  // Not even the first sentence fits: the last resort is to cut it at a word and mark the cut.
  const words = body.split(/(?<=\s)/);
  let cut = '';
  for (const word of words) {
    if (compose(`${(cut + word).trimEnd()}…`).length > limit) break;
    cut += word;
  }
  return { ...compose(cut.trim() === '' ? '' : `${cut.trimEnd()}…`), trimmed: true };
}
