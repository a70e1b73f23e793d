/**
 * How big a move is next to every earlier move of the same kind: the share of earlier one-day
 * (or five-session) moves whose size is smaller than today's. It is what makes a 2% day news
 * in a calm year and noise in 2008, and it is the "size relative to history" that drafting
 * scores angles with.
 *
 * One pass with a Fenwick tree over the ranks of the move sizes: O(n log n) to index a series,
 * then O(1) per session, so a backfill stays n log n.
 */
import type { Series } from '../types.ts';
import { computed, missing, rangeInput } from './results.ts';
import type { StatResult } from './types.ts';

/** Fewer earlier moves than this and a rank says little; the stat is missing instead. */
export const MIN_HISTORY_FOR_RANK = 250;

export interface MoveRanks {
  /** Share of earlier 1-session moves smaller in size than the move at i; NaN when too early. */
  day: Float64Array;
  /** The same for 5-session moves. */
  fiveDay: Float64Array;
}

export function indexMoveRanks(closes: readonly number[]): MoveRanks {
  return { day: rankOfSizes(moveSizes(closes, 1)), fiveDay: rankOfSizes(moveSizes(closes, 5)) };
}

/** |close[i] / close[i−lag] − 1|, NaN where there is no earlier close. */
function moveSizes(closes: readonly number[], lag: number): Float64Array {
  const sizes = new Float64Array(closes.length).fill(Number.NaN);
  for (let i = lag; i < closes.length; i++) sizes[i] = Math.abs(closes[i]! / closes[i - lag]! - 1);
  return sizes;
}

/**
 * For each i: (number of earlier defined sizes strictly smaller than size[i]) ÷ (number of
 * earlier defined sizes), or NaN with fewer than MIN_HISTORY_FOR_RANK earlier sizes.
 */
export function rankOfSizes(sizes: Float64Array): Float64Array {
  const n = sizes.length;
  const defined = [...sizes.keys()].filter((i) => !Number.isNaN(sizes[i]!));
  const sorted = Float64Array.from(defined.map((i) => sizes[i]!)).sort();
  const tree = new Int32Array(sorted.length + 1);
  const add = (pos: number) => {
    for (let k = pos + 1; k <= sorted.length; k += k & -k) tree[k]! += 1;
  };
  const countBelow = (pos: number) => {
    let total = 0;
    for (let k = pos; k > 0; k -= k & -k) total += tree[k]!;
    return total;
  };
  const ranks = new Float64Array(n).fill(Number.NaN);
  let seen = 0;
  for (const i of defined) {
    const size = sizes[i]!;
    const below = lowerBound(sorted, size);
    if (seen >= MIN_HISTORY_FOR_RANK) ranks[i] = countBelow(below) / seen;
    add(below);
    seen++;
  }
  return ranks;
}

/** First index whose value is ≥ x. */
function lowerBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function moveRankStatsAt(series: Series, ranks: MoveRanks, i: number): StatResult[] {
  const stat = (id: string, values: Float64Array, lag: number) => {
    const rank = values[i]!;
    if (Number.isNaN(rank)) {
      return missing(
        id,
        `needs ${MIN_HISTORY_FOR_RANK} earlier ${lag}-session moves of ${series.symbol} before ${series.dates[i]}`,
      );
    }
    return computed(id, rank, [rangeInput(series, 0, i)]);
  };
  return [stat('change.1d.rank', ranks.day, 1), stat('return.5d.rank', ranks.fiveDay, 5)];
}
