/**
 * The demo IWM: an ETF holding the Russell 2000, so it trades at about a tenth of the index,
 * loses its expense ratio to the index over time, and strays from net asset value by a few
 * basis points for a day or two (premium/discount). Volume grows as ETFs caught on and surges
 * when the market is stressed, the way real IWM volume does.
 */

import { toDayNumber } from '../../calendar/dates.ts';
import type { DailyBar, IsoDate } from '../../types.ts';
import type { PricePath } from './intraday.ts';
import { roundCents } from './intraday.ts';
import type { Random } from './random.ts';
import { SESSIONS_PER_YEAR } from './trending-factor.ts';

const SHARE_OF_INDEX = 0.1;
const EXPENSE_RATIO = 0.002;
/** Premium/discount: AR(1) with a 2-session half-life and a 6 bp stationary spread. */
const PREMIUM_PERSISTENCE = 0.5 ** (1 / 2);
const PREMIUM_SHOCK = 0.0006 * Math.sqrt(1 - PREMIUM_PERSISTENCE ** 2);

/** Adoption curve of daily share volume: half of the mature level in 2004, ~30 million later. */
const MATURE_VOLUME = 30e6;
const ADOPTION_MIDPOINT_DAY = toDayNumber('2004-01-01');
const ADOPTION_SPEED_DAYS = 2 * 365.25;

export class EtfTracker {
  #sessions = 0;
  #premium = 0;

  step(date: IsoDate, index: PricePath, marketStress: number, rng: Random): DailyBar {
    this.#premium = PREMIUM_PERSISTENCE * this.#premium + PREMIUM_SHOCK * rng.normal();
    const years = this.#sessions / SESSIONS_PER_YEAR;
    this.#sessions += 1;
    const ratio = SHARE_OF_INDEX * Math.exp(this.#premium - EXPENSE_RATIO * years);
    const adoption = 1 / (1 + Math.exp((ADOPTION_MIDPOINT_DAY - toDayNumber(date)) / ADOPTION_SPEED_DAYS));
    const volume = MATURE_VOLUME * adoption * marketStress ** 1.2 * Math.exp(0.25 * rng.normal() - 0.03);
    // Scaling the index's path by one factor keeps high ≥ open, close ≥ low.
    return {
      date,
      open: roundCents(index.open * ratio),
      high: roundCents(index.high * ratio),
      low: roundCents(index.low * ratio),
      close: roundCents(index.close * ratio),
      volume: Math.max(1, Math.round(volume)),
    };
  }
}
