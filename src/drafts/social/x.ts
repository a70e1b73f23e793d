/**
 * The X post: text, cashtags and the article link within 280 weighted characters, counted the
 * way X counts them (twitter-text `parseTweet`: a recognized URL weighs 23 whatever its length,
 * most emoji and CJK characters weigh 2). When the text is too long it can become a thread,
 * split at sentence boundaries.
 *
 * Thread decisions: posts are numbered with a suffix ` 1/3`, so each post still opens with its
 * own words and the first one with the headline; the cashtags and the link go in the FIRST post,
 * so the post people see and repost alone still carries the lead number, the ticker and the link.
 */
// twitter-text is CommonJS without named exports Node can detect: only the default import works.
import twitter from 'twitter-text';
import { sentences } from '../../language/sentences.ts';

export const X_LIMIT = 280;

/** The weighted length X gives `text`. */
export function xWeightedLength(text: string): number {
  return twitter.parseTweet(text).weightedLength;
}

/**
 * `$IWM` for `IWM` or `$IWM`. Throws on something X would not link as a cashtag: cashtags come
 * from code and config, so that is a bug, not an input problem.
 */
export function normalizeCashtag(tag: string): string {
  const withSign = tag.startsWith('$') ? tag : `$${tag}`;
  const found = twitter.extractCashtags(withSign);
  if (found.length !== 1 || `$${found[0]}` !== withSign) {
    throw new TypeError(`not a cashtag X recognizes: ${JSON.stringify(tag)}`);
  }
  return withSign;
}

/**
 * What follows the text in the (first) post: the cashtags it lacks, normalized, then the link.
 * The text must not hold the link already: it would be printed twice and could land outside the
 * first post, so that is a template bug and throws.
 */
function tailOf(text: string, url: string, cashtags: readonly string[]): string {
  if (text.includes(url)) {
    throw new TypeError(
      'the X text already contains the link; remove it from the template, buildXPost adds it',
    );
  }
  const present = new Set(twitter.extractCashtags(text).map((tag) => `$${tag.toUpperCase()}`));
  const added: string[] = [];
  for (const tag of cashtags.map(normalizeCashtag)) {
    if (!present.has(tag.toUpperCase())) added.push(tag);
    present.add(tag.toUpperCase());
  }
  return [...added, url].join(' ');
}

export interface XThreadOptions {
  /** Cashtags for the first post (`$IWM` or `IWM`); those already in the text are not repeated. */
  cashtags?: readonly string[];
  /** Weighted characters per post; 280 unless X changes it. */
  limit?: number;
}

/** The longest prefix of `units` (joined with `joiner`) that `fits`; at least one unit. */
function longestPrefix(units: readonly string[], joiner: string, fits: (text: string) => boolean): number {
  let count = 1;
  while (count < units.length && fits(units.slice(0, count + 1).join(joiner))) count++;
  return count;
}

const URL_LIKE = /^https?:\/\//i;
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * Breaks `unit` (a sentence too long for an empty post) so that its head `fits`: at word
 * boundaries, or, for a single word longer than a post, between characters. A URL is never cut:
 * it goes whole into its own post even if that post is over the limit.
 */
function breakToFit(unit: string, fits: (text: string) => boolean): { head: string; rest: string } {
  const words = unit.split(' ');
  const first = words[0]!;
  if (fits(first) || URL_LIKE.test(first)) {
    const count = longestPrefix(words, ' ', fits);
    return { head: words.slice(0, count).join(' '), rest: words.slice(count).join(' ') };
  }
  const chars = Array.from(graphemes.segment(first), (s) => s.segment);
  const count = longestPrefix(chars, '', fits);
  return {
    head: chars.slice(0, count).join(''),
    rest: [chars.slice(count).join(''), ...words.slice(1)].join(' '),
  };
}

/**
 * Packs sentences into posts greedily, the first post ending with `tail` (cashtags and link),
 * each post leaving room for a numbering suffix as wide as `reserve`.
 */
function pack(units: readonly string[], tail: string, limit: number, reserve: string): string[] {
  const posts: string[] = [];
  const queue = [...units];
  let current: string[] = [];
  const tailHere = () => (posts.length === 0 ? ` ${tail}` : '');
  const fits = (text: string) => xWeightedLength(`${text}${tailHere()}${reserve}`) <= limit;
  while (queue.length > 0) {
    const unit = queue.shift()!;
    if (fits([...current, unit].join(' '))) {
      current.push(unit);
    } else if (current.length > 0) {
      posts.push(current.join(' ') + tailHere());
      current = [];
      queue.unshift(unit);
    } else {
      const { head, rest } = breakToFit(unit, fits);
      posts.push(head + tailHere());
      if (rest !== '') queue.unshift(rest);
    }
  }
  if (current.length > 0 || posts.length === 0) posts.push(current.join(' ') + tailHere());
  return posts.map((post) => post.trim());
}

/**
 * `text`, cashtags and `url` as a thread of posts within the limit, numbered ` 1/n`. When it all
 * fits one post, that one post, unnumbered. The link stays whole, once, in the first post. Every
 * post is within the limit unless the link and cashtags alone are longer than a post.
 */
export function splitXThread(text: string, url: string, options: XThreadOptions = {}): string[] {
  const limit = options.limit ?? X_LIMIT;
  const tail = tailOf(text, url, options.cashtags ?? []);
  const single = `${text.trim()} ${tail}`.trim();
  if (xWeightedLength(single) <= limit) return [single];
  const units = sentences(text).map((sentence) => sentence.replace(/\s+/g, ' '));
  // The numbering's width depends on the number of posts: reserve room for one digit each side,
  // and widen when the thread reaches ten posts.
  for (let digits = 1; ; digits++) {
    const widest = '9'.repeat(digits);
    const posts = pack(units, tail, limit, ` ${widest}/${widest}`);
    if (posts.length < 10 ** digits) return posts.map((post, i) => `${post} ${i + 1}/${posts.length}`);
  }
}

export interface XPostInput {
  /** The digest: headline and one reason, without the link (it is appended). */
  text: string;
  /** The article link with its UTM tags (see `socialLink`). */
  url: string;
  cashtags?: readonly string[];
  /** Split into a thread when the post is too long; off by default (the review check then flags it). */
  thread?: boolean;
  limit?: number;
}

export interface XPost {
  /** What to publish, in order: one post, or the thread when it was asked for and needed. */
  posts: string[];
  /** The weighted length of each post. */
  weightedLengths: number[];
  /** Every post is within the limit. */
  fits: boolean;
}

export function buildXPost(input: XPostInput): XPost {
  const limit = input.limit ?? X_LIMIT;
  const options = { cashtags: input.cashtags ?? [], limit };
  const posts = input.thread
    ? splitXThread(input.text, input.url, options)
    : [`${input.text.trim()} ${tailOf(input.text, input.url, options.cashtags)}`.trim()];
  const weightedLengths = posts.map(xWeightedLength);
  return { posts, weightedLengths, fits: weightedLengths.every((length) => length <= limit) };
}
