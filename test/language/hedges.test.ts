import { describe, expect, it } from 'vitest';
import { type Hedge, hedgeBefore, roundStep, withinHedge } from '../../src/language/hedges.ts';

describe('hedges and their tolerance table (README, "Reviewing and approving")', () => {
  it.each([
    [70, 0, 10],
    [19, 0, 1],
    [2500, 0, 100],
    [2.5, 1, 0.1],
    [0, 0, 1],
  ])('the round step of %d (%d decimals) is %d', (written, decimals, step) => {
    expect(roundStep(written, decimals)).toBe(step);
  });

  it.each<[Hedge, number, number, boolean]>([
    // [hedge, written, actual, allowed]: "more than 70%" is above 70 and below the next step, 80.
    ['more-than', 70, 72.3, true],
    ['more-than', 70, 80.1, false],
    ['more-than', 70, 70, false],
    ['at-least', 1.5, 1.5, true],
    ['nearly', 19, 18.8, true],
    ['nearly', 19, 19.2, false],
    ['nearly', 19, 17.9, false],
    ['about', 3, 2.6, true],
    ['about', 3, 3.5, true],
    ['about', 3, 3.6, false],
    ['less-than', 20, 19.5, true],
    ['less-than', 20, 20, false],
  ])('%s %d with %d: %s', (hedge, written, actual, allowed) => {
    expect(withinHedge(hedge, written, actual, roundStep(written, Number.isInteger(written) ? 0 : 1))).toBe(
      allowed,
    );
  });

  it.each([
    ['accounts for more than ', 'more-than'],
    ['is up nearly ', 'nearly'],
    ['about $', 'about'],
    ['rose ', undefined],
  ])('reads the hedge in %j', (before, hedge) => {
    expect(hedgeBefore(before)).toBe(hedge);
  });
});
