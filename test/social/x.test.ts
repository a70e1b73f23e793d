import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildXPost,
  normalizeCashtag,
  splitXThread,
  X_LIMIT,
  xWeightedLength,
} from '../../src/drafts/social/x.ts';
import { sentences } from '../../src/language/sentences.ts';

// Weights from X's counting rules (twitter-text config v3, also "Counting characters" in the X
// developer docs): code points U+0000–U+10FF, U+2000–U+200D, U+2010–U+201F and U+2032–U+2037
// weigh 1, everything else 2; an emoji (even a ZWJ sequence) weighs 2; a URL whose domain X
// recognizes weighs 23 whatever its length.
const LONG_URL = `https://example.com/${'a'.repeat(180)}`; // 200 characters
const URL = 'https://wirecopy.com/a/'; // 23 characters, weighs 23 either way

describe('xWeightedLength', () => {
  it.each([
    ['plain ASCII, one per character', 'hello', 5],
    ['a 200-character URL', LONG_URL, 23],
    ['text around a long URL', `see ${LONG_URL} now`, 4 + 23 + 4],
    ['an emoji counts 2', 'hello 😀', 6 + 2],
    ['a ZWJ family emoji is one emoji', '👨‍👩‍👧', 2],
    ['CJK counts 2 each', '日本語', 6],
    ['é is in U+0000–U+10FF', 'é', 1],
    ['an em dash (U+2014) and a curly quote (U+2019)', '—’', 2],
    ['an ellipsis (U+2026) is outside the light ranges', '…', 2],
    ['the euro sign (U+20AC) too', '€', 2],
    // .example is not a top-level domain X links, so the "URL" counts as the 26 characters it has.
    ['an unlinked domain counts in full', 'https://wirecopy.example/x', 26],
  ])('%s', (_name, text, expected) => {
    expect(xWeightedLength(text)).toBe(expected);
  });
});

describe('sentences', () => {
  it('splits at sentence ends and lines, not at abbreviations, initials or decimals', () => {
    expect(
      sentences(
        'Small caps fall 1.0%; Russell 2000 ends at 2,900.02\n\nThe index fell 1.0% to 2,900.02. ' +
          'The U.S. Open was on Oct. 29, J. Powell said. "Rates matter." $IWM rose! Really? yes.',
      ),
    ).toEqual([
      'Small caps fall 1.0%; Russell 2000 ends at 2,900.02',
      'The index fell 1.0% to 2,900.02.',
      'The U.S. Open was on Oct. 29, J. Powell said.',
      '"Rates matter."',
      '$IWM rose!',
      'Really? yes.',
    ]);
  });
});

describe('cashtags', () => {
  it.each([
    ['IWM', '$IWM'],
    ['$IWM', '$IWM'],
    ['BRK.B', '$BRK.B'],
  ])('%s → %s', (tag, expected) => {
    expect(normalizeCashtag(tag)).toBe(expected);
  });

  it.each(['TOOLONG', '$', 'I W M', '1WM'])('refuses %s', (tag) => {
    expect(() => normalizeCashtag(tag)).toThrow(TypeError);
  });
});

describe('buildXPost', () => {
  it('appends cashtags and link; all ASCII weighs its length, the link 23', () => {
    const text = 'Small caps jump 8.5% in a week as rate-cut bets return.';
    const post = buildXPost({ text, url: LONG_URL, cashtags: ['IWM'] });
    expect(post.posts).toEqual([`${text} $IWM ${LONG_URL}`]);
    expect(post.weightedLengths).toEqual([text.length + 1 + 4 + 1 + 23]);
    expect(post.fits).toBe(true);
  });

  it('does not repeat a cashtag the text already has', () => {
    expect(
      buildXPost({ text: 'Small caps and $iwm rise.', url: URL, cashtags: ['$IWM', 'SPY'] }).posts,
    ).toEqual([`Small caps and $iwm rise. $SPY ${URL}`]);
  });

  it('refuses a text that already holds the link: the template must leave it to buildXPost', () => {
    expect(() => buildXPost({ text: `Up 2%. ${URL}`, url: URL })).toThrow(/already contains the link/);
  });

  it('without threading, a long post is returned whole and flagged', () => {
    const post = buildXPost({ text: 'a '.repeat(200).trim(), url: URL });
    expect(post.posts).toHaveLength(1);
    expect(post.weightedLengths).toEqual([399 + 1 + 23]);
    expect(post.fits).toBe(false);
  });

  it('with threading, splits only when needed', () => {
    expect(buildXPost({ text: 'Short.', url: URL, thread: true }).posts).toEqual([`Short. ${URL}`]);
    expect(buildXPost({ text: 'A long one. '.repeat(40), url: URL, thread: true }).fits).toBe(true);
  });
});

/** A sentence of exactly `length` characters: a capital, lower-case filler, a period. */
const sentence = (length: number, letter = 'S') => `${letter}${'x'.repeat(length - 2)}.`;

describe('splitXThread', () => {
  it('packs whole sentences, link and cashtag in the first post, numbered " i/n"', () => {
    // Six 100-character sentences. The first post carries " $IWM <url>" (1+4+1+23 = 29) and a
    // numbering reserve " 9/9" (4): two sentences (201) make 234, three (302) do not fit. The
    // other posts take two sentences (201 + 4 = 205); three would be 306.
    const s = ['A', 'B', 'C', 'D', 'E', 'F'].map((letter) => sentence(100, letter));
    const posts = splitXThread(s.join(' '), URL, { cashtags: ['IWM'] });
    expect(posts).toEqual([`${s[0]} ${s[1]} $IWM ${URL} 1/3`, `${s[2]} ${s[3]} 2/3`, `${s[4]} ${s[5]} 3/3`]);
  });

  it('splits a sentence longer than a post at word boundaries', () => {
    // 100 words "abcd": post 1 has room for 280 - 29 - 4 = 247, i.e. 49 words (5 × 49 - 1 = 244);
    // the other 51 words (254) fit post 2.
    const words = Array.from({ length: 100 }, () => 'abcd');
    const posts = splitXThread(words.join(' '), URL, { cashtags: ['IWM'] });
    expect(posts).toEqual([
      `${words.slice(0, 49).join(' ')} $IWM ${URL} 1/2`,
      `${words.slice(49).join(' ')} 2/2`,
    ]);
  });

  it('cuts a word longer than a post between characters, as the very last resort', () => {
    // 300 x's: 247 fit beside the tail and the reserve, 53 go to post 2.
    expect(splitXThread('x'.repeat(300), URL, { cashtags: ['IWM'] })).toEqual([
      `${'x'.repeat(247)} $IWM ${URL} 1/2`,
      `${'x'.repeat(53)} 2/2`,
    ]);
  });

  it('widens the numbering at ten posts', () => {
    // Twelve 200-character sentences: one per post (two would be 401). Post 1 is 200 + 29 plus
    // the two-digit reserve " 99/99".
    const posts = splitXThread(Array.from({ length: 12 }, () => sentence(200)).join(' '), URL);
    expect(posts.map((post) => post.slice(post.lastIndexOf(' ') + 1))).toEqual(
      Array.from({ length: 12 }, (_, i) => `${i + 1}/12`),
    );
    expect(posts.every((post) => xWeightedLength(post) <= X_LIMIT)).toBe(true);
  });

  it('counts weights, not characters: emoji and CJK fill a post twice as fast', () => {
    // 150 CJK characters weigh 300. Post 1 leaves 280 - 24 (" <url>") - 4 (" 9/9") = 252 for
    // text: 126 characters; the other 24 go to post 2.
    const posts = splitXThread('日'.repeat(150), URL);
    expect(posts).toEqual([`${'日'.repeat(126)} ${URL} 1/2`, `${'日'.repeat(24)} 2/2`]);
  });

  it('property: every post fits, the link appears once, whole, in the first post, no word is lost', () => {
    const word = fc.stringMatching(/^[a-z]{1,12}$/);
    const sentenceArb = fc
      .array(word, { minLength: 1, maxLength: 40 })
      .map((words) => `${words.join(' ').replace(/^./, (c) => c.toUpperCase())}.`);
    const url = fc.webUrl({ withQueryParameters: true, withFragments: true }).filter((u) => u.length <= 200);
    fc.assert(
      fc.property(fc.array(sentenceArb, { minLength: 1, maxLength: 25 }), url, (list, link) => {
        const text = list.join(' ');
        const posts = splitXThread(text, link, { cashtags: ['IWM'] });
        for (const post of posts) expect(xWeightedLength(post)).toBeLessThanOrEqual(X_LIMIT);
        expect(posts.join('\n').split(link)).toHaveLength(2);
        expect(posts[0]).toContain(link);
        if (posts.length === 1) {
          expect(posts[0]).toBe(`${text} $IWM ${link}`);
        } else {
          const words = posts
            .map((post, i) => post.replace(` ${i + 1}/${posts.length}`, '').replace(` $IWM ${link}`, ''))
            .join(' ');
          expect(words).toBe(text);
        }
      }),
    );
  });
});
