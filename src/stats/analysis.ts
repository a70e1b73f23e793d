/**
 * The stats engine's entry points. `analyzeSeries` indexes a series once, in O(n); after that
 * the stats at any session are O(1), so the stats at every session of a history (a backfill)
 * cost O(n) in all, never a rescan per session.
 */
import type { Series } from '../types.ts';
import {
  computeMovingAverage,
  type MovingAverage,
  movingAverageStatsAt,
  SMA_WINDOW,
} from './moving-average.ts';
import { indexPeriods, type PeriodIndex } from './periods.ts';
import { indexRecords, type RecordIndex, recordStatsAt } from './records.ts';
import { returnStatsAt } from './returns.ts';
import { computeStreaks, type Streaks, streakStatsAt } from './streaks.ts';
import type { StatResult } from './types.ts';

export { indexOnOrBefore } from './periods.ts';
export { analyzePair, type PairAnalysis, relativeStatsAt } from './relative.ts';

export interface SeriesAnalysis {
  series: Series;
  periods: PeriodIndex;
  streaks: Streaks;
  records: RecordIndex;
  movingAverage: MovingAverage;
}

/** Indexes a series for `indexStatsAt`. Throws on a malformed series: the store hands over validated ones. */
export function analyzeSeries(series: Series): SeriesAnalysis {
  assertWellFormed(series);
  const periods = indexPeriods(series.dates);
  return {
    series,
    periods,
    streaks: computeStreaks(series.closes),
    records: indexRecords(series.closes, periods),
    movingAverage: computeMovingAverage(series.closes, SMA_WINDOW),
  };
}

/** Every single-series stat at session index `i` (ids without the `S.` prefix). */
export function indexStatsAt(a: SeriesAnalysis, i: number): StatResult[] {
  const { series } = a;
  if (!Number.isInteger(i) || i < 0 || i >= series.dates.length) {
    throw new RangeError(`session index ${i} is outside ${series.symbol}'s ${series.dates.length} sessions`);
  }
  return [
    ...returnStatsAt(series, a.periods, i),
    ...streakStatsAt(series, a.streaks, i),
    ...recordStatsAt(series, a.periods, a.records, i),
    ...movingAverageStatsAt(series, a.movingAverage, i),
  ];
}

/** Ratios of closes and "higher than" need ascending unique dates and positive closes. */
function assertWellFormed(series: Series): void {
  const { symbol, dates, closes } = series;
  if (dates.length !== closes.length) {
    throw new RangeError(`${symbol}: ${dates.length} dates but ${closes.length} closes`);
  }
  for (let i = 0; i < dates.length; i++) {
    const close = closes[i]!;
    if (!(Number.isFinite(close) && close > 0)) {
      throw new RangeError(`${symbol}: close ${close} on ${dates[i]} is not a positive number`);
    }
    if (i > 0 && !(dates[i - 1]! < dates[i]!)) {
      throw new RangeError(`${symbol}: dates must ascend, but ${dates[i]} follows ${dates[i - 1]}`);
    }
  }
}
