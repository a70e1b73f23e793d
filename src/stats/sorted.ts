/** Binary search over ascending numbers, shared by the order-statistics code of the stats engine. */

/** First index of `sorted` holding a value ≥ `x` (its length when none does). */
export function lowerBound(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
