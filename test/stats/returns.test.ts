import { describe, expect, it } from 'vitest';
import { analyzeSeries, indexStatsAt } from '../../src/stats/analysis.ts';
import { missingFor, resultFor, seriesOf, valueFor } from './helpers.ts';

// The turn of 2024: Jan 1 (a Monday) closed, so the first week of 2024 runs Tue to Fri and the
// prior week ends on Friday 2023-12-29, which is also the last close of the month and year.
const TURN_OF_YEAR = seriesOf('T', [
  ['2023-12-28', 100], // 0
  ['2023-12-29', 102], // 1 last close of 2023
  ['2024-01-02', 101], // 2
  ['2024-01-03', 103], // 3
  ['2024-01-04', 104], // 4
  ['2024-01-05', 100], // 5 last close of the first week of 2024
  ['2024-01-08', 105], // 6
  ['2024-01-09', 110], // 7
]);

describe('returns at a session', () => {
  const a = analyzeSeries(TURN_OF_YEAR);
  const at = (date: string) => indexStatsAt(a, TURN_OF_YEAR.dates.indexOf(date));

  it.each([
    // 2024-01-09: prev 105, 5 sessions back 101 (01-02), prior week end 100 (01-05), prior month/year end 102.
    ['2024-01-09', 'close', 110],
    ['2024-01-09', 'change.1d', 110 / 105 - 1], // 0.047619...
    ['2024-01-09', 'change.1d.points', 5],
    ['2024-01-09', 'return.5d', 110 / 101 - 1], // 0.089108...
    ['2024-01-09', 'return.5d.points', 9],
    ['2024-01-09', 'return.week', 0.1], // 110 / 100 - 1
    ['2024-01-09', 'return.mtd', 110 / 102 - 1], // 0.078431...
    ['2024-01-09', 'return.ytd', 110 / 102 - 1],
    ['2024-01-09', 'return.ytd.points', 8],
    // 9 points in 5 sessions ÷ 8 points YTD: the 5-session base (101) is below the year's base (102).
    ['2024-01-09', 'ytd_share.5d', 9 / 8],
    // 2024-01-05: the week's base is the prior Friday, 2023-12-29 (102): 100/102 - 1 = -0.0196...
    ['2024-01-05', 'return.week', 100 / 102 - 1],
    ['2024-01-05', 'return.5d', 0], // 100 vs 100 on 2023-12-28
    ['2024-01-05', 'ytd_share.5d', null], // down 2 points for the year: no share of a gain
    ['2024-01-02', 'change.1d', 101 / 102 - 1],
    ['2024-01-02', 'return.mtd', 101 / 102 - 1],
  ])('%s %s = %s', (date, id, expected) => {
    const value = valueFor(at(date), id);
    if (typeof expected === 'number') expect(value).toBeCloseTo(expected, 12);
    else expect(value).toBe(expected);
  });

  it.each([
    ['2023-12-28', 'change.1d', 'needs 2 sessions of T history through 2023-12-28; has 1'],
    [
      '2023-12-28',
      'return.week',
      'needs a close of T before the week of 2023-12-25; history starts 2023-12-28',
    ],
    ['2023-12-29', 'return.mtd', 'needs a close of T before 2023-12; history starts 2023-12-28'],
    ['2023-12-29', 'return.ytd', 'needs a close of T before 2023; history starts 2023-12-28'],
    ['2024-01-03', 'return.5d', 'needs 6 sessions of T history through 2024-01-03; has 4'],
    ['2024-01-03', 'ytd_share.5d', 'needs 6 sessions of T history through 2024-01-03; has 4'],
    ['2024-01-09', 'return.1y', 'needs 253 sessions of T history through 2024-01-09; has 8'],
  ])('%s %s is missing: %s', (date, id, reason) => {
    expect(missingFor(at(date), id)).toBe(reason);
  });

  it('names the two closes a return read', () => {
    expect(resultFor(at('2024-01-09'), 'return.week')).toEqual({
      id: 'return.week',
      value: expect.closeTo(0.1, 12),
      inputs: [
        { series: 'T', date: '2024-01-05', close: 100 },
        { series: 'T', date: '2024-01-09', close: 110 },
      ],
    });
  });
});

describe('holidays at week and month ends', () => {
  // Good Friday 2024-03-29 closed: the prior week (and March) end on Thursday 2024-03-28.
  // Labor Day 2024-09-02 closed: the week of 09-02 starts Tuesday, its prior week ends Friday 08-30.
  const s = seriesOf('T', [
    ['2024-03-27', 200],
    ['2024-03-28', 204],
    ['2024-04-01', 202],
    ['2024-04-02', 199],
    ['2024-08-30', 250],
    ['2024-09-03', 240],
    ['2024-09-04', 245],
  ]);
  const a = analyzeSeries(s);

  it.each([
    ['2024-04-02', 'return.week', 199 / 204 - 1], // -0.024509...
    ['2024-04-02', 'return.mtd', 199 / 204 - 1],
    ['2024-09-04', 'return.week', 245 / 250 - 1], // -0.02
    ['2024-09-04', 'return.mtd', 245 / 250 - 1],
  ])('%s %s = %f', (date, id, expected) => {
    expect(valueFor(indexStatsAt(a, s.dates.indexOf(date)), id)).toBeCloseTo(expected, 12);
  });
});

describe('ytd_share.5d keeps the raw ratio', () => {
  // Up 18 points for the year (100 → 118) but down 2 over the last 5 sessions (120 → 118):
  // -2 / 18 = -0.111...; a negative share is kept, not clamped.
  const s = seriesOf('T', [
    ['2023-12-29', 100],
    ['2024-01-02', 120],
    ['2024-01-03', 125],
    ['2024-01-04', 122],
    ['2024-01-05', 121],
    ['2024-01-08', 119],
    ['2024-01-09', 118],
  ]);

  it('is negative after a losing week in a winning year', () => {
    expect(valueFor(indexStatsAt(analyzeSeries(s), 6), 'ytd_share.5d')).toBeCloseTo(-2 / 18, 12);
  });
});

describe('a calendar period with no session in the data', () => {
  // February 2024 and the week of 2024-02-26 are missing entirely (a gap in the data, not a
  // market holiday): January's last close is no base for a March month-to-date return.
  const s = seriesOf('T', [
    ['2024-01-31', 100],
    ['2024-03-01', 110],
    ['2024-03-04', 111],
  ]);
  const a = analyzeSeries(s);

  it.each([
    [
      'return.mtd',
      'needs a close of T in 2024-02; it has none (the last close before 2024-03 is on 2024-01-31)',
    ],
    [
      'return.week',
      'needs a close of T in the week of 2024-02-19; it has none (the last close before the week of 2024-02-26 is on 2024-01-31)',
    ],
  ])('%s is missing at 2024-03-01: %s', (id, reason) => {
    expect(missingFor(indexStatsAt(a, 1), id)).toBe(reason);
  });

  it('but the next week reads the close before it', () => {
    expect(valueFor(indexStatsAt(a, 2), 'return.week')).toBeCloseTo(111 / 110 - 1, 12);
  });
});
