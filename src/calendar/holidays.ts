/**
 * The NYSE's regular holidays, 1980 onwards, as rules: each names the day the holiday falls on in a
 * year, and one observance rule moves it off a weekend.
 *
 * Sources: NYSE Rule 7.2 (holidays and the Saturday/Sunday rule) and the exchange's history of
 * closings as transcribed in pandas_market_calendars (`holidays/nyse.py`, after
 * "Stocks.NYSE-Closings.pdf"). The start years inside 1980-2027 are MLK Day (1998) and
 * Juneteenth (2022); the exchange last closed for a presidential election in 1980.
 */
import type { IsoDate } from '../types.ts';
import { addDays, dayOfWeek, isoDate, monthOf } from './dates.ts';

export interface Holiday {
  date: IsoDate;
  /** `Christmas Day`, or `Christmas Day (observed)` when moved off a weekend. */
  name: string;
}

interface HolidayRule {
  name: string;
  firstYear?: number;
  lastYear?: number;
  /** The calendar day the holiday falls on in `year` before observance, or null when it has none. */
  fallsOn: (year: number) => IsoDate | null;
}

const MONDAY = 1;
const THURSDAY = 4;

/** The `n`th (1-based) `weekday` (0 = Sunday) of a month. */
export function nthWeekdayOfMonth(year: number, month: number, weekday: number, n: number): IsoDate {
  const first = isoDate(year, month, 1);
  const toWeekday = (weekday - dayOfWeek(first) + 7) % 7;
  return addDays(first, toWeekday + 7 * (n - 1));
}

/** The last `weekday` (0 = Sunday) of a month. */
export function lastWeekdayOfMonth(year: number, month: number, weekday: number): IsoDate {
  const firstOfNext = month === 12 ? isoDate(year + 1, 1, 1) : isoDate(year, month + 1, 1);
  const lastDay = addDays(firstOfNext, -1);
  return addDays(lastDay, -((dayOfWeek(lastDay) - weekday + 7) % 7));
}

/** Western (Gregorian) Easter Sunday: the anonymous Gregorian computus (Meeus, Jones, Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const n = h + l - 7 * m + 114;
  return isoDate(year, Math.floor(n / 31), (n % 31) + 1);
}

export function thanksgivingDay(year: number): IsoDate {
  return nthWeekdayOfMonth(year, 11, THURSDAY, 4);
}

/** The Tuesday after the first Monday of November, in presidential election years only. */
function presidentialElectionDay(year: number): IsoDate | null {
  return year % 4 === 0 ? addDays(nthWeekdayOfMonth(year, 11, MONDAY, 1), 1) : null;
}

const fixed = (month: number, day: number) => (year: number) => isoDate(year, month, day);

export const HOLIDAY_RULES: readonly HolidayRule[] = [
  { name: "New Year's Day", fallsOn: fixed(1, 1) },
  {
    name: 'Martin Luther King Jr. Day',
    firstYear: 1998,
    fallsOn: (y) => nthWeekdayOfMonth(y, 1, MONDAY, 3),
  },
  { name: "Washington's Birthday", fallsOn: (y) => nthWeekdayOfMonth(y, 2, MONDAY, 3) },
  { name: 'Good Friday', fallsOn: (y) => addDays(easterSunday(y), -2) },
  { name: 'Memorial Day', fallsOn: (y) => lastWeekdayOfMonth(y, 5, MONDAY) },
  { name: 'Juneteenth National Independence Day', firstYear: 2022, fallsOn: fixed(6, 19) },
  { name: 'Independence Day', fallsOn: fixed(7, 4) },
  { name: 'Labor Day', fallsOn: (y) => nthWeekdayOfMonth(y, 9, MONDAY, 1) },
  // Closed every presidential election day from 1972 (and every election day before 1968) through
  // 1980; open since 1984. GSPC.csv has no 1980-11-04 row, which confirms the last one.
  { name: 'Presidential Election Day', lastYear: 1980, fallsOn: presidentialElectionDay },
  { name: 'Thanksgiving Day', fallsOn: thanksgivingDay },
  { name: 'Christmas Day', fallsOn: fixed(12, 25) },
];

/**
 * NYSE Rule 7.2: a holiday on a Sunday is observed the Monday after; one on a Saturday the Friday
 * before, unless that Friday ends a monthly or yearly accounting period. Among these holidays only
 * New Year's Day can hit that exception, so a Saturday Jan 1 closes nothing (2021-12-31 was a
 * session). Returns null when the holiday is not observed at all.
 */
export function observedDate(date: IsoDate): IsoDate | null {
  const dow = dayOfWeek(date);
  if (dow === 0) return addDays(date, 1);
  if (dow !== 6) return date;
  const friday = addDays(date, -1);
  return monthOf(friday) === monthOf(date) ? friday : null;
}

/** The weekdays the exchange is closed for a regular holiday in `year`, in date order. */
export function regularHolidays(year: number): Holiday[] {
  const holidays: Holiday[] = [];
  for (const rule of HOLIDAY_RULES) {
    if (rule.firstYear !== undefined && year < rule.firstYear) continue;
    if (rule.lastYear !== undefined && year > rule.lastYear) continue;
    const day = rule.fallsOn(year);
    if (day === null) continue;
    const observed = observedDate(day);
    if (observed === null) continue;
    holidays.push({ date: observed, name: observed === day ? rule.name : `${rule.name} (observed)` });
  }
  return holidays.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}
