/**
 * The probability tree of the CME FedWatch method: each meeting's expected change, in 25 bp
 * steps, split between the two whole numbers of steps around it; the distribution after meeting
 * k is the convolution of the per-meeting splits ("the joint probabilities are simple
 * multiplications of the individual hike size probabilities", CME's worked example of Sept. 12,
 * 2022); each number of steps maps to a target range shifted from the current one.
 */

/** The size of one move the method assumes: 25 basis points, in percent. */
export const STEP = 0.25;

/**
 * Expected changes that are a whole number of steps up to float noise (3.0000000000000004)
 * are that whole number: otherwise noise would print as a 0.0% chance of one more move.
 */
const WHOLE_STEP_TOLERANCE = 1e-9;

/** Probability of each whole number of 25 bp steps (negative = cuts), ascending, none zero. */
export type StepDistribution = Array<{ steps: number; probability: number }>;

/**
 * One meeting's outcomes from its expected change in steps: 3.045 → 3 steps (95.5%) or 4
 * (4.5%); −0.36 → 0 steps (64%) or −1 (36%). The split keeps the mean: 3·0.955 + 4·0.045 = 3.045.
 */
export function meetingSteps(expectedSteps: number): StepDistribution {
  if (!Number.isFinite(expectedSteps)) throw new RangeError(`expected steps ${expectedSteps} is not finite`);
  const nearest = Math.round(expectedSteps);
  if (Math.abs(expectedSteps - nearest) < WHOLE_STEP_TOLERANCE) return [{ steps: nearest, probability: 1 }];
  const lower = Math.floor(expectedSteps);
  const upperShare = expectedSteps - lower;
  return [
    { steps: lower, probability: 1 - upperShare },
    { steps: lower + 1, probability: upperShare },
  ];
}

/** The distribution of the sum of two independent step counts. */
export function convolve(a: StepDistribution, b: StepDistribution): StepDistribution {
  const sums = new Map<number, number>();
  for (const x of a) {
    for (const y of b)
      sums.set(x.steps + y.steps, (sums.get(x.steps + y.steps) ?? 0) + x.probability * y.probability);
  }
  return [...sums]
    .map(([steps, probability]) => ({ steps, probability }))
    .filter((s) => s.probability > 0)
    .sort((p, q) => p.steps - q.steps);
}

export interface TargetRange {
  /** Lower limit, percent (FRED DFEDTARL). */
  lower: number;
  /** Upper limit, percent (FRED DFEDTARU). */
  upper: number;
}

export interface RangeProbability extends TargetRange {
  /** Cumulative steps from the current range. */
  steps: number;
  probability: number;
}

/**
 * Target ranges after a meeting. CME's method assumes the rate is bounded below by zero: from a
 * range starting at or above zero, outcomes below zero fold into the lowest range at zero.
 */
export function targetRanges(distribution: StepDistribution, current: TargetRange): RangeProbability[] {
  const floorSteps = current.lower >= 0 ? -Math.round(current.lower / STEP) : Number.NEGATIVE_INFINITY;
  const folded = new Map<number, number>();
  for (const { steps, probability } of distribution) {
    const s = Math.max(steps, floorSteps);
    folded.set(s, (folded.get(s) ?? 0) + probability);
  }
  return [...folded]
    .sort((p, q) => p[0] - q[0])
    .map(([steps, probability]) => ({
      steps,
      lower: shift(current.lower, steps),
      upper: shift(current.upper, steps),
      probability,
    }));
}

/** `rate + steps × 0.25`, rounded to a basis point so that ranges print as 3.75, not 3.7500000000000004. */
function shift(rate: number, steps: number): number {
  return Math.round((rate + steps * STEP) * 100) / 100;
}

/** Probability of ending below (`cut`), inside (`unchanged`) or above (`hike`) the current range. */
export function directionProbabilities(ranges: readonly RangeProbability[]): {
  cut: number;
  unchanged: number;
  hike: number;
} {
  let cut = 0;
  let unchanged = 0;
  let hike = 0;
  for (const r of ranges) {
    if (r.steps < 0) cut += r.probability;
    else if (r.steps > 0) hike += r.probability;
    else unchanged += r.probability;
  }
  return { cut, unchanged, hike };
}
