/**
 * How big a move is next to every earlier move of the same kind: the share of earlier one-day
 * (or five-session) moves whose size is smaller than today's. It is what makes a 2% day news
 * in a calm year and noise in 2008, and it is the "size relative to history" that drafting
 * scores angles with.
 *
 * For a backfill, one pass with a Fenwick tree over the ranks of the move sizes: O(n log n),
 * then O(1) per session; a single session is a direct O(n) count (see `LazyRanks`).
 */

import type { Series } from '../types.ts';
import { computed, missing, rangeInput } from './results.ts';
import { lowerBound } from './sorted.ts';
import type { StatResult } from './types.ts';

/** Fewer earlier moves than this and a rank says little; the stat is missing instead. */
export const MIN_HISTORY_FOR_RANK = 250;

/**
 * The ranks of one kind of move, built only when they pay off: the stats for one as-of need
 * one rank, a direct count in O(n); a backfill needs every rank, so after `DIRECT_LOOKUPS`
 * the Fenwick pass runs once and each later lookup is O(1).
 */
export class LazyRanks {
  private readonly sizes: Float64Array;
  private ranks: Float64Array | undefined;
  private lookups = 0;

  constructor(sizes: Float64Array) {
    this.sizes = sizes;
  }

  /** Share of earlier defined sizes strictly smaller than the size at i; NaN when too early. */
  at(i: number): number {
    if (!this.ranks && ++this.lookups > DIRECT_LOOKUPS) this.ranks = rankOfSizes(this.sizes);
    if (this.ranks) return this.ranks[i]!;
    const size = this.sizes[i]!;
    if (Number.isNaN(size)) return Number.NaN;
    let seen = 0;
    let below = 0;
    for (let k = 0; k < i; k++) {
      const earlier = this.sizes[k]!;
      if (Number.isNaN(earlier)) continue;
      seen++;
      if (earlier < size) below++;
    }
    return seen >= MIN_HISTORY_FOR_RANK ? below / seen : Number.NaN;
  }
}

export const DIRECT_LOOKUPS = 32;

export interface MoveRanks {
  /** 1-session moves. */
  day: LazyRanks;
  /** 5-session moves. */
  fiveDay: LazyRanks;
}

export function indexMoveRanks(closes: readonly number[]): MoveRanks {
  return { day: new LazyRanks(moveSizes(closes, 1)), fiveDay: new LazyRanks(moveSizes(closes, 5)) };
}

/** |close[i] / close[i−lag] − 1|, NaN where there is no earlier close. */
export function moveSizes(closes: readonly number[], lag: number): Float64Array {
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

export function moveRankStatsAt(series: Series, ranks: MoveRanks, i: number): StatResult[] {
  const stat = (id: string, values: LazyRanks, lag: number) => {
    const rank = values.at(i);
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
