import { describe, expect, it } from 'vitest';
import { socialLink, withUtm } from '../../src/drafts/social/utm.ts';

const tags = { source: 'x', medium: 'social', campaign: 'small-caps-daily' };
const UTM = 'utm_source=x&utm_medium=social&utm_campaign=small-caps-daily';

describe('withUtm', () => {
  it.each([
    // The link generate.ts writes today, character for character.
    [
      'https://wirecopy.example/articles/2026-11-20-small-caps-daily/',
      `https://wirecopy.example/articles/2026-11-20-small-caps-daily/?${UTM}`,
    ],
    // Other parameters keep their place and their encoding (%20 is not rewritten as +); the
    // fragment stays last.
    ['https://a.com/p?ref=home&q=a%20b#top', `https://a.com/p?ref=home&q=a%20b&${UTM}#top`],
    // Tags already there are replaced, even when the key is percent-encoded (%5F is "_").
    ['https://a.com/?utm_source=old&id=1&utm%5Fcampaign=old', `https://a.com/?id=1&${UTM}`],
    // A bare origin gets its path "/" from the URL standard.
    ['https://a.com', `https://a.com/?${UTM}`],
    ['https://a.com/?', `https://a.com/?${UTM}`],
  ])('%s', (url, expected) => {
    expect(withUtm(url, tags)).toBe(expected);
  });

  it('percent-encodes values (encodeURIComponent: space %20, & %26, / %2F)', () => {
    expect(
      withUtm('https://a.com/', { source: 'news letter', medium: 'email', campaign: 'Q4 rally & more/now' }),
    ).toBe(
      'https://a.com/?utm_source=news%20letter&utm_medium=email&utm_campaign=Q4%20rally%20%26%20more%2Fnow',
    );
  });

  it('adds term and content after campaign, in the order of Google’s URL builder', () => {
    expect(withUtm('https://a.com/', { ...tags, content: 'lead', term: 'iwm' })).toBe(
      `https://a.com/?${UTM}&utm_term=iwm&utm_content=lead`,
    );
  });

  it('refuses a relative link: links are built from the validated site URL', () => {
    expect(() => withUtm('/articles/x/', tags)).toThrow(TypeError);
  });

  it('socialLink tags a network as social', () => {
    expect(socialLink('https://a.com/x/', 'linkedin', 'c')).toBe(
      'https://a.com/x/?utm_source=linkedin&utm_medium=social&utm_campaign=c',
    );
  });
});
