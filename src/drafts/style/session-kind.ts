/**
 * Sessions that were not ordinary, named the way a desk names them: a holiday early close is
 * "a holiday-shortened session" (Nov. 28, 2025, the day after Thanksgiving, closed at 1 p.m.),
 * an unscheduled early close "a shortened session"; a week with a market holiday is "a
 * holiday-shortened week". From the NYSE calendar (src/calendar), never from the data.
 */
import { addDays, dayOfWeek } from '../../calendar/dates.ts';
import { closureReason, earlyClose, earlyCloseReason } from '../../calendar/nyse.ts';
import type { IsoDate } from '../../types.ts';

const HOLIDAY_EVES = new Set([
  'Day before Independence Day',
  'Day after Independence Day',
  'Day after Thanksgiving',
  'Christmas Eve',
  'Day after Christmas',
]);

export interface SessionKind {
  /** `holiday-early-close`, `early-close` or `full`. */
  kind: 'holiday-early-close' | 'early-close' | 'full';
  /** "a holiday-shortened session", "a shortened session" or "" for a full one. */
  phrase: string;
  /** The ET close, "1 p.m." (AP time style), for an early close. */
  closeTime?: string;
}

export function sessionKind(date: IsoDate): SessionKind {
  const close = earlyClose(date);
  if (close === null) return { kind: 'full', phrase: '' };
  const reason = earlyCloseReason(date) ?? '';
  const closeTime = apTime(close);
  return HOLIDAY_EVES.has(reason)
    ? { kind: 'holiday-early-close', phrase: 'a holiday-shortened session', closeTime }
    : { kind: 'early-close', phrase: 'a shortened session', closeTime };
}

/** Whether the Monday–Friday week of `date` had a weekday on which the exchange was closed. */
export function holidayShortenedWeek(date: IsoDate): boolean {
  const monday = addDays(date, 1 - dayOfWeek(date));
  for (let i = 0; i < 5; i++) {
    const reason = closureReason(addDays(monday, i));
    if (reason !== null) return true;
  }
  return false;
}

/** `13:00` → "1 p.m.", `14:30` → "2:30 p.m." (AP: no ":00", lower-case a.m./p.m. with periods). */
export function apTime(hhmm: string): string {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  const hour12 = h % 12 === 0 ? 12 : h % 12;
  return `${hour12}${m === 0 ? '' : `:${String(m).padStart(2, '0')}`} ${h < 12 ? 'a.m.' : 'p.m.'}`;
}
