/**
 * The stats engine's entry points. `analyzeSeries` indexes a series once, in O(n); after that
 * the stats at any session are O(1), so the stats at every session of a history (a backfill)
 * cost O(n) in all, never a rescan per session.
 */
import type { Series } from '../types.ts';
import { type BestSinceIndex, bestSinceStatsAt, indexBestSince } from './best-since.ts';
import {
  assertUniqueSignals,
  DEFAULT_SIGNALS,
  indexPatterns,
  type PatternIndex,
  patternStatsAt,
  type SignalConfig,
} from './events.ts';
import { indexMoveRanks, type MoveRanks, moveRankStatsAt } from './move-rank.ts';

export { moveRankStatsAt } from './move-rank.ts';

import {
  computeMovingAverage,
  type MovingAverage,
  movingAverageStatsAt,
  SMA_WINDOW,
} from './moving-average.ts';
import { indexPeriods, type PeriodIndex } from './periods.ts';
import { indexRecords, type RecordIndex, recordStatsAt } from './records.ts';
import { returnStatsAt } from './returns.ts';
import {
  indexRollingSince,
  lastFiveStatsAt,
  type RollingSinceIndex,
  rollingSinceStatsAt,
} from './rolling-since.ts';
import { computeStreaks, type Streaks, streakStatsAt } from './streaks.ts';
import { DEFAULT_SUPERLATIVE_MIN_PERIODS, type SuperlativeMinPeriods } from './superlatives.ts';
import type { StatResult } from './types.ts';

export { describeSignal, type SignalConfig, signalConfigSchema } from './events.ts';
export { indexOnOrBefore } from './periods.ts';
export {
  analyzePair,
  type PairAnalysis,
  type PairOptions,
  relativeHistoryStatsAt,
  relativeStatsAt,
} from './relative.ts';

import { type PairAnalysis, relativeHistoryStatsAt, relativeStatsAt } from './relative.ts';

export interface SeriesAnalysis {
  series: Series;
  periods: PeriodIndex;
  streaks: Streaks;
  records: RecordIndex;
  movingAverage: MovingAverage;
  bestSince: BestSinceIndex;
  rolling: RollingSinceIndex;
  /** How far back a superlative must reach to be notable (`….notable`). */
  superlatives: SuperlativeMinPeriods;
  /** One per configured signal. */
  patterns: PatternIndex[];
  ranks: MoveRanks;
}

export interface AnalysisOptions {
  /** The event-study signals (`pattern.<id>`); default: three-day-surge. */
  signals?: readonly SignalConfig[];
  /** Default: DEFAULT_SUPERLATIVE_MIN_PERIODS (superlatives.ts). */
  superlatives?: SuperlativeMinPeriods;
}

/** Indexes a series for `indexStatsAt`. Throws on a malformed series: the store hands over validated ones. */
export function analyzeSeries(series: Series, options: AnalysisOptions = {}): SeriesAnalysis {
  assertWellFormed(series);
  const periods = indexPeriods(series.dates);
  const signals = options.signals ?? DEFAULT_SIGNALS;
  assertUniqueSignals(signals); // a bad config fails here, not at the first pattern read
  let patterns: PatternIndex[] | undefined;
  return {
    series,
    periods,
    streaks: computeStreaks(series.closes),
    records: indexRecords(series.closes, periods),
    movingAverage: computeMovingAverage(series.closes, SMA_WINDOW),
    bestSince: indexBestSince(series, periods),
    rolling: indexRollingSince(series),
    superlatives: options.superlatives ?? DEFAULT_SUPERLATIVE_MIN_PERIODS,
    // Indexed when first read: a FactSet without the event studies (a draft that is no pattern
    // study) never pays for them.
    get patterns() {
      patterns ??= indexPatterns(series.closes, signals);
      return patterns;
    },
    ranks: indexMoveRanks(series.closes),
  };
}

/** Every single-series stat at session index `i` (ids without the `S.` prefix). */
export function indexStatsAt(a: SeriesAnalysis, i: number): StatResult[] {
  const { series } = a;
  assertSession(a, i);
  return [
    ...returnStatsAt(series, a.periods, i),
    ...streakStatsAt(series, a.streaks, i),
    ...recordStatsAt(series, a.periods, a.records, i),
    ...movingAverageStatsAt(series, a.movingAverage, i),
  ];
}

/**
 * The stats at session `i` that compare it with all of history: `day|week|month.best_since`,
 * `history.first_date` and `pattern.<id>.…` (ids without the `S.` prefix). O(1) per session,
 * like `indexStatsAt`, once their indexes are built (O(n log n): binary searches for
 * best-since, order statistics for medians); a single session is answered directly instead.
 */
export function historyStatsAt(a: SeriesAnalysis, i: number): StatResult[] {
  return [...sinceStatsAt(a, i), ...patternsStatsAt(a, i)];
}

/** The "since" stats of `historyStatsAt`: best and worst since, highest and lowest since, the last five. */
export function sinceStatsAt(a: SeriesAnalysis, i: number): StatResult[] {
  assertSession(a, i);
  return [
    ...bestSinceStatsAt(a.series, a.periods, a.bestSince, i, a.superlatives),
    ...rollingSinceStatsAt(a.series, a.rolling, i, a.superlatives),
    ...lastFiveStatsAt(a.series, a.rolling, i, a.superlatives),
  ];
}

/** The event studies of `historyStatsAt` (`pattern.<id>.…`), one per configured signal. */
export function patternsStatsAt(a: SeriesAnalysis, i: number): StatResult[] {
  assertSession(a, i);
  return a.patterns.flatMap((pattern) => patternStatsAt(a.series, pattern, i));
}

/** Every stat of one series at session `i`: what a FactSet holds for it. */
export function seriesStatsAt(a: SeriesAnalysis, i: number): StatResult[] {
  return [...indexStatsAt(a, i), ...historyStatsAt(a, i), ...moveRankStatsAt(a.series, a.ranks, i)];
}

function assertSession(a: SeriesAnalysis, i: number): void {
  if (!Number.isInteger(i) || i < 0 || i >= a.series.dates.length) {
    throw new RangeError(
      `session index ${i} is outside ${a.series.symbol}'s ${a.series.dates.length} sessions`,
    );
  }
}

/** Every stat of a series against its benchmark at a date. */
export function pairStatsAt(p: PairAnalysis, date: string): StatResult[] {
  return [...relativeStatsAt(p, date), ...relativeHistoryStatsAt(p, date)];
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
