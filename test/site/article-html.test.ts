/**
 * Whether a body prints the disclaimer itself (src/site/body-disclaimer.ts), so the page and the
 * feed do not print it twice. Cases written by hand from the rule: the disclaimer's words in
 * order, with any run of spaces, `_` and `*` between them counting as one space.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { bodyHasDisclaimer } from '../../src/site/body-disclaimer.ts';
import { FIXTURE_CONTENT } from './site-fixture.ts';

const DISCLAIMER = 'Not investment advice. Past performance (S&P 500) does not predict results.';

describe('bodyHasDisclaimer', () => {
  it.each([
    ['as written', `Up 2%.\n\n${DISCLAIMER}\n`, true],
    [
      'in italics, wrapped over two lines',
      'Up.\n\n_Not investment advice. Past performance (S&P 500)\ndoes not predict results._',
      true,
    ],
    [
      'in bold with doubled spaces',
      '**Not  investment advice.** Past performance (S&P 500) does not predict results.',
      true,
    ],
    ['with a word missing', 'Not investment advice. Past performance (S&P 500) does predict results.', false],
    [
      'with its punctuation read as text, not a pattern',
      'Not investment advice! Past performance (S&P 500) does not predict results.',
      false,
    ],
    [
      'with a word out of order',
      'Not advice investment. Past performance (S&P 500) does not predict results.',
      false,
    ],
    ['not at all', 'The Russell 2000 rose 1.2%.', false],
  ])('%s', (_name, body, expected) => {
    expect(bodyHasDisclaimer(body, DISCLAIMER)).toBe(expected);
  });

  it('finds no body to compare when there is none', () => {
    expect(bodyHasDisclaimer(undefined, DISCLAIMER)).toBe(false);
  });

  it('answers as squashing both texts and comparing them did, on every fixture piece', () => {
    // The rule as the site applied it before: squash runs of spaces, `_` and `*`, then compare.
    const squash = (text: string) => text.replace(/[\s_*]+/g, ' ').trim();
    const disclaimer = loadConfig().publication.disclaimer;
    const dir = join(FIXTURE_CONTENT, 'articles');
    const bodies = readdirSync(dir)
      .filter((f) => f.endsWith('.md'))
      .map((f) => matter(readFileSync(join(dir, f), 'utf8')).content);
    expect(bodies.length).toBeGreaterThan(5);
    const answers = bodies.map((b) => bodyHasDisclaimer(b, disclaimer));
    expect(answers).toEqual(bodies.map((b) => squash(b).includes(squash(disclaimer))));
    // Both answers occur, so the comparison tells the two rules apart.
    expect(new Set([...answers, bodyHasDisclaimer('No disclaimer here.', disclaimer)])).toEqual(
      new Set([true, false]),
    );
  });
});
