/**
 * Summary statistics (n, mean, median, hit rate, min, max) of every prefix of a sample, built
 * once so that the summary of the first k values is O(1). An event study reads only prefixes:
 * the occurrences, and the baseline sessions, with a full window by an as-of date are always the
 * first k of them in date order, so a backfill never re-sorts a sample.
 */

import { lowerBound } from './sorted.ts';

export interface SampleSummary {
  n: number;
  mean: number;
  /** The middle value; with an even count, the mean of the two middle values. */
  median: number;
  /** Share of the values strictly above zero: a flat outcome is no hit. */
  hitRate: number;
  min: number;
  max: number;
}

/** Index k of every array describes the first k values; k = 0 is the empty prefix. */
export interface PrefixSummaries {
  sum: Float64Array;
  positive: Int32Array;
  min: Float64Array;
  max: Float64Array;
  median: Float64Array;
}

/**
 * O(m log m): sums, counts, minima and maxima in one pass; medians with a Fenwick tree over the
 * values' ranks, which inserts a value and finds the r-th smallest so far in O(log m) each.
 */
export function summarizePrefixes(values: ArrayLike<number>): PrefixSummaries {
  const m = values.length;
  const p: PrefixSummaries = {
    sum: new Float64Array(m + 1),
    positive: new Int32Array(m + 1),
    min: new Float64Array(m + 1).fill(Number.NaN),
    max: new Float64Array(m + 1).fill(Number.NaN),
    median: new Float64Array(m + 1).fill(Number.NaN),
  };
  const sorted = Float64Array.from(values).sort();
  // Equal values share no rank: each insertion takes the next free slot of its value.
  const nextSlot = new Map<number, number>();
  const tree = new Int32Array(m + 1);
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < m; k++) {
    const value = values[k]!;
    p.sum[k + 1] = p.sum[k]! + value;
    p.positive[k + 1] = p.positive[k]! + (value > 0 ? 1 : 0);
    min = Math.min(min, value);
    max = Math.max(max, value);
    p.min[k + 1] = min;
    p.max[k + 1] = max;
    const slot = nextSlot.get(value) ?? lowerBound(sorted, value);
    nextSlot.set(value, slot + 1);
    for (let t = slot + 1; t <= m; t += t & -t) tree[t]!++;
    const count = k + 1;
    p.median[count] =
      (sorted[kthSmallest(tree, (count + 1) >> 1)]! + sorted[kthSmallest(tree, (count >> 1) + 1)]!) / 2;
  }
  return p;
}

/**
 * A sample whose prefix summaries are built only when they pay off. The stats for one as-of
 * read one prefix per horizon: computing it directly is O(k) (a quickselect for the median),
 * where building every prefix costs O(m log m). A backfill reads thousands, so after
 * `DIRECT_LOOKUPS` the full index is built once and every later lookup is O(1).
 */
export class LazyPrefixes {
  readonly values: Float64Array;
  private built: PrefixSummaries | undefined;
  private lookups = 0;

  /** `values` is kept, not copied: a Float64Array handed over belongs to the sample. */
  constructor(values: ArrayLike<number>) {
    this.values = values instanceof Float64Array ? values : Float64Array.from(values);
  }

  summary(k: number): SampleSummary | undefined {
    if (k <= 0) return undefined;
    if (this.built) return prefixSummary(this.built, k);
    if (++this.lookups > DIRECT_LOOKUPS) {
      this.built = summarizePrefixes(this.values);
      return prefixSummary(this.built, k);
    }
    return directSummary(this.values, k);
  }
}

export const DIRECT_LOOKUPS = 32;

/** The summary of the first `k` values by one pass and a quickselect: O(k). */
export function directSummary(values: Float64Array, k: number): SampleSummary {
  let sum = 0;
  let positive = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let t = 0; t < k; t++) {
    const v = values[t]!;
    sum += v;
    if (v > 0) positive++;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const work = values.slice(0, k);
  const upper = quickselect(work, k >> 1);
  // With an even count the lower middle is the largest value left of the upper middle.
  let median = upper;
  if (k % 2 === 0) {
    let lower = Number.NEGATIVE_INFINITY;
    for (let t = 0; t < k >> 1; t++) if (work[t]! > lower) lower = work[t]!;
    median = (lower + upper) / 2;
  }
  return { n: k, mean: sum / k, median, hitRate: positive / k, min, max };
}

/** The value that would stand at position `r` if `a` were sorted; partitions `a` around it. */
function quickselect(a: Float64Array, r: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (r <= j) hi = j;
    else if (r >= i) lo = i;
    else return a[r]!;
  }
  return a[r]!;
}

/** The summary of the first `k` values, or undefined for an empty prefix (no statistics). */
export function prefixSummary(p: PrefixSummaries, k: number): SampleSummary | undefined {
  if (k <= 0) return undefined;
  return {
    n: k,
    mean: p.sum[k]! / k,
    median: p.median[k]!,
    hitRate: p.positive[k]! / k,
    min: p.min[k]!,
    max: p.max[k]!,
  };
}

/** Sorted position (0-based) of the r-th smallest inserted value, by binary lifting over the tree. */
function kthSmallest(tree: Int32Array, r: number): number {
  let pos = 0;
  let remaining = r;
  for (let step = 1 << Math.floor(Math.log2(tree.length)); step > 0; step >>= 1) {
    const next = pos + step;
    if (next < tree.length && tree[next]! < remaining) {
      pos = next;
      remaining -= tree[next]!;
    }
  }
  return pos; // the 1-based slot is pos + 1
}
