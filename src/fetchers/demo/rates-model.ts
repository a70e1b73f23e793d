/**
 * Demo interest rates, in percent. The central bank has a rate it would like to be at: a slowly
 * drifting neutral rate, plus a business cycle, minus a response to stock market drawdowns (bear
 * markets bring cuts, as in 2001, 2008 and 2020). At each meeting it steps its 25-bp-wide target
 * range toward that rate in multiples of 25 bp, and cuts between meetings on a crash day.
 * Treasury yields price the expected path of the policy rate (expectations hypothesis, in
 * reduced form: the 2-year mostly the next two years of policy, the 10-year mostly the neutral
 * rate) plus term premia; the effective fed funds rate trades a few bp above the range floor.
 */
import type { Random } from './random.ts';
import { SESSIONS_PER_YEAR } from './trending-factor.ts';

/** Start near January 1990: target 8.25%, 2-year 7.9%, 10-year 7.9%. */
const INITIAL_TARGET_UPPER = 8.25;
const STEP = 0.25;
/** A 30% market drawdown lowers the desired policy rate by 3 points. */
const DRAWDOWN_SENSITIVITY = 10;
/**
 * The bank moves only when it is at least this far from where it wants to be, and it needs a
 * bigger gap to turn around than to keep going: policy comes in cycles of moves, not zigzags.
 */
const CONTINUE_THRESHOLD = 0.35;
const REVERSE_THRESHOLD = 1;
/** A crash day (S&P 500 down 4% or more) that triggers a cut between meetings when far behind. */
const CRASH_DAY = -0.04;

/** A mean-reverting (Ornstein-Uhlenbeck) process stepped once per session. */
class MeanReverting {
  #value: number;
  readonly #mean: number;
  readonly #persistence: number;
  readonly #shock: number;

  /** `spread` is the stationary standard deviation; `halfLifeSessions` how fast a gap halves. */
  constructor(initial: number, mean: number, spread: number, halfLifeSessions: number) {
    this.#value = initial;
    this.#mean = mean;
    this.#persistence = 0.5 ** (1 / halfLifeSessions);
    this.#shock = spread * Math.sqrt(1 - this.#persistence ** 2);
  }

  step(rng: Random): number {
    this.#value = this.#mean + this.#persistence * (this.#value - this.#mean) + this.#shock * rng.normal();
    return this.#value;
  }
}

/** Keeps yields positive without a flat floor: identity above 0.4%, tending to 0.05% below. */
function softFloor(yieldPercent: number): number {
  const knee = 0.4;
  const floor = 0.05;
  if (yieldPercent >= knee) return yieldPercent;
  return floor + (knee - floor) * Math.exp((yieldPercent - knee) / (knee - floor));
}

export interface RatesInput {
  /** A policy meeting falls on this session. */
  meeting: boolean;
  /** The S&P 500's fall from its highest close so far, as a fraction (0.2 = 20% below). */
  marketDrawdown: number;
  /** The S&P 500's log return this session. */
  marketLogReturn: number;
}

export interface RatesSession {
  targetLower: number;
  targetUpper: number;
  effectiveFedFunds: number;
  twoYear: number;
  tenYear: number;
}

export class RatesModel {
  // Neutral rate: from ~6% in 1990 toward ~2.25%, over decades.
  readonly #neutral = new MeanReverting(6, 2.25, 0.8, 10 * SESSIONS_PER_YEAR);
  // Business cycle: tight in 1990, a swing of a point or two either way over a few years.
  readonly #cycle = new MeanReverting(2.5, 0, 1.6, 2.5 * SESSIONS_PER_YEAR);
  readonly #twoYearNoise = new MeanReverting(0, 0, 0.2, 40);
  readonly #termPremium = new MeanReverting(1.3, 0.9, 0.5, 3 * SESSIONS_PER_YEAR);
  readonly #tenYearNoise = new MeanReverting(0, 0, 0.25, 60);
  // The effective rate sits ~8 bp above the floor of the range, wobbling by a bp or two.
  readonly #fundsSpread = new MeanReverting(0.08, 0.08, 0.02, 5);
  #targetUpper = INITIAL_TARGET_UPPER;
  /** Sign of the last move: −1 cut, +1 hike, 0 none yet. */
  #lastDirection = 0;

  step(input: RatesInput, rng: Random): RatesSession {
    const neutral = this.#neutral.step(rng);
    const desired = neutral + this.#cycle.step(rng) - DRAWDOWN_SENSITIVITY * input.marketDrawdown;
    this.#decide(desired, input);
    const targetLower = this.#targetUpper - STEP;
    const midpoint = targetLower + STEP / 2;

    const twoYear = neutral + 0.63 * (desired - neutral) + 0.15 * (midpoint - desired) + 0.15;
    const tenYear = neutral + 0.2 * (desired - neutral) + this.#termPremium.step(rng);
    const spread = Math.min(STEP - 0.02, Math.max(0.02, this.#fundsSpread.step(rng)));
    return {
      targetLower,
      targetUpper: this.#targetUpper,
      effectiveFedFunds: targetLower + spread,
      twoYear: softFloor(twoYear + this.#twoYearNoise.step(rng)),
      tenYear: softFloor(tenYear + this.#tenYearNoise.step(rng)),
    };
  }

  /** Moves the target range toward the desired rate, at a meeting or in an emergency. */
  #decide(desired: number, { meeting, marketLogReturn }: RatesInput): void {
    const gap = desired - (this.#targetUpper - STEP / 2);
    const threshold = Math.sign(gap) === this.#lastDirection ? CONTINUE_THRESHOLD : REVERSE_THRESHOLD;
    let move = 0;
    if (meeting && Math.abs(gap) >= threshold) {
      // 25 bp is the norm; the bank moves faster only when far behind (1994, 2008, 2022).
      const steps = Math.abs(gap) < 1 ? 1 : Math.abs(gap) < 2 ? 2 : 3;
      move = Math.sign(gap) * steps * STEP;
    } else if (!meeting && marketLogReturn <= CRASH_DAY && gap <= -1) {
      move = -2 * STEP;
    }
    // The floor of the range never goes below zero.
    const upper = Math.max(STEP, this.#targetUpper + move);
    if (upper !== this.#targetUpper) this.#lastDirection = Math.sign(upper - this.#targetUpper);
    this.#targetUpper = upper;
  }
}
