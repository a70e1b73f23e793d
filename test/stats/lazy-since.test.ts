/**
 * The "since" answers (issue 14) are given two ways: by scanning back from the one session asked
 * about (the first `DIRECT_LOOKUPS` lookups), and from the whole table built after that. On
 * random walks with ties, records, gaps of whole weeks and months, and dates one series lacks,
 * both must give every stat identically at every session.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/calendar/dates.ts';
import {
  analyzePair,
  analyzeSeries,
  moveRankStatsAt,
  pairStatsAt,
  sinceStatsAt,
} from '../../src/stats/analysis.ts';
import { DIRECT_LOOKUPS } from '../../src/stats/recent-at-least.ts';
import type { IsoDate, Series } from '../../src/types.ts';

/** An integer random walk (ties common), dates 1-4 days apart with now and then a 40-day gap. */
function walk(symbol: string, length: number) {
  return fc
    .array(
      fc.record({
        gap: fc.oneof(
          { arbitrary: fc.integer({ min: 1, max: 4 }), weight: 19 },
          { arbitrary: fc.constant(40), weight: 1 },
        ),
        move: fc.integer({ min: -3, max: 3 }),
      }),
      { minLength: length, maxLength: length },
    )
    .map((steps): Series => {
      let date = '2019-12-30';
      let close = 40;
      const dates: IsoDate[] = [];
      const closes: number[] = [];
      for (const { gap, move } of steps) {
        date = addDays(date, gap);
        close = Math.max(1, close + move);
        dates.push(date);
        closes.push(close);
      }
      return { symbol, dates, closes };
    });
}

/** Every stat at every session from a warmed analysis (tables), and from a fresh one per session (scans). */
function bothWays<T>(fresh: () => T, statsAt: (a: T, i: number) => unknown, n: number) {
  const warmed = fresh();
  for (let i = 0; i <= DIRECT_LOOKUPS; i++) statsAt(warmed, n - 1);
  const tables = Array.from({ length: n }, (_, i) => statsAt(warmed, i));
  const scans = Array.from({ length: n }, (_, i) => statsAt(fresh(), i));
  return { tables, scans };
}

describe('since answers, scanned or from the table', () => {
  it('agree for one series: best and worst since, highest and lowest since, the last five', () => {
    fc.assert(
      fc.property(walk('S', 160), (series) => {
        const { tables, scans } = bothWays(
          () => analyzeSeries(series),
          (a, i) => [...sinceStatsAt(a, i), ...moveRankStatsAt(a.series, a.ranks, i)],
          series.dates.length,
        );
        expect(scans).toEqual(tables);
      }),
      { numRuns: 25 },
    );
  });

  it('agree for a pair: the month spread and the rolling leads, on dates one series lacks', () => {
    fc.assert(
      fc.property(walk('S', 140), walk('B', 140), (s, b) => {
        // B keeps every third of S's dates and a few of its own, so the common sessions have holes.
        const bDates = [
          ...new Set([...s.dates.filter((_, k) => k % 3 !== 0), ...b.dates.slice(0, 20)]),
        ].sort();
        const bench: Series = {
          symbol: 'B',
          dates: bDates,
          closes: bDates.map((_, k) => b.closes[k % 140]!),
        };
        const { tables, scans } = bothWays(
          () => analyzePair(s, bench),
          (p, i) => pairStatsAt(p, s.dates[i]!),
          s.dates.length,
        );
        expect(scans).toEqual(tables);
      }),
      { numRuns: 25 },
    );
  });
});
