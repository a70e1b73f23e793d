/**
 * Open, high and low around a close-to-close move. The price path is Brownian within the session:
 * the open splits the move at the overnight share of the day's variance (a Brownian bridge), and
 * the high and low are drawn from the exact distribution of a Brownian path's maximum and minimum
 * given where it starts and ends, so ranges widen with volatility the way real ones do.
 */
import type { Random } from './random.ts';

/** Share of a day's variance that arrives overnight, between the close and the next open. */
const OVERNIGHT_VARIANCE_SHARE = 0.45;

export interface PricePath {
  open: number;
  high: number;
  low: number;
  close: number;
}

export function sessionPath(
  prevClose: number,
  logReturn: number,
  volatility: number,
  rng: Random,
): PricePath {
  const w = OVERNIGHT_VARIANCE_SHARE;
  const overnight = w * logReturn + Math.sqrt(w * (1 - w)) * volatility * rng.normal();
  const intraday = logReturn - overnight;
  const intradayVariance = (1 - w) * volatility ** 2;
  // For Brownian motion from 0 to x with variance v, P(max ≥ m) = exp(−2m(m − x)/v) for
  // m ≥ max(0, x); inverting at a uniform draw gives the maximum, and the minimum by symmetry.
  const top = (intraday + Math.sqrt(intraday ** 2 - 2 * intradayVariance * Math.log(rng.uniform()))) / 2;
  const bottom = (intraday - Math.sqrt(intraday ** 2 - 2 * intradayVariance * Math.log(rng.uniform()))) / 2;
  const open = prevClose * Math.exp(overnight);
  const close = prevClose * Math.exp(logReturn);
  // max/min guard the last bit of floating-point error in the formulas above.
  return {
    open,
    high: Math.max(open * Math.exp(top), open, close),
    low: Math.min(open * Math.exp(bottom), open, close),
    close,
  };
}

/** Published closes and yields carry two decimals. */
export function roundCents(value: number): number {
  return Math.round(value * 100) / 100;
}
