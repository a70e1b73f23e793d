import { describe, expect, it } from 'vitest';
import { indexOnOrBefore, indexPeriods } from '../../src/stats/periods.ts';
import { seriesOf } from './helpers.ts';

// Sessions around real NYSE holidays: New Year's Day 2024 (Mon), MLK Day 2024-01-15 (Mon),
// Good Friday 2024-03-29. Sparse on purpose: "prior period" means the last session the series
// holds before the period starts, whatever is missing in between.
const DATES = [
  '2023-12-28', // 0 Thu
  '2023-12-29', // 1 Fri: last session of 2023
  '2024-01-02', // 2 Tue: Jan 1 closed
  '2024-01-05', // 3 Fri
  '2024-01-08', // 4 Mon
  '2024-01-16', // 5 Tue: MLK Day closed, the week starts on Tuesday
  '2024-01-31', // 6 Wed: last session of January
  '2024-02-01', // 7 Thu
  '2024-03-28', // 8 Thu: Good Friday closed, so the week ends on Thursday
  '2024-04-01', // 9 Mon
];

describe('indexPeriods', () => {
  const periods = indexPeriods(DATES);
  const at = (k: number) => (k < 0 ? null : DATES[k]);

  // Expected dates read off the calendar above: the last listed session before the Monday
  // (month, year) that starts the session's own week (month, year).
  it.each([
    ['2023-12-28', null, null, null],
    ['2023-12-29', null, null, null],
    ['2024-01-02', '2023-12-29', '2023-12-29', '2023-12-29'],
    ['2024-01-05', '2023-12-29', '2023-12-29', '2023-12-29'],
    ['2024-01-08', '2024-01-05', '2023-12-29', '2023-12-29'],
    ['2024-01-16', '2024-01-08', '2023-12-29', '2023-12-29'],
    ['2024-01-31', '2024-01-16', '2023-12-29', '2023-12-29'],
    ['2024-02-01', '2024-01-16', '2024-01-31', '2023-12-29'],
    ['2024-03-28', '2024-02-01', '2024-02-01', '2023-12-29'],
    ['2024-04-01', '2024-03-28', '2024-03-28', '2023-12-29'],
  ])('%s: prior week ends %s, prior month %s, prior year %s', (date, week, month, year) => {
    const i = DATES.indexOf(date);
    expect(at(periods.priorWeekEnd[i]!)).toBe(week);
    expect(at(periods.priorMonthEnd[i]!)).toBe(month);
    expect(at(periods.priorYearEnd[i]!)).toBe(year);
  });
});

describe('indexOnOrBefore', () => {
  const series = seriesOf(
    'T',
    DATES.map((d) => [d, 1]),
  );
  // Expected: the position in DATES of the last date <= the query, counted by hand.
  it.each([
    ['before the first session', '2023-12-27', -1],
    ['the first session', '2023-12-28', 0],
    ['a weekend after a session', '2023-12-31', 1],
    ['an exact session', '2024-01-02', 2],
    ['Good Friday', '2024-03-29', 8],
    ['after the last session', '2025-01-01', 9],
  ])('%s (%s) → %i', (_what, date, expected) => {
    expect(indexOnOrBefore(series, date)).toBe(expected);
  });

  it('finds nothing in an empty series', () => {
    expect(indexOnOrBefore({ dates: [] }, '2024-01-01')).toBe(-1);
  });
});
