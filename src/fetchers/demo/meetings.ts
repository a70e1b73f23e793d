/**
 * When the demo central bank decides: eight meetings a year near the FOMC's usual dates. The
 * generator takes session dates, not a calendar, so a meeting belongs to the first session on or
 * after its date; that depends only on two adjacent sessions, which keeps the history append-only.
 */

import { yearOf } from '../../calendar/dates.ts';
import type { IsoDate } from '../../types.ts';

const MEETING_MONTH_DAYS = ['01-31', '03-20', '05-03', '06-15', '07-31', '09-20', '11-01', '12-12'];

/** True when a meeting date falls after `previousSession` and on or before `session`. */
export function hasPolicyMeeting(previousSession: IsoDate | undefined, session: IsoDate): boolean {
  if (previousSession === undefined) return false;
  for (let year = yearOf(previousSession); year <= yearOf(session); year++) {
    for (const monthDay of MEETING_MONTH_DAYS) {
      const meeting = `${year}-${monthDay}`;
      // ISO dates order as strings.
      if (meeting > previousSession && meeting <= session) return true;
    }
  }
  return false;
}
