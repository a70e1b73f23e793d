/**
 * The candidate stack behind every "since" answer (best-since.ts for calendar periods,
 * rolling-since.ts for rolling windows): which earlier entry is the most recent one at least as
 * large as x. An older candidate no greater than a newer one is popped when the newer arrives,
 * since the newer answers every query the older could and is more recent. Values then strictly
 * decrease up the stack, so the entries ≥ x are a bottom run and the answer is its top: a binary
 * search, O(log n) per query; pushes and pops are amortized O(1).
 */
export class RecentAtLeast {
  private readonly positions: Int32Array;
  private readonly values: Float64Array;
  private top = -1;

  constructor(capacity: number) {
    this.positions = new Int32Array(capacity);
    this.values = new Float64Array(capacity);
  }

  /** Adds the candidate `value` found at `position` (positions only grow). */
  push(position: number, value: number): void {
    const { values } = this;
    while (this.top >= 0 && values[this.top]! <= value) this.top--;
    this.top++;
    this.positions[this.top] = position;
    values[this.top] = value;
  }

  /** The position of the most recent candidate ≥ x, or -1. */
  lastAtLeast(x: number): number {
    const { values } = this;
    let lo = 0;
    let hi = this.top + 1; // entries below lo are ≥ x, entries from hi on are < x
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (values[mid]! >= x) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? this.positions[lo - 1]! : -1;
  }
}

/**
 * A "since" answer per session, built only when it pays off (as `LazyRanks` and `LazyPrefixes`
 * do): the stats for one as-of ask once, and a scan back from the session finds the answer in
 * O(distance), usually a few dozen sessions; a span asks at every session, so after
 * `DIRECT_LOOKUPS` the whole table is built once (O(n log n)) and each later answer is O(1).
 * Both give the same index: the scan visits exactly the candidates the stack would hold.
 */
export class LazySince {
  private readonly build: () => Int32Array;
  private readonly direct: (k: number) => number;
  private table: Int32Array | undefined;
  private lookups = 0;

  constructor(build: () => Int32Array, direct: (k: number) => number) {
    this.build = build;
    this.direct = direct;
  }

  at(k: number): number {
    if (!this.table && ++this.lookups > DIRECT_LOOKUPS) this.table = this.build();
    return this.table ? this.table[k]! : this.direct(k);
  }
}

export const DIRECT_LOOKUPS = 32;

/**
 * The most recent candidate at or before `from` with a value ≥ `x`, scanning back; -1 if none.
 * `valueAt` gives NaN for a position that is no candidate (no value, not a period's end).
 */
export function scanBackAtLeast(from: number, x: number, valueAt: (j: number) => number): number {
  if (Number.isNaN(x)) return -1;
  for (let j = from; j >= 0; j--) {
    const v = valueAt(j);
    // NaN fails the comparison: it neither asks nor answers.
    if (v >= x) return j;
  }
  return -1;
}
