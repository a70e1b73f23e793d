/**
 * NYSE sessions that ended before the regular 16:00 ET close, 1980-2027.
 *
 * Sources: the NYSE history of closings ("Stocks.NYSE-Closings.pdf", transcribed with dates and
 * times in pandas_market_calendars `calendars/nyse.py`) through 2011, and the exchange's yearly
 * holiday announcements after that (e.g. 2025: July 3, Nov. 28 and Dec. 24 at 1 p.m.; 2026:
 * Nov. 27 and Dec. 24). What those show, and the rules below encode:
 * - No holiday-eve early closes in the 1980s. Christmas Eve closed at 14:00 in 1990-1992, and at
 *   13:00 from 1996 (1993-1995 had no Monday-Thursday Christmas Eve; a Friday Dec. 24 is the
 *   observed Christmas holiday, so it never closes early).
 * - The day after Thanksgiving closes early from 1992: at 14:00 that year, 13:00 since. The
 *   standard early close moved from 14:00 to 13:00 in 1993.
 * - Around Independence Day, from 1995: July 3 closes at 13:00 when it is a Monday, Tuesday or
 *   Thursday; when it is a Wednesday the early close was Friday July 5 until 2012 and July 3
 *   itself since 2013. A Friday July 3 is the observed holiday; when July 4 is a Sunday or a
 *   Monday there is no early close (2021-07-02 and 2022-07-01 were full days).
 * - One-offs: the Fridays after Christmas 1997 and 2003 (not 2008, 2014 or 2025), and unscheduled
 *   stops (1981 Reagan shooting, power failures, the October 1987 backlog, snowstorms, the 1997
 *   circuit breaker, a 2005 systems fault).
 * Nothing here checks that a day is a session; `nyse.ts` keeps only early closes on sessions, and a
 * test checks that no rule or one-off names a closed day.
 */
import type { IsoDate } from '../types.ts';
import { addDays, dayOfWeek, isoDate, isWeekend } from './dates.ts';
import { thanksgivingDay } from './holidays.ts';

/** `HH:MM` in America/New_York. */
export type CloseTime = string;

export interface EarlyClose {
  date: IsoDate;
  close: CloseTime;
  reason: string;
}

interface EarlyCloseRule {
  reason: string;
  firstYear: number;
  lastYear?: number;
  close: (year: number) => CloseTime;
  /** The day of the early close in `year`, or null when the rule has none that year. */
  fallsOn: (year: number) => IsoDate | null;
}

const MONDAY_TO_THURSDAY = new Set([1, 2, 3, 4]);
const WEDNESDAY = 3;
const FRIDAY = 5;

/** The standard holiday early close: 14:00 until 1992, 13:00 from 1993. */
const standardEarlyClose = (year: number): CloseTime => (year < 1993 ? '14:00' : '13:00');

function dayBeforeIndependenceDay(year: number): IsoDate | null {
  const july3 = isoDate(year, 7, 3);
  const dow = dayOfWeek(july3);
  if (!MONDAY_TO_THURSDAY.has(dow)) return null;
  // Before 2013 a Wednesday July 3 was a full day and the following Friday closed early instead.
  return dow === WEDNESDAY && year < 2013 ? null : july3;
}

function fridayAfterIndependenceDay(year: number): IsoDate | null {
  const july5 = isoDate(year, 7, 5);
  return dayOfWeek(july5) === FRIDAY ? july5 : null;
}

function christmasEve(year: number): IsoDate | null {
  const eve = isoDate(year, 12, 24);
  return MONDAY_TO_THURSDAY.has(dayOfWeek(eve)) ? eve : null;
}

export const EARLY_CLOSE_RULES: readonly EarlyCloseRule[] = [
  {
    reason: 'Day before Independence Day',
    firstYear: 1995,
    close: standardEarlyClose,
    fallsOn: dayBeforeIndependenceDay,
  },
  {
    reason: 'Day after Independence Day',
    firstYear: 1996,
    lastYear: 2012,
    close: standardEarlyClose,
    fallsOn: fridayAfterIndependenceDay,
  },
  {
    reason: 'Day after Thanksgiving',
    firstYear: 1992,
    close: standardEarlyClose,
    fallsOn: (year) => addDays(thanksgivingDay(year), 1),
  },
  {
    reason: 'Christmas Eve',
    firstYear: 1990,
    lastYear: 1992,
    close: standardEarlyClose,
    fallsOn: christmasEve,
  },
  { reason: 'Christmas Eve', firstYear: 1996, close: standardEarlyClose, fallsOn: christmasEve },
];

interface OneOffEarlyClose {
  /** First and last calendar day (inclusive); weekends inside are skipped. */
  from: IsoDate;
  to: IsoDate;
  close: CloseTime;
  reason: string;
}

export const ONE_OFF_EARLY_CLOSES: readonly OneOffEarlyClose[] = [
  {
    from: '1981-03-30',
    to: '1981-03-30',
    close: '15:17',
    reason: 'Attempted assassination of President Reagan',
  },
  { from: '1981-09-09', to: '1981-09-09', close: '15:28', reason: 'Con Edison power failure' },
  { from: '1987-10-23', to: '1987-10-30', close: '14:00', reason: 'Backlog after the October 1987 crash' },
  { from: '1987-11-02', to: '1987-11-04', close: '14:30', reason: 'Backlog after the October 1987 crash' },
  { from: '1987-11-05', to: '1987-11-06', close: '15:00', reason: 'Backlog after the October 1987 crash' },
  { from: '1987-11-09', to: '1987-11-11', close: '15:30', reason: 'Backlog after the October 1987 crash' },
  { from: '1994-02-11', to: '1994-02-11', close: '14:30', reason: 'Snowstorm' },
  { from: '1996-01-08', to: '1996-01-08', close: '14:00', reason: 'Snowstorm' },
  { from: '1997-10-27', to: '1997-10-27', close: '15:30', reason: 'Market-wide circuit breaker' },
  { from: '1997-12-26', to: '1997-12-26', close: '13:00', reason: 'Day after Christmas' },
  { from: '2003-12-26', to: '2003-12-26', close: '13:00', reason: 'Day after Christmas' },
  { from: '2005-06-01', to: '2005-06-01', close: '15:56', reason: 'Systems communication problem' },
];

/** Every early close the rules and one-offs give for `year`, by date; a one-off wins over a rule. */
export function earlyClosesIn(year: number): EarlyClose[] {
  const byDate = new Map<IsoDate, EarlyClose>();
  const prefix = `${year}-`;
  for (const oneOff of ONE_OFF_EARLY_CLOSES) {
    if (!oneOff.from.startsWith(prefix)) continue;
    for (let date = oneOff.from; date <= oneOff.to; date = addDays(date, 1)) {
      if (!isWeekend(date)) byDate.set(date, { date, close: oneOff.close, reason: oneOff.reason });
    }
  }
  for (const rule of EARLY_CLOSE_RULES) {
    if (year < rule.firstYear || (rule.lastYear !== undefined && year > rule.lastYear)) continue;
    const date = rule.fallsOn(year);
    if (date !== null && !byDate.has(date))
      byDate.set(date, { date, close: rule.close(year), reason: rule.reason });
  }
  return [...byDate.values()].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}
