/**
 * Calendar periods of a session series: for every session, the last session before its
 * calendar week, month and year. Each is "the session before the first session of my period",
 * so one pass finds them all, and holidays need no special case: when Good Friday is closed,
 * the prior week simply ends on Thursday.
 */
import { addDays, weekIndexOf, weekKey } from '../calendar/dates.ts';
import type { IsoDate, Series } from '../types.ts';
import { needsCloseBefore } from './results.ts';

export interface PeriodIndex {
  /** Index of the last session before the session's calendar week (Monday to Sunday), or -1. */
  priorWeekEnd: Int32Array;
  /** Index of the last session before the session's calendar month, or -1. */
  priorMonthEnd: Int32Array;
  /** Index of the last session before the session's calendar year, or -1. */
  priorYearEnd: Int32Array;
}

export type PeriodKind = 'week' | 'month' | 'year';

export function indexPeriods(dates: readonly IsoDate[]): PeriodIndex {
  const n = dates.length;
  const priorWeekEnd = new Int32Array(n);
  const priorMonthEnd = new Int32Array(n);
  const priorYearEnd = new Int32Array(n);
  let week = Number.NaN;
  let weekStart = 0;
  let monthStart = 0;
  let yearStart = 0;
  for (let i = 0; i < n; i++) {
    const date = dates[i]!;
    const thisWeek = weekIndexOf(date);
    if (thisWeek !== week) {
      week = thisWeek;
      weekStart = i;
    }
    if (i > 0) {
      const prev = dates[i - 1]!;
      // `YYYY-MM` is a prefix of the date: comparing 7 (or 4) characters finds a new month (year).
      if (prev.slice(0, 7) !== date.slice(0, 7)) monthStart = i;
      if (prev.slice(0, 4) !== date.slice(0, 4)) yearStart = i;
    }
    priorWeekEnd[i] = weekStart - 1;
    priorMonthEnd[i] = monthStart - 1;
    priorYearEnd[i] = yearStart - 1;
  }
  return { priorWeekEnd, priorMonthEnd, priorYearEnd };
}

/**
 * Index of the last close of the calendar period before session `i`'s (the base of
 * `return.week`, `.mtd`, `.ytd`), or why there is none: history starts inside the period, or
 * the prior period has no session at all (a gap in the data, which no base from an older
 * period may paper over).
 */
export function priorPeriodClose(
  series: Series,
  periods: PeriodIndex,
  kind: PeriodKind,
  i: number,
): number | string {
  const date = series.dates[i]!;
  const base = (
    kind === 'week' ? periods.priorWeekEnd : kind === 'month' ? periods.priorMonthEnd : periods.priorYearEnd
  )[i]!;
  if (base >= 0 && PERIOD_NUMBER[kind](series.dates[base]!) === PERIOD_NUMBER[kind](date) - 1) return base;
  // Only a missing base needs the periods' names, for its reason.
  const [own, prior] = PERIODS[kind](date);
  if (base < 0) return needsCloseBefore(series, own);
  return `needs a close of ${series.symbol} in ${prior}; it has none (the last close before ${own} is on ${series.dates[base]})`;
}

/** A number per calendar period that grows by one from each period to the next. */
const PERIOD_NUMBER: Record<PeriodKind, (date: IsoDate) => number> = {
  week: weekIndexOf,
  month: (d) => yearNumber(d) * 12 + digitsAt(d, 5, 2),
  year: (d) => yearNumber(d),
};

const yearNumber = (d: IsoDate) => digitsAt(d, 0, 4);

/** The number written by `count` digits of `text` from `start`, without allocating a substring. */
function digitsAt(text: string, start: number, count: number): number {
  let value = 0;
  for (let k = start; k < start + count; k++) value = value * 10 + text.charCodeAt(k) - 48;
  return value;
}

/** For each kind: the names of a date's own period and of the one before, and the period of any date. */
const PERIODS: Record<PeriodKind, (date: IsoDate) => [string, string, (d: IsoDate) => string]> = {
  week: (date) => {
    const monday = weekKey(date);
    const week = (d: IsoDate) => `the week of ${weekKey(d)}`;
    return [`the week of ${monday}`, week(addDays(monday, -7)), week];
  },
  month: (date) => {
    const year = Number(date.slice(0, 4));
    const month = Number(date.slice(5, 7));
    const prior = month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
    return [date.slice(0, 7), prior, (d) => d.slice(0, 7)];
  },
  year: (date) => [date.slice(0, 4), String(Number(date.slice(0, 4)) - 1), (d) => d.slice(0, 4)],
};

/** Index of the last session on or before `date` (binary search on ISO dates), -1 if none. */
export function indexOnOrBefore(series: { readonly dates: readonly IsoDate[] }, date: IsoDate): number {
  const dates = series.dates;
  let lo = 0;
  let hi = dates.length; // answer + 1 lies in [lo, hi]
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (dates[mid]! <= date) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
