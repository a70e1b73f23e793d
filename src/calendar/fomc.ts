/**
 * FOMC meetings, 2015 through 2027 (and the first of 2028, announced with them), as data: the rate-odds stats need to know which contract
 * months hold a decision and on which day.
 *
 * Source: the Federal Reserve's meeting calendars
 * (https://www.federalreserve.gov/monetarypolicy/fomccalendars.htm) and its press releases
 * announcing each year's tentative schedule (2027: Sept. 5, 2025). Dates are decision days: the
 * second day of a two-day meeting, when the statement is released at 2 p.m. ET.
 *
 * Unscheduled meetings are listed only when they changed the target range (2020-03-03, a 50 bp cut;
 * 2020-03-15, a 100 bp cut that replaced the March 17-18 meeting). Conference calls that left the
 * range alone are left out: nothing here depends on them.
 */
import type { IsoDate } from '../types.ts';

export type FomcMeetingKind = 'scheduled' | 'unscheduled' | 'cancelled';

export interface FomcMeeting {
  /** Decision date (the second day of a two-day meeting). */
  date: IsoDate;
  /** First day of a two-day meeting; equal to `date` for a one-day meeting. */
  firstDay: IsoDate;
  kind: FomcMeetingKind;
  /** For a cancelled meeting: the day the cancellation was announced. */
  cancelledOn?: IsoDate;
}

/** [first day, decision day] of each scheduled two-day meeting. */
const SCHEDULED: ReadonlyArray<readonly [IsoDate, IsoDate]> = [
  ['2015-01-27', '2015-01-28'],
  ['2015-03-17', '2015-03-18'],
  ['2015-04-28', '2015-04-29'],
  ['2015-06-16', '2015-06-17'],
  ['2015-07-28', '2015-07-29'],
  ['2015-09-16', '2015-09-17'],
  ['2015-10-27', '2015-10-28'],
  ['2015-12-15', '2015-12-16'],
  ['2016-01-26', '2016-01-27'],
  ['2016-03-15', '2016-03-16'],
  ['2016-04-26', '2016-04-27'],
  ['2016-06-14', '2016-06-15'],
  ['2016-07-26', '2016-07-27'],
  ['2016-09-20', '2016-09-21'],
  ['2016-11-01', '2016-11-02'],
  ['2016-12-13', '2016-12-14'],
  ['2017-01-31', '2017-02-01'],
  ['2017-03-14', '2017-03-15'],
  ['2017-05-02', '2017-05-03'],
  ['2017-06-13', '2017-06-14'],
  ['2017-07-25', '2017-07-26'],
  ['2017-09-19', '2017-09-20'],
  ['2017-10-31', '2017-11-01'],
  ['2017-12-12', '2017-12-13'],
  ['2018-01-30', '2018-01-31'],
  ['2018-03-20', '2018-03-21'],
  ['2018-05-01', '2018-05-02'],
  ['2018-06-12', '2018-06-13'],
  ['2018-07-31', '2018-08-01'],
  ['2018-09-25', '2018-09-26'],
  ['2018-11-07', '2018-11-08'],
  ['2018-12-18', '2018-12-19'],
  ['2019-01-29', '2019-01-30'],
  ['2019-03-19', '2019-03-20'],
  ['2019-04-30', '2019-05-01'],
  ['2019-06-18', '2019-06-19'],
  ['2019-07-30', '2019-07-31'],
  ['2019-09-17', '2019-09-18'],
  ['2019-10-29', '2019-10-30'],
  ['2019-12-10', '2019-12-11'],
  ['2020-01-28', '2020-01-29'],
  // 2020-03-17/18 was on the schedule until the 2020-03-15 meeting replaced it: see CANCELLED.
  ['2020-04-28', '2020-04-29'],
  ['2020-06-09', '2020-06-10'],
  ['2020-07-28', '2020-07-29'],
  ['2020-09-15', '2020-09-16'],
  ['2020-11-04', '2020-11-05'],
  ['2020-12-15', '2020-12-16'],
  ['2021-01-26', '2021-01-27'],
  ['2021-03-16', '2021-03-17'],
  ['2021-04-27', '2021-04-28'],
  ['2021-06-15', '2021-06-16'],
  ['2021-07-27', '2021-07-28'],
  ['2021-09-21', '2021-09-22'],
  ['2021-11-02', '2021-11-03'],
  ['2021-12-14', '2021-12-15'],
  ['2022-01-25', '2022-01-26'],
  ['2022-03-15', '2022-03-16'],
  ['2022-05-03', '2022-05-04'],
  ['2022-06-14', '2022-06-15'],
  ['2022-07-26', '2022-07-27'],
  ['2022-09-20', '2022-09-21'],
  ['2022-11-01', '2022-11-02'],
  ['2022-12-13', '2022-12-14'],
  ['2023-01-31', '2023-02-01'],
  ['2023-03-21', '2023-03-22'],
  ['2023-05-02', '2023-05-03'],
  ['2023-06-13', '2023-06-14'],
  ['2023-07-25', '2023-07-26'],
  ['2023-09-19', '2023-09-20'],
  ['2023-10-31', '2023-11-01'],
  ['2023-12-12', '2023-12-13'],
  ['2024-01-30', '2024-01-31'],
  ['2024-03-19', '2024-03-20'],
  ['2024-04-30', '2024-05-01'],
  ['2024-06-11', '2024-06-12'],
  ['2024-07-30', '2024-07-31'],
  ['2024-09-17', '2024-09-18'],
  ['2024-11-06', '2024-11-07'],
  ['2024-12-17', '2024-12-18'],
  ['2025-01-28', '2025-01-29'],
  ['2025-03-18', '2025-03-19'],
  ['2025-05-06', '2025-05-07'],
  ['2025-06-17', '2025-06-18'],
  ['2025-07-29', '2025-07-30'],
  ['2025-09-16', '2025-09-17'],
  ['2025-10-28', '2025-10-29'],
  ['2025-12-09', '2025-12-10'],
  ['2026-01-27', '2026-01-28'],
  ['2026-03-17', '2026-03-18'],
  ['2026-04-28', '2026-04-29'],
  ['2026-06-16', '2026-06-17'],
  ['2026-07-28', '2026-07-29'],
  ['2026-09-15', '2026-09-16'],
  ['2026-10-27', '2026-10-28'],
  ['2026-12-08', '2026-12-09'],
  ['2027-01-26', '2027-01-27'],
  ['2027-03-16', '2027-03-17'],
  ['2027-04-27', '2027-04-28'],
  ['2027-06-08', '2027-06-09'],
  ['2027-07-27', '2027-07-28'],
  ['2027-09-14', '2027-09-15'],
  ['2027-10-26', '2027-10-27'],
  ['2027-12-07', '2027-12-08'],
  // Announced with the 2027 schedule, so that a tree built late in 2027 sees the next meeting.
  ['2028-01-25', '2028-01-26'],
];

const UNSCHEDULED: readonly IsoDate[] = ['2020-03-03', '2020-03-15'];

const CANCELLED: readonly FomcMeeting[] = [
  { date: '2020-03-18', firstDay: '2020-03-17', kind: 'cancelled', cancelledOn: '2020-03-15' },
];

/** The table is complete from this date... */
export const FOMC_FIRST: IsoDate = '2015-01-01';
/** ...through this one (the first 2028 meeting is listed, later ones are not). */
export const FOMC_LAST: IsoDate = '2028-01-26';

/** Every meeting, cancelled ones included, in date order. */
export const FOMC_MEETINGS: readonly FomcMeeting[] = [
  ...SCHEDULED.map(([firstDay, date]): FomcMeeting => ({ date, firstDay, kind: 'scheduled' })),
  ...UNSCHEDULED.map((date): FomcMeeting => ({ date, firstDay: date, kind: 'unscheduled' })),
  ...CANCELLED,
].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

/**
 * Decision dates of the calendar as it stood on `asOf`: every meeting held on or before it, and
 * the schedule after it. Futures priced that schedule, so a meeting cancelled later still counts
 * and an unscheduled one counts only once it happened. The rate odds need the past meetings too:
 * a month that held one is no clean anchor for the months after it.
 */
export function fomcCalendarAsOf(asOf: IsoDate): IsoDate[] {
  return FOMC_MEETINGS.filter((m) => {
    if (m.kind === 'cancelled') return m.date > asOf && m.cancelledOn !== undefined && m.cancelledOn > asOf;
    return m.date <= asOf || m.kind === 'scheduled';
  }).map((m) => m.date);
}
