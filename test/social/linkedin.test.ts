import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildLinkedInPost,
  escapeLinkedIn,
  LINKEDIN_LIMIT,
  unescapedReserved,
  unescapeLinkedIn,
} from '../../src/drafts/social/linkedin.ts';

// The fifteen reserved characters of the little text format, from its grammar on Microsoft Learn
// ("little Text Format", LinkedIn Marketing API docs).
const RESERVED = ['\\', '|', '{', '}', '@', '[', ']', '(', ')', '<', '>', '#', '*', '_', '~'];

describe('escapeLinkedIn', () => {
  it.each(RESERVED)('escapes %s', (char) => {
    expect(escapeLinkedIn(`a${char}b`)).toBe(`a\\${char}b`);
  });

  it.each([
    ['Small caps (IWM) rose', 'Small caps \\(IWM\\) rose'],
    ['?utm_source=linkedin&utm_medium=social', '?utm\\_source=linkedin&utm\\_medium=social'],
    ['C:\\path', 'C:\\\\path'],
    // Not reserved: $ % & ! . , : / ' " - + = and the typographic quotes.
    [
      '$IWM up 8.5%, S&P 500 flat! "Yes" – ‘no’ a+b=c: d/e',
      '$IWM up 8.5%, S&P 500 flat! "Yes" – ‘no’ a+b=c: d/e',
    ],
  ])('%s', (text, expected) => {
    expect(escapeLinkedIn(text)).toBe(expected);
  });

  it('property: unescape(escape(s)) is s, and escape(s) has no bare reserved character', () => {
    const char = fc.oneof(fc.constantFrom(...RESERVED), fc.string({ minLength: 1, maxLength: 1 }));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(char).map((chars) => chars.join('')),
        ),
        (text) => {
          const escaped = escapeLinkedIn(text);
          expect(unescapeLinkedIn(escaped)).toBe(text);
          expect(unescapedReserved(escaped)).toEqual([]);
        },
      ),
    );
  });
});

describe('unescapedReserved', () => {
  it.each([
    ['plain', []],
    ['a(b', [1]],
    ['a\\(b', []],
    // An escaped backslash, then a bare parenthesis.
    ['a\\\\(b', [3]],
    ['ends with \\', [10]],
    ['#tag @name', [0, 5]],
  ])('%s → %j', (text, expected) => {
    expect(unescapedReserved(text)).toEqual(expected);
  });
});

/** A sentence of `length` characters: a capital, filler, a period. */
const sentence = (length: number, filler = 'a') => `A${filler.repeat(length - 2)}.`;

describe('buildLinkedInPost', () => {
  const url = 'https://a.com/x'; // no reserved character
  // "\n\nRead the full piece: https://a.com/x" = 2 + 21 + 15 = 38 characters.
  const LINK_LINE = 38;

  it('appends the link line and escapes the whole post', () => {
    const post = buildLinkedInPost({
      text: 'Small caps (again)\n\nUp 8.5%.',
      url: 'https://a.com/?utm_source=li',
    });
    expect(post.text).toBe(
      'Small caps (again)\n\nUp 8.5%.\n\nRead the full piece: https://a.com/?utm_source=li',
    );
    expect(post.escaped).toBe(
      'Small caps \\(again\\)\n\nUp 8.5%.\n\nRead the full piece: https://a.com/?utm\\_source=li',
    );
    expect(post.length).toBe(post.escaped.length);
    expect(post.trimmed).toBe(false);
  });

  it('trims whole sentences from the end to fit 3,000', () => {
    // Forty 99-character sentences: k of them take 100k - 1 characters; the body may use
    // 3000 - 38 = 2962, so 29 sentences (2899) fit and 30 (2999) do not.
    const body = Array.from({ length: 40 }, () => sentence(99)).join(' ');
    const post = buildLinkedInPost({ text: body, url });
    expect(post.trimmed).toBe(true);
    expect(post.text).toBe(
      `${Array.from({ length: 29 }, () => sentence(99)).join(' ')}\n\nRead the full piece: ${url}`,
    );
    expect(post.length).toBe(2899 + LINK_LINE);
  });

  it('counts the escapes: reserved characters make the post longer', () => {
    // 99 characters each, ten "()" pairs: 119 once escaped. k sentences take 120k - 1 escaped
    // characters, so 24 fit 2962 (2879); counted unescaped, 29 would have.
    const one = `A${'a'.repeat(77)}${'()'.repeat(10)}.`;
    const post = buildLinkedInPost({ text: Array.from({ length: 40 }, () => one).join(' '), url });
    expect(post.text).toBe(
      `${Array.from({ length: 24 }, () => one).join(' ')}\n\nRead the full piece: ${url}`,
    );
    expect(post.length).toBe(2879 + LINK_LINE);
    expect(post.length).toBeLessThanOrEqual(LINKEDIN_LIMIT);
  });

  it('keeps the paragraphs and cuts at a paragraph end', () => {
    // Limit 60: "Headline" (8) + 38 fits; with the next sentence (8 + 2 + 20) it is 68.
    const post = buildLinkedInPost({ text: 'Headline\n\nFirst sentence here. Second one.', url, limit: 60 });
    expect(post.text).toBe(`Headline\n\nRead the full piece: ${url}`);
  });

  it('cuts a single over-long sentence at a word and marks the cut', () => {
    // 1,000 words "word": the body may use 2962 - 1 (for "…") = 2961 characters: 592 words take
    // 5 × 592 - 1 = 2959, 593 would take 2964.
    const post = buildLinkedInPost({ text: Array.from({ length: 1000 }, () => 'word').join(' '), url });
    expect(post.text).toBe(
      `${Array.from({ length: 592 }, () => 'word').join(' ')}…\n\nRead the full piece: ${url}`,
    );
    expect(post.length).toBe(2960 + LINK_LINE);
  });
});
