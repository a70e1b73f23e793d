/**
 * The market factor: the daily log return of the S&P 500 and the common part of every index.
 * Volatility clusters as in an EGARCH(1,1) (a down day raises tomorrow's volatility more than an
 * up day), shocks are Student-t (crash days happen), and now and then a sell-off episode pushes
 * the market down for weeks, often followed by a sharp rebound: the shapes behind "worst week
 * since", long record droughts, and the three-day surges that end a sell-off.
 */
import type { Random } from './random.ts';
import { TrendingFactor } from './trending-factor.ts';

/**
 * The level the S&P 500's daily volatility clusters around. With clusters and sell-offs, realized
 * volatility over 36 years lands near 1.0% (0.94-1.15% across seeds; the real index: 1.14%).
 */
const TYPICAL_VOL = 0.0105;
const TYPICAL_LOG_VARIANCE = Math.log(TYPICAL_VOL ** 2);
/**
 * EGARCH(1,1) on the log variance, weights in the range fitted to the S&P 500: shocks of either
 * sign raise volatility (SIZE), down days more (LEVERAGE), and volatility halves its distance to
 * normal in ~35 sessions. In logs, a run of big shocks cannot feed on itself and explode the
 * way a capped GARCH(1,1) variance can (a 2008 that becomes a 1929).
 */
const PERSISTENCE = 0.98;
const SIZE = 0.12;
const LEVERAGE = -0.09;
/** E|z| for a normal; the small difference for the Student-t is absorbed by TYPICAL_VOL. */
const MEAN_ABS_SHOCK = Math.sqrt(2 / Math.PI);
/** Conditional volatility peaked near 5% a day in 2008 and 2020. */
const MAX_LOG_VARIANCE = Math.log(0.05 ** 2);
const SHOCK_DOF = 6;

/** About one sell-off every six years. */
const SELLOFF_HAZARD = 1 / 1500;
/** No new sell-off in a market already this far (in log terms) below its long-run line. */
const SELLOFF_MAX_GAP = -0.35;
const REBOUND_CHANCE = 0.7;

interface Episode {
  sessionsLeft: number;
  /** Extra log return per session. */
  drift: number;
  kind: 'selloff' | 'rebound';
}

export interface MarketSession {
  /** Close-to-close log return. */
  logReturn: number;
  /** Conditional daily volatility this session. */
  volatility: number;
  /** Volatility relative to its long-run level: about 1 in a normal market, 3 or more in a panic. */
  stress: number;
}

export class MarketFactor {
  readonly #trend = new TrendingFactor({
    // The real S&P 500 gained ~8.2% a year (log) over 1990-2025; a slightly lower line, because
    // the pull back after crashes lifts the median path above it (S&P 500 median ~6,800 in 2025).
    trendPerYear: 0.078,
    pullPerYear: 0.12,
    driftSpreadPerYear: 0.03,
    driftHalfLifeYears: 1.5,
  });
  #logVariance = TYPICAL_LOG_VARIANCE;
  /** Yesterday's standardized shock. */
  #lastShock = 0;
  #episode: Episode | null = null;

  step(rng: Random): MarketSession {
    const z = this.#lastShock;
    this.#logVariance = Math.min(
      MAX_LOG_VARIANCE,
      TYPICAL_LOG_VARIANCE +
        PERSISTENCE * (this.#logVariance - TYPICAL_LOG_VARIANCE) +
        SIZE * (Math.abs(z) - MEAN_ABS_SHOCK) +
        LEVERAGE * z,
    );
    const episodeDrift = this.#episodeDrift(rng);
    const volatility = Math.exp(this.#logVariance / 2);
    this.#lastShock = rng.studentT(SHOCK_DOF);
    const logReturn = this.#trend.expected() + episodeDrift + volatility * this.#lastShock;
    this.#trend.advance(logReturn, rng);
    return { logReturn, volatility, stress: volatility / TYPICAL_VOL };
  }

  /** Starts, runs and ends sell-off and rebound episodes; returns this session's extra drift. */
  #episodeDrift(rng: Random): number {
    const onset = rng.uniform();
    const episode = this.#episode;
    if (episode === null) {
      // Without the gap check, a sell-off in the middle of a bear market turns 2008 into 1929.
      if (onset >= SELLOFF_HAZARD || this.#trend.gap() < SELLOFF_MAX_GAP) return 0;
      // A sell-off starts in a market that is already nervous: volatility jumps at once.
      this.#logVariance = Math.max(this.#logVariance, TYPICAL_LOG_VARIANCE + Math.log(3));
      this.#episode = {
        kind: 'selloff',
        sessionsLeft: rng.integer(10, 30),
        drift: -0.003 - 0.004 * rng.uniform(),
      };
      return this.#episode.drift;
    }
    episode.sessionsLeft -= 1;
    if (episode.sessionsLeft > 0) return episode.drift;
    this.#episode =
      episode.kind === 'selloff' && rng.uniform() < REBOUND_CHANCE
        ? { kind: 'rebound', sessionsLeft: rng.integer(10, 30), drift: 0.003 + 0.003 * rng.uniform() }
        : null;
    return this.#episode?.drift ?? 0;
  }
}
