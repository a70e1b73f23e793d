import { describe, expect, it } from 'vitest';
import { describeFact } from '../../src/review/draft-facts.ts';
import { claimMatchesFact } from '../../src/review/fact-match.ts';
import { scanClaims } from '../../src/review/number-claims.ts';

const claimIn = (text: string) => {
  const found = scanClaims(text).find((c) => /doubled|tripled|halved/i.test(c.text));
  if (!found) throw new Error(`no multiple in ${text}`);
  return found;
};

describe('multiples in words as returns (README tolerance table)', () => {
  it.each([
    // [copy, return as a fraction, matches]: doubled is 1.9x to 2.1x, a return of 90% to 110%.
    ['the index has doubled since', 1.0, true],
    ['the index has doubled since', 0.93, true],
    ['the index has doubled since', 1.1, true],
    ['the index has doubled since', 0.85, false],
    ['the index has doubled since', 1.15, false],
    ['the index has doubled since', 0.085, false],
    ['the index has doubled since', -1.0, false], // a written multiple carries its sign
    ['the index has tripled since', 2.04, true],
    ['the index has tripled since', 1.8, false],
    ['the index has halved since', -0.5, true],
    ['the index has halved since', -0.47, true],
    ['the index has halved since', -0.4, false],
    ['the index has halved since', 0.5, false],
    ['the index has nearly doubled since', 0.92, true], // "nearly": below 100%, within one step of 20
    ['the index has nearly doubled since', 1.02, false],
  ])('"%s" vs %d: %s', (text, value, matches) => {
    const display = `${(value * 100).toFixed(1)}%`;
    expect(claimMatchesFact(claimIn(text), describeFact('RUT.return.ytd', value, display), 2025)).toBe(
      matches,
    );
  });

  it('reads "doubled" as a signed, round 100% in words', () => {
    expect(claimIn('Small caps doubled.')).toMatchObject({
      kind: 'percent',
      text: 'doubled',
      value: 100,
      signed: true,
      word: true,
      hedge: 'about',
    });
  });
});
