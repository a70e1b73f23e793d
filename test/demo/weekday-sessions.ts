/**
 * A stand-in for NYSE sessions in the demo tests: weekdays minus the fixed-date holidays. The
 * generator takes any ascending dates, and the real calendar is not ours to depend on here.
 */
import { addDays, isWeekend } from '../../src/calendar/dates.ts';
import type { IsoDate } from '../../src/types.ts';

const FIXED_HOLIDAYS = new Set(['01-01', '07-04', '12-25']);

export function weekdaySessions(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    if (!isWeekend(date) && !FIXED_HOLIDAYS.has(date.slice(5))) out.push(date);
  }
  return out;
}

/** Every calendar day from `from` to `to`, both included. */
export function calendarDays(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) out.push(date);
  return out;
}
