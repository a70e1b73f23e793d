/**
 * Closing-basis returns at one session: the day, 5 sessions, the calendar week, month and year
 * to date, one year of sessions, and the share of the year's gain made in the last 5 sessions.
 * Every base is an index found in O(1) from the period index; nothing rescans history.
 */
import type { Series } from '../types.ts';
import { type PeriodIndex, priorPeriodClose } from './periods.ts';
import { closeInput, computed, missing, needsSessions } from './results.ts';
import type { StatResult } from './types.ts';

/** Sessions in a year for `return.1y`: the market convention, not a calendar year. */
export const SESSIONS_PER_YEAR = 252;

export function returnStatsAt(series: Series, periods: PeriodIndex, i: number): StatResult[] {
  const previous = sessionsBack(series, 1, i);
  const fiveBack = sessionsBack(series, 5, i);
  const yearEnd = priorPeriodClose(series, periods, 'year', i);
  return [
    computed('close', series.closes[i]!, [closeInput(series, i)]),
    change('change.1d', 'fraction', series, previous, i),
    change('change.1d.points', 'points', series, previous, i),
    change('return.5d', 'fraction', series, fiveBack, i),
    change('return.5d.points', 'points', series, fiveBack, i),
    change('return.week', 'fraction', series, priorPeriodClose(series, periods, 'week', i), i),
    change('return.mtd', 'fraction', series, priorPeriodClose(series, periods, 'month', i), i),
    change('return.ytd', 'fraction', series, yearEnd, i),
    change('return.ytd.points', 'points', series, yearEnd, i),
    change('return.1y', 'fraction', series, sessionsBack(series, SESSIONS_PER_YEAR, i), i),
    ytdShareOfFiveDays(series, fiveBack, yearEnd, i),
  ];
}

/** The index `count` sessions before `i`, or why history is too short for it. */
function sessionsBack(series: Series, count: number, i: number): number | string {
  return i >= count ? i - count : needsSessions(series, count + 1, i);
}

/** The change from the close at `base` to the close at `i`; missing when `base` is a reason. */
function change(
  id: string,
  unit: 'fraction' | 'points',
  series: Series,
  base: number | string,
  i: number,
): StatResult {
  if (typeof base === 'string') return missing(id, base);
  const from = series.closes[base]!;
  const to = series.closes[i]!;
  const value = unit === 'fraction' ? to / from - 1 : to - from;
  return computed(id, value, [closeInput(series, base), closeInput(series, i)]);
}

/**
 * Points gained in the last 5 sessions ÷ points gained year to date. The raw ratio is kept: it
 * exceeds 1 when the year's gain came after a dip, and is negative after a losing 5 sessions.
 * `null` when the series is not up for the year, where a "share of the gain" means nothing.
 */
function ytdShareOfFiveDays(
  series: Series,
  fiveBack: number | string,
  yearEnd: number | string,
  i: number,
): StatResult {
  const id = 'ytd_share.5d';
  if (typeof fiveBack === 'string') return missing(id, fiveBack);
  if (typeof yearEnd === 'string') return missing(id, yearEnd);
  const close = series.closes[i]!;
  const ytdPoints = close - series.closes[yearEnd]!;
  const fiveDayPoints = close - series.closes[fiveBack]!;
  const inputs = [closeInput(series, yearEnd), closeInput(series, fiveBack), closeInput(series, i)];
  return computed(id, ytdPoints > 0 ? fiveDayPoints / ytdPoints : null, inputs);
}
