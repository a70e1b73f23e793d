/**
 * When a superlative is worth printing. "Its best month since October" only says September was
 * better; "the best day since last Tuesday" says nothing. A `…_since` fact gets a `….notable`
 * companion that is true only when the move points the superlative's way (a gain for "best", a
 * loss for "worst", a lead for "widest") and the date it names lies at least N periods back, or
 * nothing in history matched (the best on record, once history is longer than N periods).
 *
 * N is per kind of period, configurable (`facts.superlativeMinPeriods`), never below 2: one
 * period back is "since the period just before", which is always trivial.
 */
import { weekIndexOf } from '../calendar/dates.ts';
import type { IsoDate } from '../types.ts';

export interface SuperlativeMinPeriods {
  /** One-session moves (`day.best_since`): sessions back. */
  day: number;
  /** Calendar weeks back (`week.best_since`). */
  week: number;
  /** Calendar months back (`month.best_since`, `vs.B.month_spread.best_since`). */
  month: number;
  /** Five-session windows back (`return.5d.*_since`, `vs.B.spread.5d.widest_since`, …). */
  window5: number;
  /** 21-session windows back (`return.21d.*_since`, `vs.B.spread.21d.widest_since`, …). */
  window21: number;
  /** Sessions back for the highest (lowest) close since. */
  close: number;
}

/**
 * The defaults, chosen so each is the shortest span a desk would still print: two weeks of
 * sessions for a day, a month of weeks, a quarter of months, four weeks of five-session windows,
 * a quarter of 21-session windows, and a month of sessions for a close.
 */
export const DEFAULT_SUPERLATIVE_MIN_PERIODS: SuperlativeMinPeriods = {
  day: 10,
  week: 4,
  month: 3,
  window5: 4,
  window21: 3,
  close: 21,
};

export type SuperlativeKind = keyof SuperlativeMinPeriods;

/** Sessions in one period of each session-counted kind. */
const SESSIONS_PER_PERIOD: Record<Exclude<SuperlativeKind, 'week' | 'month'>, number> = {
  day: 1,
  window5: 5,
  window21: 21,
  close: 1,
};

/**
 * Periods between the period ending `then` and the current one ending `now`: by session index
 * for session-counted kinds, by calendar week or month for the others.
 */
export function periodsBack(
  kind: SuperlativeKind,
  then: { index: number; date: IsoDate },
  now: { index: number; date: IsoDate },
): number {
  if (kind === 'week') return weekIndexOf(now.date) - weekIndexOf(then.date);
  if (kind === 'month') return monthNumber(now.date) - monthNumber(then.date);
  return Math.floor((now.index - then.index) / SESSIONS_PER_PERIOD[kind]);
}

/** Periods of history up to `now` (for "on record": a best of three sessions of history is no record). */
export function periodsOfHistory(
  kind: SuperlativeKind,
  first: { index: number; date: IsoDate },
  now: { index: number; date: IsoDate },
): number {
  return periodsBack(kind, first, now);
}

/**
 * Whether the superlative is notable: `direction` says the move points its way, `then` is the
 * period it names (null: none matched, the best on record), `first` the start of history.
 */
export function isNotable(
  kind: SuperlativeKind,
  min: SuperlativeMinPeriods,
  direction: boolean,
  then: { index: number; date: IsoDate } | null,
  now: { index: number; date: IsoDate },
  first: { index: number; date: IsoDate },
): boolean {
  if (!direction) return false;
  const n = Math.max(2, min[kind]);
  return then === null ? periodsOfHistory(kind, first, now) >= n : periodsBack(kind, then, now) >= n;
}

function monthNumber(date: IsoDate): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7));
}
