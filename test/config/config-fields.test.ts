/** The edit distance behind "did you mean" for unknown config fields. */
import { describe, expect, it } from 'vitest';
import { editDistance, nearestName } from '../../src/config-fields.ts';

describe('editDistance (optimal string alignment)', () => {
  // kitten → sitting and flaw → lawn: the worked examples of Wikipedia's "Levenshtein distance";
  // ca → abc is 3 under optimal string alignment (2 under unrestricted Damerau): Wikipedia,
  // "Damerau–Levenshtein distance", "Optimal string alignment distance".
  it.each([
    ['kitten', 'sitting', 3],
    ['flaw', 'lawn', 2],
    ['ca', 'abc', 3],
    ['', 'store', 5],
    ['store', 'store', 0],
    ['stroe', 'store', 1],
    ['sanitybond', 'sanitybound', 1],
  ])('%s → %s is %d', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe('nearestName', () => {
  const verifyFields = ['sanityBound', 'stalenessSessions', 'crossCheckTolerance', 'recentSessions'];
  it.each([
    ['sanityBond', 'sanityBound'],
    ['SanityBound', 'sanityBound'],
    ['recentSesions', 'recentSessions'],
    ['crosscheck', undefined],
    ['colour', undefined],
  ])('%s → %s', (word, near) => {
    expect(nearestName(word, verifyFields)).toBe(near);
  });
});
