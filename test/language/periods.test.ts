import { describe, expect, it } from 'vitest';
import { findPeriods, samePeriod } from '../../src/language/periods.ts';

describe('period phrases', () => {
  it.each([
    ['over the past five sessions', { kind: 'sessions', count: 5 }],
    ['over the same five sessions', { kind: 'sessions', count: 5 }],
    ['in four sessions', { kind: 'sessions', count: 4 }],
    ['a 11.5% five-session gain', { kind: 'sessions', count: 5 }],
    ['on Friday', { kind: 'day', weekday: 5 }],
    ['ended the week up', { kind: 'week' }],
    ['in the month', { kind: 'month' }],
    ['this year', { kind: 'year' }],
    ['in 2024', { kind: 'year', year: 2024 }],
    ["2024's gain", { kind: 'year', year: 2024 }],
    ['the past year', { kind: 'trailing-year' }],
    ['The next three months:', { kind: 'horizon', sessions: 63 }],
  ])('%j', (text, period) => {
    expect(findPeriods(text).map((p) => p.period)).toEqual([period]);
  });

  it("reads the Russell 2000's close as the index's, not as the year 2000", () => {
    expect(findPeriods("the Russell 2000's close is its highest")).toEqual([]);
  });

  it('leaves streaks and counts alone: they are not periods', () => {
    expect(findPeriods('for 5 straight sessions, 18 times, for 4 straight calendar years')).toEqual([]);
  });

  it('compares a named year with the as-of year, and a weekday with the as-of weekday', () => {
    expect(samePeriod({ kind: 'year', year: 2024 }, { kind: 'year' }, 2025)).toBe(false);
    expect(samePeriod({ kind: 'year', year: 2025 }, { kind: 'year' }, 2025)).toBe(true);
    expect(samePeriod({ kind: 'year' }, { kind: 'year' }, 2025)).toBe(true);
    // 2025-11-28 was a Friday (5).
    expect(samePeriod({ kind: 'day', weekday: 4 }, { kind: 'day' }, 2025, 5)).toBe(false);
    expect(samePeriod({ kind: 'sessions', count: 4 }, { kind: 'sessions', count: 5 }, 2025)).toBe(false);
  });
});
