import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildFacebookPost, FACEBOOK_FOLD } from '../../src/drafts/social/facebook.ts';

const url = 'https://a.com/x';
const sentence = (length: number) => `A${'a'.repeat(length - 2)}.`;

describe('buildFacebookPost', () => {
  it('lead, body and link as paragraphs', () => {
    const post = buildFacebookPost({ lead: 'Small caps jump 8.5%.', body: 'More here.', url });
    expect(post).toEqual({
      text: `Small caps jump 8.5%.\n\nMore here.\n\n${url}`,
      leadLength: 21,
      leadShortened: false,
    });
    expect(buildFacebookPost({ lead: 'Lead.', url }).text).toBe(`Lead.\n\n${url}`);
  });

  it('moves lead sentences that cross the fold after it', () => {
    // Six 99-character sentences: k take 100k - 1, so 4 (399) fit before 480 and 5 (499) do not.
    const s = Array.from({ length: 6 }, () => sentence(99));
    const post = buildFacebookPost({ lead: s.join(' '), body: 'Body.', url });
    expect(post.text).toBe(`${s.slice(0, 4).join(' ')}\n\n${s.slice(4).join(' ')}\n\nBody.\n\n${url}`);
    expect(post.leadLength).toBe(399);
    expect(post.leadShortened).toBe(true);
  });

  it('cuts a first sentence longer than the fold at a word, marking both sides', () => {
    // 120 words "word": spaces sit at 5j + 4; the last before index 480 is 479, so the first
    // paragraph is 96 words (479 characters) and "…", 480 in all.
    const words = Array.from({ length: 120 }, () => 'word');
    const post = buildFacebookPost({ lead: words.join(' '), url });
    expect(post.text).toBe(`${words.slice(0, 96).join(' ')}…\n\n…${words.slice(96).join(' ')}\n\n${url}`);
    expect(post.leadLength).toBe(480);
  });

  it('property: the first paragraph is always within the fold', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9%,.😀]{1,15}$/u);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 200 }), (words) => {
        const post = buildFacebookPost({ lead: words.join(' '), url });
        expect(post.text.split('\n\n')[0]!.length).toBeLessThanOrEqual(FACEBOOK_FOLD);
        expect(post.text.endsWith(`\n\n${url}`)).toBe(true);
      }),
    );
  });
});
