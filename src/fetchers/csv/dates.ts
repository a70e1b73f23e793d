/**
 * The date cell of a daily row. Accepted, and why:
 *
 * - `YYYY-MM-DD`: Yahoo, Stooq, FRED, IBKR exports and every file in the real-data folder.
 * - `YYYYMMDD`: IBKR's and Stooq's older formats.
 * - `YYYY-MM-DD HH:MM[:SS[.fff]][offset]` and the `T` form, only at midnight: yfinance writes daily
 *   bars as `2024-01-02 00:00:00-05:00`, and the date part is then the session date. Any other
 *   time of day means intraday data, which this importer does not read.
 *
 * Rejected: slash dates (`3/4/2024`). Month/day and day/month orders cannot be told apart on most
 * days, and a silently swapped date is worse than asking for an ISO re-export.
 * Years outside 1800-2999 are rejected too: they are sentinels (`0001-01-01`, `9999-12-31`).
 */
import { echo } from '../../echo-safe.ts';
import type { IsoDate } from '../../types.ts';

export type CsvDate = { ok: true; date: IsoDate } | { ok: false; reason: string };

const MIDNIGHT = /^[ T]00:00(?::00(?:\.0+)?)?(?:Z|[+-]\d\d:?\d\d)?$/;
const TIME_OF_DAY = /^[ T]\d\d:\d\d/;
const FIRST_YEAR = 1800;
const LAST_YEAR = 2999;

export function parseCsvDate(raw: string): CsvDate {
  const text = raw.trim();
  if (text.length >= 10 && text[4] === '-' && text[7] === '-') {
    const y = digits(text, 0, 4);
    const m = digits(text, 5, 2);
    const d = digits(text, 8, 2);
    if (y < 0 || m < 0 || d < 0) return notADate(text);
    const invalid = calendarProblem(y, m, d, text.slice(0, 10));
    if (invalid) return { ok: false, reason: invalid };
    if (text.length === 10) return { ok: true, date: text };
    const time = text.slice(10);
    if (MIDNIGHT.test(time)) return { ok: true, date: text.slice(0, 10) };
    if (!TIME_OF_DAY.test(time)) return notADate(text);
    return {
      ok: false,
      reason: `it has a time of day (${echo(time.trim())}); only daily bars, dated or stamped at midnight, can be imported`,
    };
  }
  if (text.length === 8) {
    const y = digits(text, 0, 4);
    const m = digits(text, 4, 2);
    const d = digits(text, 6, 2);
    if (y >= 0 && m >= 0 && d >= 0) {
      const invalid = calendarProblem(y, m, d, text);
      if (invalid) return { ok: false, reason: invalid };
      return { ok: true, date: `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}` };
    }
  }
  if (text.includes('/')) {
    return { ok: false, reason: 'slash dates are ambiguous (month/day or day/month)' };
  }
  return notADate(text);
}

function notADate(text: string): CsvDate {
  return { ok: false, reason: text === '' ? 'it is blank' : 'it is not a date' };
}

/** Why y-m-d is not an accepted day, or null when it is a real day in the accepted range. */
function calendarProblem(y: number, m: number, d: number, text: string): string | null {
  if (y < FIRST_YEAR || y > LAST_YEAR) return `year ${y} is outside ${FIRST_YEAR}-${LAST_YEAR}`;
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return `${text} is not a day of the calendar`;
  return null;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The value of `length` ASCII digits at `start`, or -1 if any is not a digit. */
function digits(text: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return value;
}
