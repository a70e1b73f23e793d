import { describe, expect, it } from 'vitest';
import { analyzePair, relativeStatsAt } from '../../src/stats/analysis.ts';
import { missingFor, resultFor, seriesOf, valueFor } from './helpers.ts';

describe('outperform_streak', () => {
  // Daily returns on the dates both have (S's extra 03-07 is skipped: its return runs 03-06 → 03-08):
  // 03-05: S +2% vs B +1%: win (1); 03-06: S 103/102 = +0.980% vs B 102/101 = +0.990%: loss (0);
  // 03-08: S 103/103 = 0 vs B 104/102 = +1.96%: loss; 03-11: S 105/103 = +1.94% vs B 0: win (1);
  // 03-12: S 110/105 = +4.76% vs B 107/104 = +2.88%: win (2).
  const s = seriesOf('S', [
    ['2024-03-04', 100],
    ['2024-03-05', 102],
    ['2024-03-06', 103],
    ['2024-03-07', 90],
    ['2024-03-08', 103],
    ['2024-03-11', 105],
    ['2024-03-12', 110],
  ]);
  const b = seriesOf('B', [
    ['2024-03-04', 100],
    ['2024-03-05', 101],
    ['2024-03-06', 102],
    ['2024-03-08', 104],
    ['2024-03-11', 104],
    ['2024-03-12', 107],
  ]);
  const p = analyzePair(s, b);

  it.each([
    ['2024-03-05', 1],
    ['2024-03-06', 0],
    ['2024-03-08', 0],
    ['2024-03-11', 1],
    ['2024-03-12', 2],
    ['2024-03-13', 2], // a date after the last session reads the last session, like S.close
  ])('%s: %i', (date, expected) => {
    expect(valueFor(relativeStatsAt(p, date), 'vs.B.outperform_streak')).toBe(expected);
  });

  it('names both windows from the session before the streak', () => {
    expect(resultFor(relativeStatsAt(p, '2024-03-12'), 'vs.B.outperform_streak')).toEqual({
      id: 'vs.B.outperform_streak',
      value: 2,
      inputs: [
        { series: 'S', from: '2024-03-08', to: '2024-03-12', sessions: 3 },
        { series: 'B', from: '2024-03-08', to: '2024-03-12', sessions: 3 },
      ],
    });
  });

  it.each([
    ['2024-03-04', 'vs.B.outperform_streak', 'needs a session before 2024-03-04 that both S and B have'],
    [
      '2024-03-07',
      'vs.B.spread.ytd',
      'needs a close of B on 2024-03-07, the S session on or before 2024-03-07',
    ],
    [
      '2024-03-01',
      'vs.B.years_under',
      'needs a close of S on or before 2024-03-01; history starts 2024-03-04',
    ],
  ])('%s %s is missing: %s', (date, id, reason) => {
    expect(missingFor(relativeStatsAt(p, date), id)).toBe(reason);
  });
});

describe('spread.ytd and spread.mtd', () => {
  // At 2024-02-02: S YTD 115/100 - 1 = 0.15, B 214/200 - 1 = 0.07, spread 0.08;
  // S MTD 115/110 - 1 = 0.045454..., B 214/210 - 1 = 0.019047..., spread 0.026406...
  const s = seriesOf('S', [
    ['2023-12-29', 100],
    ['2024-01-31', 110],
    ['2024-02-01', 112],
    ['2024-02-02', 115],
  ]);
  const b = seriesOf('B', [
    ['2023-12-29', 200],
    ['2024-01-31', 210],
    ['2024-02-01', 212],
    ['2024-02-02', 214],
  ]);
  const stats = relativeStatsAt(analyzePair(s, b), '2024-02-02');

  it.each([
    ['vs.B.spread.ytd', 0.15 - 0.07],
    ['vs.B.spread.mtd', 115 / 110 - 214 / 210],
  ])('%s = %f', (id, expected) => {
    expect(valueFor(stats, id)).toBeCloseTo(expected, 12);
  });
});

describe('years_under', () => {
  // B is flat at 100, so S is "under" in a year exactly when its own annual return is negative,
  // and "behind year to date" when its mid-year close is below its prior year-end close.
  // Year ends: 2015 100 | 2016 110 (+) | 2017 100 (under) | 2018 90 (under) | 2019 95 (+) |
  // 2020 90 (under) | 2021 85 (under) | 2022 80 (under) | 2023 80 (0%: equal is not under).
  const yearEnds: Record<number, number> = {
    2015: 100,
    2016: 110,
    2017: 100,
    2018: 90,
    2019: 95,
    2020: 90,
    2021: 85,
    2022: 80,
    2023: 80,
  };
  // Mid-year closes, behind (<) or not (>=) the prior year end.
  const midYears: Record<number, number> = {
    2016: 105,
    2017: 105, // < 110
    2018: 95, // < 100
    2019: 92, // > 90
    2020: 96, // > 95
    2021: 88, // < 90
    2022: 84, // < 85
    2023: 80, // = 80, not behind
    2024: 79, // < 80
  };
  const rows: Array<[string, number]> = [];
  for (let y = 2015; y <= 2024; y++) {
    const mid = midYears[y];
    const end = yearEnds[y];
    if (mid !== undefined) rows.push([`${y}-06-15`, mid]);
    if (end !== undefined) rows.push([`${y}-12-31`, end]);
  }
  const s = seriesOf('S', rows);
  const b = seriesOf(
    'B',
    rows.map(([d]) => [d, 100]),
  );
  const p = analyzePair(s, b);

  it.each([
    // as-of, years_under (completed years), provisional (+1 when behind YTD), longest, its end year
    ['2017-06-15', 0, 1, 0, null], // 2016 ahead
    ['2018-06-15', 1, 2, 1, 2017],
    ['2019-06-15', 2, 2, 2, 2018], // 2017-18; ahead in 2019 so far
    ['2020-06-15', 0, 0, 2, 2018], // 2019 ahead
    ['2021-06-15', 1, 2, 2, 2018],
    ['2022-06-15', 2, 3, 2, 2021], // 2020-21 ties 2017-18: the later streak holds it
    ['2022-12-31', 2, 3, 2, 2021], // 2022 is not complete at its own last session
    ['2023-06-15', 3, 3, 3, 2022], // 2020-22
    ['2024-06-15', 0, 1, 3, 2022], // 2023 equal: not under
  ])('%s: %i years, provisional %i, longest %i ending %s', (date, years, provisional, longest, end) => {
    const stats = relativeStatsAt(p, date);
    expect(valueFor(stats, 'vs.B.years_under')).toBe(years);
    expect(valueFor(stats, 'vs.B.years_under.provisional')).toBe(provisional);
    expect(valueFor(stats, 'vs.B.years_under.longest')).toBe(longest);
    expect(valueFor(stats, 'vs.B.years_under.longest_end')).toBe(end);
  });

  it('is missing until a full calendar year is in both series', () => {
    expect(missingFor(relativeStatsAt(p, '2016-06-15'), 'vs.B.years_under')).toBe(
      'needs 2015 complete in both S and B (closes at the end of 2014 and of 2015)',
    );
  });

  it('names the sessions of the streak years', () => {
    // 2020-22: from the 2019 year end through the 2022 year end, 7 sessions in each series.
    expect(resultFor(relativeStatsAt(p, '2023-06-15'), 'vs.B.years_under')).toMatchObject({
      inputs: [
        { series: 'S', from: '2019-12-31', to: '2022-12-31', sessions: 7 },
        { series: 'B', from: '2019-12-31', to: '2022-12-31', sessions: 7 },
      ],
    });
  });
});
