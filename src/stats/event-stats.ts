/**
 * Summary statistics (n, mean, median, hit rate, min, max) of every prefix of a sample, built
 * once so that the summary of the first k values is O(1). An event study reads only prefixes:
 * the occurrences, and the baseline sessions, with a full window by an as-of date are always the
 * first k of them in date order, so a backfill never re-sorts a sample.
 */

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

/** First index of `sorted` holding a value ≥ `value`. */
function lowerBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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
