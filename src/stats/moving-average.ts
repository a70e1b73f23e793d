/**
 * The simple moving average of closes and the last cross above it. Prefix sums make every
 * session's average O(1); one pass records, for every session, the latest cross on or before it.
 */
import type { Series } from '../types.ts';
import { closeInput, computed, missing, needsSessions, rangeInput } from './results.ts';
import type { StatResult } from './types.ts';

/** The average the desk quotes: `sma200`. */
export const SMA_WINDOW = 200;

export interface MovingAverage {
  window: number;
  /** `prefix[k]`: sum of the first k closes, so a window's sum is one subtraction. */
  prefix: Float64Array;
  /** Index of the latest session on or before each session that closed above its average while the prior session closed at or below its own; -1 if none. */
  lastCrossAbove: Int32Array;
}

export function computeMovingAverage(closes: readonly number[], window: number = SMA_WINDOW): MovingAverage {
  const n = closes.length;
  const prefix = new Float64Array(n + 1);
  for (let k = 0; k < n; k++) prefix[k + 1] = prefix[k]! + closes[k]!;
  const ma: MovingAverage = { window, prefix, lastCrossAbove: new Int32Array(n).fill(-1) };
  let last = -1;
  // A cross compares two averages, so the first one can happen a session after the first average.
  for (let i = window; i < n; i++) {
    if (closes[i]! > movingAverageAt(ma, i) && closes[i - 1]! <= movingAverageAt(ma, i - 1)) last = i;
    ma.lastCrossAbove[i] = last;
  }
  return ma;
}

/** The average of the `window` closes ending at session `i`, included; NaN before there are enough. */
export function movingAverageAt(ma: MovingAverage, i: number): number {
  if (i < ma.window - 1) return Number.NaN;
  return (ma.prefix[i + 1]! - ma.prefix[i + 1 - ma.window]!) / ma.window;
}

export function movingAverageStatsAt(series: Series, ma: MovingAverage, i: number): StatResult[] {
  const id = `sma${ma.window}`;
  if (i < ma.window - 1) {
    const reason = needsSessions(series, ma.window, i);
    return [missing(id, reason), missing(`${id}.above`, reason), missing(`${id}.cross_date`, reason)];
  }
  const average = movingAverageAt(ma, i);
  const window = rangeInput(series, i - ma.window + 1, i);
  const cross = ma.lastCrossAbove[i]!;
  // A cross reads the two windows ending at the cross and the session before it; "none" read
  // every session since the first average.
  const crossInputs =
    cross >= 0
      ? [
          rangeInput(series, cross - ma.window, cross),
          closeInput(series, cross - 1),
          closeInput(series, cross),
        ]
      : [rangeInput(series, 0, i)];
  return [
    computed(id, average, [window]),
    computed(`${id}.above`, series.closes[i]! > average, [closeInput(series, i), window]),
    computed(`${id}.cross_date`, cross >= 0 ? series.dates[cross]! : null, crossInputs),
  ];
}
