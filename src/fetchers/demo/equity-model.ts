/**
 * The demo stock market as a factor model of daily log returns:
 *   SPX = market
 *   NDX = 1.22 · market + tech
 *   RUT = 1.13 · market + small caps
 *   RUJ = RUT − 0.08 · 1.13 · market + ½ value;  RUO = RUT + 0.08 · 1.13 · market − ½ value
 * The betas and factor volatilities are set so that, as in 1990-2025, the Russell 2000 moves
 * about 1.35% a day, the S&P 500 about 1.0-1.1%, and the two correlate at about 0.87; growth is the
 * higher-beta half of small caps. Factor volatility rises with the market's, so correlations
 * hold up in a panic instead of diluting the crash.
 */
import type { MarketSession } from './market-factor.ts';
import { MarketFactor } from './market-factor.ts';
import type { Random } from './random.ts';
import type { TrendingFactorParams } from './trending-factor.ts';
import { TrendingFactor } from './trending-factor.ts';

export type IndexKey = 'SPX' | 'NDX' | 'RUT' | 'RUJ' | 'RUO';
export const INDEX_KEYS: readonly IndexKey[] = ['SPX', 'NDX', 'RUT', 'RUJ', 'RUO'];

const RUT_BETA = 1.13;
const NDX_BETA = 1.22;
/** How much more market beta growth carries than value, on each side of the Russell 2000. */
const STYLE_BETA_TILT = 0.08 * RUT_BETA;

interface FactorSpec {
  drift: TrendingFactorParams;
  /** Daily volatility in a normal market. */
  volatility: number;
}

/**
 * Small caps lag their beta in price terms: the line is 1.13 × 7.8% − 1.6% ≈ 7.2% a year (the
 * real RUT 1990-2025: 7.4%); their spells of out- and underperformance last a couple of years.
 */
const SMALL_CAPS: FactorSpec = {
  drift: { trendPerYear: -0.016, pullPerYear: 0.1, driftSpreadPerYear: 0.04, driftHalfLifeYears: 2 },
  volatility: 0.0068,
};
/**
 * NDX trends at ~11.7% a year, 1.22 × 7.8% of it from beta (the real 1990-2025: 13%, a path a
 * lucky seed can take); tech spells last years (1999, 2022).
 */
const TECH: FactorSpec = {
  drift: { trendPerYear: 0.022, pullPerYear: 0.1, driftSpreadPerYear: 0.07, driftHalfLifeYears: 2 },
  volatility: 0.0085,
};
/** Value beats growth by ~0.5%/yr net of growth's beta tilt; the style cycle is slow. */
const VALUE: FactorSpec = {
  drift: { trendPerYear: 0.02, pullPerYear: 0.08, driftSpreadPerYear: 0.06, driftHalfLifeYears: 3 },
  volatility: 0.006,
};

class Factor {
  readonly #drift: TrendingFactor;
  readonly #volatility: number;

  constructor(spec: FactorSpec) {
    this.#drift = new TrendingFactor(spec.drift);
    this.#volatility = spec.volatility;
  }

  /** One session's log return, its volatility scaled by how stressed the market is. */
  step(stressScale: number, rng: Random): { logReturn: number; volatility: number } {
    const volatility = this.#volatility * stressScale;
    const logReturn = this.#drift.expected() + volatility * rng.normal();
    this.#drift.advance(logReturn, rng);
    return { logReturn, volatility };
  }
}

export interface EquitySession {
  logReturns: Record<IndexKey, number>;
  /** Conditional daily volatility of each index, for intraday ranges. */
  volatilities: Record<IndexKey, number>;
  market: MarketSession;
}

export class EquityModel {
  readonly #market = new MarketFactor();
  readonly #smallCaps = new Factor(SMALL_CAPS);
  readonly #tech = new Factor(TECH);
  readonly #value = new Factor(VALUE);

  step(rng: Random): EquitySession {
    const market = this.#market.step(rng);
    // Idiosyncratic factors are half as sensitive to market stress as the market itself.
    const factorScale = 0.5 + 0.5 * market.stress;
    const small = this.#smallCaps.step(factorScale, rng);
    const tech = this.#tech.step(factorScale, rng);
    const value = this.#value.step(factorScale, rng);

    const m = market.logReturn;
    const rut = RUT_BETA * m + small.logReturn;
    const logReturns: Record<IndexKey, number> = {
      SPX: m,
      NDX: NDX_BETA * m + tech.logReturn,
      RUT: rut,
      RUJ: rut - STYLE_BETA_TILT * m + 0.5 * value.logReturn,
      RUO: rut + STYLE_BETA_TILT * m - 0.5 * value.logReturn,
    };
    const v = market.volatility;
    const volatilities: Record<IndexKey, number> = {
      SPX: v,
      NDX: Math.hypot(NDX_BETA * v, tech.volatility),
      RUT: Math.hypot(RUT_BETA * v, small.volatility),
      RUJ: Math.hypot((RUT_BETA - STYLE_BETA_TILT) * v, small.volatility, 0.5 * value.volatility),
      RUO: Math.hypot((RUT_BETA + STYLE_BETA_TILT) * v, small.volatility, 0.5 * value.volatility),
    };
    return { logReturns, volatilities, market };
  }
}
