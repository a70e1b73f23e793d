/**
 * The new superlatives on RUT.csv and GSPC.csv (as SPX). Expected dates come from a scan of the
 * files independent of the stats engine (a plain backward loop over the Close column, written in
 * Python for this test), and the three examples (issue 11).
 */
import { describe, expect, it } from 'vitest';
import { analyzePair, analyzeSeries, pairStatsAt, seriesStatsAt } from '../../src/stats/analysis.ts';
import type { StatResult } from '../../src/stats/types.ts';
import { HAVE_MARKET, loadCloses } from './market-files.ts';

const value = (results: StatResult[], id: string) => {
  const r = results.find((x) => x.id === id);
  return r && 'value' in r ? r.value : `missing: ${r && 'missing' in r ? r.missing : 'no such stat'}`;
};

describe.skipIf(!HAVE_MARKET)('superlatives on real RUT history', () => {
  const rut = HAVE_MARKET ? analyzeSeries(loadCloses('RUT.csv', 'RUT')) : undefined;
  const at = (date: string) => seriesStatsAt(rut!, rut!.series.dates.indexOf(date));

  it.each([
    // date, highest close since, lowest since, 1d best/worst, 5d best/worst, 21d best/worst (backward scan)
    [
      '2024-07-16',
      '2022-01-04',
      '2024-07-15',
      '2024-07-11',
      '2024-07-15',
      '2020-04-29',
      '2024-07-09',
      '2024-01-02',
      '2024-06-13',
    ],
    [
      '2024-07-11',
      '2022-03-29',
      '2024-07-10',
      '2023-11-14',
      '2024-07-10',
      '2024-05-07',
      '2024-07-03',
      '2024-05-21',
      '2024-06-10',
    ],
    [
      '2025-09-18',
      null,
      '2025-09-17',
      '2025-08-22',
      '2025-09-17',
      '2025-08-28',
      '2025-09-11',
      '2025-05-20',
      '2025-08-19',
    ],
    [
      '2025-04-04',
      '2025-04-03',
      '2023-11-30',
      '2025-04-02',
      '2025-04-03',
      '2025-03-28',
      '2024-08-07',
      '2025-03-06',
      '2023-03-17',
    ],
  ])('%s: highest since %s, lowest since %s, …', (date, high, low, d1b, d1w, d5b, d5w, d21b, d21w) => {
    const r = at(date!);
    expect(value(r, 'close.highest_since')).toBe(high);
    expect(value(r, 'close.lowest_since')).toBe(low);
    expect(value(r, 'day.best_since')).toBe(d1b);
    expect(value(r, 'day.worst_since')).toBe(d1w);
    expect(value(r, 'return.5d.best_since')).toBe(d5b);
    expect(value(r, 'return.5d.worst_since')).toBe(d5w);
    expect(value(r, 'return.21d.best_since')).toBe(d21b);
    expect(value(r, 'return.21d.worst_since')).toBe(d21w);
  });

  it('2024-07-11: +3.57%, the best day since 2023-11-14, and it is notable; in the week to 07-16 it is the best day of the last five', () => {
    // RUT.csv: 2125.04 on 07-11 against 2051.77 on 07-10: +3.57%.
    expect(value(at('2024-07-11'), 'change.1d') as number).toBeCloseTo(0.035721, 6);
    expect(value(at('2024-07-11'), 'day.best_since.notable')).toBe(true);
    const week = at('2024-07-16');
    expect(value(week, 'last5.best_day')).toBe('2024-07-11');
    expect(value(week, 'last5.best_day.best_since')).toBe('2023-11-14');
    expect(value(week, 'last5.best_day.best_since.notable')).toBe(true);
    // Every day of 07-10 to 07-16 closed higher, so there is no worst day to name.
    expect(value(week, 'last5.worst_day')).toMatch(/^missing: none of the five sessions/);
  });

  it('never notable "since the period just before": best week since the prior week, best day since yesterday', () => {
    // 2024-07-16: the week so far trails the week ending 07-12; the day trails 07-11's gain.
    expect(value(at('2024-07-16'), 'week.best_since')).toBe('2024-07-12');
    expect(value(at('2024-07-16'), 'week.best_since.notable')).toBe(false);
    expect(value(at('2024-07-16'), 'day.best_since.notable')).toBe(false);
    // A record close is the highest since none: notable.
    expect(value(at('2025-09-18'), 'close.highest_since.notable')).toBe(true);
  });

  it('2025-08-29 and 2025-09-18: the record drought is the longest since the one that ended 2004-04-05', () => {
    // Droughts between RUT.csv record closes: 1,021 sessions from 2000-03-09 to 2004-04-05,
    // 954 to 2011-04-27, then 967 from 2021-11-08 to 2025-09-18 (955 running on 2025-08-29).
    expect(value(at('2025-08-29'), 'record.drought_sessions')).toBe(955);
    expect(value(at('2025-08-29'), 'record.drought_longest_since')).toBe('2004-04-05');
    for (const date of ['2025-09-18', '2025-09-19', '2025-11-28']) {
      expect(value(at(date), 'record.recent_drought.sessions')).toBe(967);
      expect(value(at(date), 'record.recent_drought.ended')).toBe('2025-09-18');
      expect(value(at(date), 'record.recent_drought.longest_since')).toBe('2004-04-05');
    }
  });

  it('2024-07-16: RUT beat the S&P 500 by 9.9 points over five sessions, the widest in points on record', () => {
    const spx = analyzeSeries(loadCloses('GSPC.csv', 'SPX'));
    const r = pairStatsAt(analyzePair(rut!.series, spx.series), '2024-07-16');
    // RUT 2263.67 / 2029.47 (07-09) = +11.54%; SPX 5667.20 / 5576.98 = +1.62%: 9.92 points.
    expect(value(r, 'vs.SPX.spread.5d') as number).toBeCloseTo(0.0992, 4);
    expect(value(r, 'vs.SPX.spread.5d.widest_since')).toBeNull();
    expect(value(r, 'vs.SPX.spread.5d.widest_since.notable')).toBe(true);
    // The same lead as a ratio (1.1154 / 1.0162 − 1 = 9.76%) was last as wide in the week to 1987-10-19.
    expect(value(r, 'vs.SPX.relative.5d') as number).toBeCloseTo(0.0976, 4);
    expect(value(r, 'vs.SPX.relative.5d.widest_since')).toBe('1987-10-19');
  });
});
