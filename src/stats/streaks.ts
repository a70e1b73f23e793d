/**
 * Streaks: how many consecutive sessions, ending at each session, a condition held. One pass
 * gives every session's streak, since a streak is the previous one plus one or zero.
 */
import type { Series } from '../types.ts';
import { closeInput, computed, missing, needsSessions, rangeInput } from './results.ts';
import type { StatResult } from './types.ts';

export interface Streaks {
  /** Consecutive higher closes ending at each session. */
  up: Int32Array;
  /** Consecutive lower closes ending at each session. */
  down: Int32Array;
}

/**
 * `runs[k]`: consecutive steps ending at step k for which `holds(k)` is true. Step k compares
 * session k with session k - 1, so `runs[0]` is 0: the first session has nothing to compare.
 */
export function runLengths(length: number, holds: (k: number) => boolean): Int32Array {
  const runs = new Int32Array(length);
  for (let k = 1; k < length; k++) runs[k] = holds(k) ? runs[k - 1]! + 1 : 0;
  return runs;
}

export function computeStreaks(closes: readonly number[]): Streaks {
  // An unchanged close is neither higher nor lower, so it breaks both streaks.
  return {
    up: runLengths(closes.length, (k) => closes[k]! > closes[k - 1]!),
    down: runLengths(closes.length, (k) => closes[k]! < closes[k - 1]!),
  };
}

export function streakStatsAt(series: Series, streaks: Streaks, i: number): StatResult[] {
  return [streakAt('streak.up', series, streaks.up, i), streakAt('streak.down', series, streaks.down, i)];
}

function streakAt(id: string, series: Series, runs: Int32Array, i: number): StatResult {
  if (i < 1) return missing(id, needsSessions(series, 2, i));
  const length = runs[i]!;
  // A streak reads the close before its first session; a zero streak reads the last two closes.
  const inputs =
    length > 0 ? [rangeInput(series, i - length, i)] : [closeInput(series, i - 1), closeInput(series, i)];
  return computed(id, length, inputs);
}
