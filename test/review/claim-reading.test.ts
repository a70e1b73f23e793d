/**
 * How the claim reader attaches each figure to a series, a period, a measure and a direction,
 * on sentences the generator writes (templates/) and editors write. Table-driven: one sentence,
 * the figure, and what it must be read as.
 */
import { describe, expect, it } from 'vitest';
import { defaultLexicon } from '../../src/language/subjects.ts';
import { readClaims } from '../../src/review/claim-reading.ts';

function read(text: string, figure: string) {
  const claim = readClaims(text, defaultLexicon()).claims.find((c) => c.number.text === figure);
  if (!claim) throw new Error(`${figure} not read in ${text}`);
  return {
    subject: claim.subject.kind === 'series' ? claim.subject.key : claim.subject.kind,
    period: claim.period?.period.kind,
    measure: claim.measure,
    direction: claim.direction?.direction,
  };
}

describe('readClaims', () => {
  it.each([
    // The figure after "for the S&P 500" is the S&P 500's.
    [
      'the Russell 2000 is up 12.1% in 2025, against a 16.4% gain for the S&P 500.',
      '16.4%',
      { subject: 'SPX', direction: 'up' },
    ],
    // A possessive owns the figure after it, even after "ahead of".
    [
      "For the year, the Russell 2000 is up 13.0%, ahead of the S&P 500's 6.7% gain.",
      '6.7%',
      { subject: 'SPX' },
    ],
    // The series compared with is not the subject.
    [
      'The small-cap index has beaten the S&P 500 for 5 sessions in a row.',
      '5',
      { subject: 'RUT', measure: 'streak' },
    ],
    [
      'Russell 2000 outruns the S&P 500 with a 11.5% five-session gain',
      '11.5%',
      { subject: 'RUT', period: 'sessions', direction: 'up' },
    ],
    // A pronoun takes the previous sentence's subject.
    [
      'The Russell 2000 is up 11.5%, against a 1.6% gain for the S&P 500. On Tuesday it surged 3.5%.',
      '3.5%',
      { subject: 'RUT', period: 'day', direction: 'up' },
    ],
    // "The index" is the piece's index, not the last series named.
    [
      "Small caps led. The small-cap index has beaten the S&P 500 for 5 sessions in a row. That run is 72.3% of the index's 12.1% gain this year.",
      '12.1%',
      { subject: 'RUT', period: 'year' },
    ],
    [
      'The index is 0.8% below its record close of 2,520.44.',
      '0.8%',
      { measure: 'record-distance', direction: 'down' },
    ],
    [
      'The 2-year Treasury yield fell 19 basis points over five sessions to 4.43%, and the 10-year yield stands at 4.17%.',
      '4.17%',
      { subject: 'DGS10' },
    ],
    ['The Nasdaq rose 0.5%.', '0.5%', { subject: 'unknown', direction: 'up' }],
    ['Rose 0.5%.', '0.5%', { subject: 'none' }],
  ])('%j: %s', (text, figure, expected) => {
    expect(read(text, figure)).toMatchObject(expected);
  });

  it('finds superlatives with their subject, and not a reference to the old record', () => {
    const { superlatives } = readClaims(
      'The Russell 2000 closed at a record. It sits 0.8% below its record close, after 967 sessions without a record close.',
      defaultLexicon(),
    );
    expect(
      superlatives.map((s) => [s.phrase.kind, s.phrase.words, s.subject.kind === 'series' && s.subject.key]),
    ).toEqual([['record', 'at a record', 'RUT']]);
  });
});
