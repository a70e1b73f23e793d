/**
 * The drift of one return factor of the demo market (the market itself, small caps vs large,
 * tech vs the market, value vs growth). Real factors do three things at once, and a plain
 * random walk with drift does none of the last two:
 * - they grow at a long-run rate (which is what takes the S&P 500 from 350 to thousands);
 * - they go through multi-year spells of out- or underperformance (a wandering drift);
 * - they do not wander off forever (valuations pull them back toward the long-run line), which
 *   keeps a 36-year history within the levels a reader would believe, whatever the seed.
 */
import type { Random } from './random.ts';

export const SESSIONS_PER_YEAR = 252;
/** The log gap at which the pull toward the trend line is twice its linear strength. */
const STRETCH_SCALE = 0.4;

export interface TrendingFactorParams {
  /** Long-run growth of the factor's log level, per year (0.08 = about 8% a year). */
  trendPerYear: number;
  /** Error-correction speed toward the trend line, per year: 0.1 closes a 10% gap at ~1% a year. */
  pullPerYear: number;
  /** Standard deviation of the wandering drift, per year. */
  driftSpreadPerYear: number;
  /** How long a spell of out- or underperformance takes to half fade, in years. */
  driftHalfLifeYears: number;
}

export class TrendingFactor {
  readonly #trend: number;
  readonly #pull: number;
  readonly #driftPersistence: number;
  readonly #driftShock: number;
  /** Log level minus the trend line. */
  #gap = 0;
  /** The wandering drift, per session. */
  #drift = 0;

  constructor(params: TrendingFactorParams) {
    this.#trend = params.trendPerYear / SESSIONS_PER_YEAR;
    this.#pull = params.pullPerYear / SESSIONS_PER_YEAR;
    // An AR(1) per session whose stationary standard deviation is the requested spread.
    this.#driftPersistence = 0.5 ** (1 / (params.driftHalfLifeYears * SESSIONS_PER_YEAR));
    const spread = params.driftSpreadPerYear / SESSIONS_PER_YEAR;
    this.#driftShock = spread * Math.sqrt(1 - this.#driftPersistence ** 2);
  }

  /**
   * Expected log return of the next session. The pull grows with the cube of the gap: a 10% gap
   * barely matters, a 60% gap (a market down by half from its long-run line) pulls several times
   * harder, so a string of bad draws makes a deep bear market rather than a wipe-out.
   */
  expected(): number {
    const stretch = this.#gap / STRETCH_SCALE;
    return this.#trend + this.#drift - this.#pull * this.#gap * (1 + stretch * stretch);
  }

  /** Log level above (+) or below (−) the long-run line. */
  gap(): number {
    return this.#gap;
  }

  /** Books the session's realized log return and moves the wandering drift on. */
  advance(realized: number, rng: Random): void {
    this.#gap += realized - this.#trend;
    this.#drift = this.#driftPersistence * this.#drift + this.#driftShock * rng.normal();
  }
}
