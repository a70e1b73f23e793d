/**
 * House style for numbers in copy (AP-style dates, one-decimal percentages, two-decimal index
 * levels with thousands separators). A fact's `display` is made here and nowhere else, so the
 * review step can parse a number back and compare it within the rounding it was printed with.
 */
import type { IsoDate } from '../types.ts';
import type { FactUnit, FactValue } from './types.ts';

const AP_MONTHS = [
  'Jan.',
  'Feb.',
  'March',
  'April',
  'May',
  'June',
  'July',
  'Aug.',
  'Sept.',
  'Oct.',
  'Nov.',
  'Dec.',
];

const level = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/**
 * A fraction as a percentage: one decimal ("8.5%"), two when one would show 0.0% for a real
 * move ("0.04%"). Negative values keep their sign ("-3.2%").
 */
export function formatPercent(fraction: number): string {
  const pct = withoutFloatNoise(fraction * 100);
  const decimals = Math.abs(pct) < 0.05 && pct !== 0 ? 2 : 1;
  const text = Math.abs(pct).toFixed(decimals);
  const isZero = Number(text) === 0;
  return `${pct < 0 && !isZero ? '-' : ''}${text}%`;
}

export function formatLevel(value: number): string {
  return level.format(withoutFloatNoise(value));
}

/**
 * 1.2345 × 100 is 123.44999999999999 in binary floating point; rounding that to one decimal
 * would print 123.4 where a reader doing the sum expects 123.5. Twelve significant digits drop
 * the noise and keep every digit a market number has.
 */
function withoutFloatNoise(value: number): number {
  return Number(value.toPrecision(12));
}

/** "Nov. 28" in the as-of year; "Nov. 8, 2021" in any other. */
export function formatDate(date: IsoDate, asOf?: IsoDate): string {
  const year = date.slice(0, 4);
  const month = AP_MONTHS[Number(date.slice(5, 7)) - 1];
  const day = Number(date.slice(8, 10));
  return asOf && asOf.slice(0, 4) === year ? `${month} ${day}` : `${month} ${day}, ${year}`;
}

export function formatFactValue(value: FactValue, unit: FactUnit, asOf?: IsoDate): string {
  if (value === null) return 'none';
  switch (unit) {
    case 'fraction':
      return formatPercent(value as number);
    case 'points':
    case 'level':
      return formatLevel(value as number);
    case 'count':
    case 'sessions':
      return whole.format(value as number);
    case 'year':
      return String(value);
    case 'percent_rate':
      return `${(value as number).toFixed(2)}%`;
    case 'basis_points':
      return trimZeros((value as number).toFixed(1));
    case 'percentage_points':
      return ((value as number) * 100).toFixed(1);
    case 'ratio':
      return (value as number).toFixed(2);
    case 'date':
      return formatDate(value as IsoDate, asOf);
    case 'bool':
      return value ? 'yes' : 'no';
  }
}

/** "12.0" → "12", "2.5" stays: basis points are whole in most copy. */
function trimZeros(text: string): string {
  return text.replace(/\.0$/, '').replace(/^-0$/, '0');
}

/** The display of the magnitude: "3.2%" for -0.032, for copy that carries the direction in a verb. */
export function formatMagnitude(value: number, unit: FactUnit): string {
  return formatFactValue(Math.abs(value), unit);
}
