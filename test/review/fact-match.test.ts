import { describe, expect, it } from 'vitest';
import { describeFact } from '../../src/review/draft-facts.ts';
import { claimMatchesFact } from '../../src/review/fact-match.ts';
import { scanClaims } from '../../src/review/number-claims.ts';

const claim = (text: string) => {
  const [found] = scanClaims(text);
  if (!found) throw new Error(`no claim in ${text}`);
  return found;
};

describe('a number matches its fact within the rounding it is written with', () => {
  it.each([
    // [copy, fact value, fact display, matches]
    ['2.1%', 0.020796, '2.1%', true],
    ['2%', 0.020796, '2.1%', true],
    ['2.08%', 0.020796, '2.1%', true],
    ['2.2%', 0.020796, '2.1%', false],
    ['3.2%', -0.032, '-3.2%', true], // "fell 3.2%": the verb carries the sign
    ['-3.2%', -0.032, '-3.2%', true],
    ['+3.2%', -0.032, '-3.2%', false], // a written sign must agree
    ['0.04%', 0.0004, '0.04%', true],
    ['4.02%', 4.02, '4.02%', true], // a yield, already in percent
    ['2,467.70', 2467.699951171875, '2,467.70', true],
    ['2,468', 2467.699951171875, '2,467.70', true],
    ['2,467.71', 2467.699951171875, '2,467.70', false],
    ['967', 967, '967', true],
    ['968', 967, '967', false],
    ['4th', 4, '4', true],
    ['5th', 4, '4', false],
    ['more than 70%', 0.7234, '72.3%', true],
    ['more than 70%', 0.95, '95.0%', false], // true, but no longer telling: 10% at most
    ['more than 75%', 0.7234, '72.3%', false],
    ['nearly 1,000', 967, '967', true],
    ['nearly 900', 967, '967', false],
    ['about 2,500', 2467.7, '2,467.70', true],
  ])('%s vs %s (%s): %s', (text, value, display, matches) => {
    expect(claimMatchesFact(claim(text), describeFact('f', value, display), 2025)).toBe(matches);
  });

  it.each([
    ['Sept. 18', '2025-09-18', 'Sept. 18', true],
    ['Sept. 18', '2024-09-18', 'Sept. 18, 2024', false], // no year in copy means the as-of year
    ['Sept. 18, 2024', '2024-09-18', 'Sept. 18, 2024', true],
    ['September 18', '2025-09-18', 'Sept. 18', true],
    ['Sept. 19', '2025-09-18', 'Sept. 18', false],
  ])('%s vs %s: %s', (text, value, display, matches) => {
    expect(claimMatchesFact(claim(text), describeFact('d', value, display), 2025)).toBe(matches);
  });

  it('never matches across kinds: a percentage is not a count, a level is not a percentage', () => {
    expect(claimMatchesFact(claim('3%'), describeFact('n', 3, '3'), 2025)).toBe(false);
    expect(claimMatchesFact(claim('3'), describeFact('p', 0.03, '3.0%'), 2025)).toBe(false);
  });
});
