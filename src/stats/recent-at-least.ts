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
