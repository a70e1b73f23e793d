/**
 * "Since" over rolling windows: the highest (lowest) close since, the best (worst) 1-, 5- and
 * 21-session move since, and the notable sessions among the last five ("Thursday's 3.6% jump was
 * the best day since Nov. 14").
 *
 * An N-session move is compared only with windows that end before the current one starts (at
 * or before its base, N sessions back): overlapping windows share sessions, so "the best five
 * sessions since the five ending yesterday" would say nothing. Comparisons are "at least as
 * large", like `day.best_since`, and unrounded.
 */
import type { Series } from '../types.ts';
import { LazySince, RecentAtLeast, scanBackAtLeast } from './recent-at-least.ts';
import { closeInput, computed, missing, needsSessions, rangeInput } from './results.ts';
import {
  DEFAULT_SUPERLATIVE_MIN_PERIODS,
  isNotable,
  type SuperlativeKind,
  type SuperlativeMinPeriods,
} from './superlatives.ts';
import type { StatInputs, StatResult } from './types.ts';

/**
 * For each k: the largest j ≤ k − lag with values[j] ≥ values[k], or -1 (NaN neither asks nor
 * answers). A session becomes a candidate when it comes within reach (at k − lag): O(n log n) in
 * all (recent-at-least.ts).
 */
export function mostRecentAtLeastLagged(values: ArrayLike<number>, lag: number): Int32Array {
  const n = values.length;
  const answer = new Int32Array(n).fill(-1);
  const candidates = new RecentAtLeast(n);
  for (let k = 0; k < n; k++) {
    const e = k - lag;
    if (e >= 0 && !Number.isNaN(values[e]!)) candidates.push(e, values[e]!);
    const x = values[k]!;
    if (!Number.isNaN(x)) answer[k] = candidates.lastAtLeast(x);
  }
  return answer;
}

/** The move windows indexed, in sessions. */
export const MOVE_WINDOWS = [1, 5, 21] as const;
type MoveWindow = (typeof MOVE_WINDOWS)[number];

export interface RollingSinceIndex {
  highestSince: LazySince;
  lowestSince: LazySince;
  /** Per window: the end of the most recent earlier, non-overlapping window at least as good (bad). */
  best: Record<MoveWindow, LazySince>;
  worst: Record<MoveWindow, LazySince>;
}

/**
 * `values` as a lazy "since" index with `lag`: the whole table from `mostRecentAtLeastLagged`,
 * or one answer by scanning back from k − lag. `valueAt` must give what `values` holds.
 */
export function laggedSince(n: number, lag: number, valueAt: (k: number) => number): LazySince {
  return new LazySince(
    () =>
      mostRecentAtLeastLagged(
        Float64Array.from({ length: n }, (_, k) => valueAt(k)),
        lag,
      ),
    (k) => scanBackAtLeast(k - lag, valueAt(k), valueAt),
  );
}

/** Nothing is computed here: each answer is worked out when first asked for (`LazySince`). */
export function indexRollingSince(series: Series): RollingSinceIndex {
  const closes = series.closes;
  const n = closes.length;
  const best = {} as Record<MoveWindow, LazySince>;
  const worst = {} as Record<MoveWindow, LazySince>;
  for (const w of MOVE_WINDOWS) {
    const move = (k: number) => (k >= w ? closes[k]! / closes[k - w]! - 1 : Number.NaN);
    best[w] = laggedSince(n, w, move);
    worst[w] = laggedSince(n, w, (k) => -move(k));
  }
  return {
    highestSince: laggedSince(n, 1, (k) => closes[k]!),
    lowestSince: laggedSince(n, 1, (k) => -closes[k]!),
    best,
    worst,
  };
}

const WINDOW_KIND: Record<MoveWindow, SuperlativeKind> = { 1: 'day', 5: 'window5', 21: 'window21' };

/** A `…_since` date stat and its `.notable` companion. */
function sinceStats(
  series: Series,
  id: string,
  kind: SuperlativeKind,
  min: SuperlativeMinPeriods,
  i: number,
  j: number,
  pointsItsWay: boolean,
  inputs: StatInputs,
): StatResult[] {
  const all: StatInputs = [...inputs, ...(j >= 0 ? [closeInput(series, j)] : [rangeInput(series, 0, i)])];
  const at = (k: number) => ({ index: k, date: series.dates[k]! });
  const notable = isNotable(kind, min, pointsItsWay, j >= 0 ? at(j) : null, at(i), at(0));
  return [computed(id, j >= 0 ? series.dates[j]! : null, all), computed(`${id}.notable`, notable, all)];
}

/**
 * `close.highest_since`, `close.lowest_since`, `return.21d`, `day.worst_since`,
 * `return.5d|21d.best_since|worst_since` (each with `.notable`), and `day.best_since.notable`
 * for the existing `day.best_since`.
 */
export function rollingSinceStatsAt(
  series: Series,
  index: RollingSinceIndex,
  i: number,
  min: SuperlativeMinPeriods = DEFAULT_SUPERLATIVE_MIN_PERIODS,
): StatResult[] {
  const now = closeInput(series, i);
  const results: StatResult[] = [];
  if (i < 1) {
    const reason = needsSessions(series, 2, i);
    for (const id of ['close.highest_since', 'close.lowest_since'])
      results.push(missing(id, reason), missing(`${id}.notable`, reason));
  } else {
    results.push(
      ...sinceStats(series, 'close.highest_since', 'close', min, i, index.highestSince.at(i), true, [now]),
      ...sinceStats(series, 'close.lowest_since', 'close', min, i, index.lowestSince.at(i), true, [now]),
    );
  }
  results.push(
    i >= 21
      ? computed('return.21d', series.closes[i]! / series.closes[i - 21]! - 1, [
          closeInput(series, i - 21),
          now,
        ])
      : missing('return.21d', needsSessions(series, 22, i)),
  );
  for (const w of MOVE_WINDOWS) {
    const name = w === 1 ? 'day' : `return.${w}d`;
    const ids =
      w === 1 ? ['day.best_since.notable', 'day.worst_since'] : [`${name}.best_since`, `${name}.worst_since`];
    if (i < w) {
      const reason = needsSessions(series, w + 1, i);
      for (const id of ids)
        results.push(
          missing(id, reason),
          ...(id.endsWith('notable') ? [] : [missing(`${id}.notable`, reason)]),
        );
      continue;
    }
    const move = series.closes[i]! / series.closes[i - w]! - 1;
    const inputs = [closeInput(series, i - w), now];
    const best = sinceStats(
      series,
      `${name}.best_since`,
      WINDOW_KIND[w],
      min,
      i,
      index.best[w].at(i),
      move > 0,
      inputs,
    );
    // `day.best_since` itself comes from best-since.ts (the same answer): only its flag is new here.
    results.push(...(w === 1 ? best.slice(1) : best));
    results.push(
      ...sinceStats(
        series,
        `${name}.worst_since`,
        WINDOW_KIND[w],
        min,
        i,
        index.worst[w].at(i),
        move < 0,
        inputs,
      ),
    );
  }
  return results;
}

/**
 * `last5.best_day` (the session of the last five with the largest one-session gain),
 * `.change`, `.best_since` and `.best_since.notable`; likewise `last5.worst_day` with the
 * largest loss. Of the five, the largest gain reaches furthest back: any earlier day of the
 * five at least as large would be larger still. Missing when none of the five gained (lost).
 */
export function lastFiveStatsAt(
  series: Series,
  index: RollingSinceIndex,
  i: number,
  min: SuperlativeMinPeriods = DEFAULT_SUPERLATIVE_MIN_PERIODS,
): StatResult[] {
  const sides = [
    { id: 'last5.best_day', since: 'best_since', sign: 1, answers: index.best[1] },
    { id: 'last5.worst_day', since: 'worst_since', sign: -1, answers: index.worst[1] },
  ] as const;
  const results: StatResult[] = [];
  for (const { id, since, sign, answers } of sides) {
    const ids = [id, `${id}.change`, `${id}.${since}`, `${id}.${since}.notable`];
    if (i < 5) {
      const reason = needsSessions(series, 6, i);
      results.push(...ids.map((x) => missing(x, reason)));
      continue;
    }
    let pick = -1;
    let pickMove = 0;
    for (let k = i - 4; k <= i; k++) {
      const move = series.closes[k]! / series.closes[k - 1]! - 1;
      if (move * sign > pickMove * sign) {
        pick = k;
        pickMove = move;
      }
    }
    if (pick < 0) {
      const reason = `none of the five sessions ${series.dates[i - 4]} to ${series.dates[i]} ${sign > 0 ? 'gained' : 'lost'}`;
      results.push(...ids.map((x) => missing(x, reason)));
      continue;
    }
    const inputs = [closeInput(series, pick - 1), closeInput(series, pick)];
    results.push(
      computed(id, series.dates[pick]!, inputs),
      computed(`${id}.change`, pickMove, inputs),
      ...sinceStats(series, `${id}.${since}`, 'day', min, pick, answers.at(pick), true, inputs),
    );
  }
  return results;
}
