/**
 * Words that carry a size, chosen by the size: every threshold the copy uses is in `SIZES`, so
 * an editor can see (and change) where "edges up" ends and "jumps" starts, where "above its
 * 200-day average" becomes "well above", and when small caps "left behind the rest of the
 * market". Sizes are fractions (0.015 = 1.5%) or percentage points of a gap, as noted.
 */

export const SIZES = {
  /** The day's move (fraction): "edge" below 0.25%, "jump" from 1.5%, "surge" from 3% (wire usage). */
  day: { edge: 0.0025, jump: 0.015, surge: 0.03 },
  /** Distance of the close from its 200-day average (fraction of the average). */
  sma200: { just: 0.01, well: 0.1 },
  /**
   * Lead over the S&P 500 in a period (percentage points): "led" from 0, "outpaced" from 1,
   * "left behind the rest of the market" from 3 points; a year-to-date gap is "wide" from 5.
   */
  lead: { clear: 1, large: 3 },
  ytdGap: { wide: 5, narrow: 1 },
} as const;

/** "just above", "above", "well above" (and "below" the same way) its 200-day average. */
export function smaPosition(close: number, average: number): string {
  const distance = (close - average) / average;
  const side = distance >= 0 ? 'above' : 'below';
  const size = Math.abs(distance);
  if (size >= SIZES.sma200.well) return `well ${side}`;
  if (size < SIZES.sma200.just) return `just ${side}`;
  return side;
}

/**
 * How small caps did against the S&P 500 over a period, from both returns (fractions): the
 * gap in points picks the words. `null` when they trailed.
 */
export function leadWords(small: number, large: number): string | null {
  const points = (small - large) * 100;
  if (points <= 0) return null;
  if (points >= SIZES.lead.large) return 'have left behind the rest of the market';
  if (points >= SIZES.lead.clear) return 'have pulled ahead of the rest of the market';
  return 'have edged ahead of the rest of the market';
}

/** The year-to-date gap (points, positive when small caps trail) as a reader weighs it. */
export function ytdGapSize(small: number, large: number): 'wide' | 'moderate' | 'narrow' {
  const points = Math.abs(large - small) * 100;
  if (points >= SIZES.ytdGap.wide) return 'wide';
  if (points < SIZES.ytdGap.narrow) return 'narrow';
  return 'moderate';
}
