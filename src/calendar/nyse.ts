/**
 * The NYSE trading calendar, 1980-01-01 through 2027-12-31: which days are sessions, why the
 * others are closed, and which sessions close early.
 *
 * Each year is built once, on first use, into a sorted array of session day numbers, so lookups
 * are a set test or a binary search and a 48-year range is a few array slices. Dates outside the
 * covered range throw a RangeError rather than guess: the rules before 1980 (Saturday sessions,
 * the 1968 paperwork-crisis Wednesdays) and after 2027 (unannounced holidays) are not these.
 */
import type { IsoDate } from '../types.ts';
import { fromDayNumber, isIsoDate, toDayNumber, yearOf } from './dates.ts';
import { type CloseTime, type EarlyClose, earlyClosesIn } from './early-closes.ts';
import { regularHolidays } from './holidays.ts';
import { specialClosuresIn } from './special-closures.ts';

export const CALENDAR_FIRST: IsoDate = '1980-01-01';
export const CALENDAR_LAST: IsoDate = '2027-12-31';

const FIRST_YEAR = yearOf(CALENDAR_FIRST);
const LAST_YEAR = yearOf(CALENDAR_LAST);

interface YearTable {
  /** Session day numbers (days since 1970-01-01), ascending. */
  sessionDays: number[];
  /** The same sessions as dates, index for index. */
  sessionDates: IsoDate[];
  /** Weekdays without a session, with the holiday or closure name. */
  closedWeekdays: Map<number, string>;
  earlyCloses: Map<number, EarlyClose>;
}

const tables = new Map<number, YearTable>();

/** 0 = Sunday ... 6 = Saturday; 1970-01-01 (day 0) was a Thursday. */
function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

function buildYear(year: number): YearTable {
  const closedWeekdays = new Map<number, string>();
  for (const { date, name } of [...regularHolidays(year), ...specialClosuresIn(year)]) {
    closedWeekdays.set(toDayNumber(date), name);
  }
  const sessionDays: number[] = [];
  const sessionDates: IsoDate[] = [];
  const last = toDayNumber(`${year}-12-31`);
  for (let day = toDayNumber(`${year}-01-01`); day <= last; day++) {
    const dow = weekdayOf(day);
    if (dow === 0 || dow === 6 || closedWeekdays.has(day)) continue;
    sessionDays.push(day);
    sessionDates.push(fromDayNumber(day));
  }
  const earlyCloses = new Map<number, EarlyClose>();
  for (const early of earlyClosesIn(year)) {
    const day = toDayNumber(early.date);
    // A rule may name a closed day (see early-closes.ts); only sessions can close early.
    if (weekdayOf(day) !== 0 && weekdayOf(day) !== 6 && !closedWeekdays.has(day)) earlyCloses.set(day, early);
  }
  return { sessionDays, sessionDates, closedWeekdays, earlyCloses };
}

function tableFor(year: number): YearTable {
  let table = tables.get(year);
  if (table === undefined) {
    table = buildYear(year);
    tables.set(year, table);
  }
  return table;
}

/** The day number of a covered date; throws TypeError on a malformed date, RangeError outside. */
function coveredDay(date: IsoDate): number {
  if (typeof date !== 'string' || !isIsoDate(date)) {
    throw new TypeError(`not a calendar date: ${JSON.stringify(date)} (expected YYYY-MM-DD)`);
  }
  if (date < CALENDAR_FIRST || date > CALENDAR_LAST) {
    throw new RangeError(
      `${date} is outside the NYSE calendar, which covers ${CALENDAR_FIRST} through ${CALENDAR_LAST}`,
    );
  }
  return toDayNumber(date);
}

/** First index whose value is >= `day` (the length when none is). */
function lowerBound(days: readonly number[], day: number): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (days[mid]! < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function isSession(date: IsoDate): boolean {
  const day = coveredDay(date);
  const dow = weekdayOf(day);
  return dow !== 0 && dow !== 6 && !tableFor(yearOf(date)).closedWeekdays.has(day);
}

/** Why the exchange is closed on `date`: `Saturday`, `Sunday`, a holiday or closure name; null for a session. */
export function closureReason(date: IsoDate): string | null {
  const day = coveredDay(date);
  const dow = weekdayOf(day);
  if (dow === 0) return 'Sunday';
  if (dow === 6) return 'Saturday';
  return tableFor(yearOf(date)).closedWeekdays.get(day) ?? null;
}

/** The `HH:MM` (ET) close of an early-close session, e.g. `13:00`; null for a full session or a closed day. */
export function earlyClose(date: IsoDate): CloseTime | null {
  const day = coveredDay(date);
  return tableFor(yearOf(date)).earlyCloses.get(day)?.close ?? null;
}

/** Why a session closed early (`Christmas Eve`, `Snowstorm`, ...); null when it did not. */
export function earlyCloseReason(date: IsoDate): string | null {
  const day = coveredDay(date);
  return tableFor(yearOf(date)).earlyCloses.get(day)?.reason ?? null;
}

/** Sessions from `from` to `to`, both inclusive, ascending. Throws when `from` is after `to`. */
export function sessionsBetween(from: IsoDate, to: IsoDate): IsoDate[] {
  const fromDay = coveredDay(from);
  const toDay = coveredDay(to);
  if (fromDay > toDay) throw new RangeError(`sessionsBetween: ${from} is after ${to}`);
  const sessions: IsoDate[] = [];
  for (let year = yearOf(from); year <= yearOf(to); year++) {
    const { sessionDays, sessionDates } = tableFor(year);
    const start = lowerBound(sessionDays, fromDay);
    const end = lowerBound(sessionDays, toDay + 1);
    for (let i = start; i < end; i++) sessions.push(sessionDates[i]!);
  }
  return sessions;
}

/** Number of sessions strictly between `a` and `b` (0 when a === b). Throws when `a` is after `b`. */
export function countSessionsBetween(a: IsoDate, b: IsoDate): number {
  const aDay = coveredDay(a);
  const bDay = coveredDay(b);
  if (aDay > bDay) throw new RangeError(`countSessionsBetween: ${a} is after ${b}`);
  let count = 0;
  for (let year = yearOf(a); year <= yearOf(b); year++) {
    const { sessionDays } = tableFor(year);
    count += Math.max(0, lowerBound(sessionDays, bDay) - lowerBound(sessionDays, aDay + 1));
  }
  return count;
}

/** The last session strictly before `date`. Throws when it would fall before the calendar. */
export function previousSession(date: IsoDate): IsoDate {
  const day = coveredDay(date);
  for (let year = yearOf(date); year >= FIRST_YEAR; year--) {
    const { sessionDays, sessionDates } = tableFor(year);
    const i = lowerBound(sessionDays, day) - 1;
    if (i >= 0) return sessionDates[i]!;
  }
  throw new RangeError(`no NYSE session before ${date} in the calendar, which starts ${CALENDAR_FIRST}`);
}

/** The first session strictly after `date`. Throws when it would fall after the calendar. */
export function nextSession(date: IsoDate): IsoDate {
  const day = coveredDay(date);
  for (let year = yearOf(date); year <= LAST_YEAR; year++) {
    const { sessionDays, sessionDates } = tableFor(year);
    const i = lowerBound(sessionDays, day + 1);
    if (i < sessionDays.length) return sessionDates[i]!;
  }
  throw new RangeError(`no NYSE session after ${date} in the calendar, which ends ${CALENDAR_LAST}`);
}

/** `date` itself when it is a session, else the session before it. */
export function sessionOnOrBefore(date: IsoDate): IsoDate {
  return isSession(date) ? date : previousSession(date);
}

/** `date` itself when it is a session, else the session after it. */
export function sessionOnOrAfter(date: IsoDate): IsoDate {
  return isSession(date) ? date : nextSession(date);
}
