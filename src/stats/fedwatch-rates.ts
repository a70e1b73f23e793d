/**
 * Expected effective rates before and after each FOMC meeting, from 30-day fed funds futures,
 * by the CME FedWatch method.
 *
 * A contract settles on the month's average effective rate, so 100 − price is the market's
 * expected average. For a month holding a meeting on day D of N, with d = D − 1 days before it
 * (the decision day counts as after: the new rate is effective that day),
 *   average = (d/N)·start + ((N − d)/N)·end.
 * One of start and end comes from a neighbouring month, the other from this equation. Which one,
 * following CME's methodology (its probability-tree calculator page and the worked example of the
 * Sept. 12, 2022 settlements; the 2015 version's Sept. 17, 2015 example):
 *   - next month holds no meeting: its average is this meeting's end rate (it depends on this
 *     meeting only; CME's preferred anchor), and start is solved from this month's average;
 *   - otherwise start is the previous month's end (a month without a meeting: its average; a
 *     meeting month: its solved end), and end is solved forward;
 *   - with no previous month either (the first priced month), end is the next meeting month's
 *     start, itself found from the months after it, and start is solved backward.
 * Every meeting's change therefore comes from its own contract, as CME states. Only months from
 * as-of's month on count: an expired contract carries no expectation.
 */
import { toDayNumber } from '../calendar/dates.ts';
import type { IsoDate } from '../types.ts';

/** How a meeting's start and end rates were found (see the file comment). */
export type RateAnchor = 'next-month' | 'previous-month' | 'next-meeting';

export interface MeetingRates {
  /** Implied effective rate before and after the meeting, percent. */
  start: number;
  end: number;
  anchor: RateAnchor;
  /** Contract months read, `YYYY-MM`: the meeting's and its anchor's (all of a backward chain). */
  contracts: string[];
}

export interface MonthRates {
  /** Implied average rate by contract month, from as-of's month on. */
  rate: ReadonlyMap<string, number>;
  /** Every meeting of each month, past and upcoming. */
  meetings: ReadonlyMap<string, readonly IsoDate[]>;
}

export function impliedRate(price: number): number {
  return 100 - price;
}

/** Implied rates of the contracts from `asOf`'s month on, and the meetings of each month. */
export function monthRates(
  asOf: IsoDate,
  futures: ReadonlyArray<{ month: string; price: number }>,
  meetingDates: readonly IsoDate[],
): MonthRates {
  const first = monthOf(asOf);
  const rate = new Map<string, number>();
  for (const { month, price } of futures) {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) {
      throw new TypeError(`contract month ${JSON.stringify(month)} is not YYYY-MM`);
    }
    if (!Number.isFinite(price)) throw new RangeError(`the price of ${month} is not a number: ${price}`);
    if (rate.has(month)) throw new RangeError(`two prices for contract month ${month}`);
    if (month >= first) rate.set(month, impliedRate(price));
  }
  const meetings = new Map<string, IsoDate[]>();
  for (const date of new Set(meetingDates)) {
    meetings.set(monthOf(date), [...(meetings.get(monthOf(date)) ?? []), date]);
  }
  return { rate, meetings };
}

/**
 * Start and end rates of the meeting in `month`, or why they cannot be found. `solved` holds the
 * earlier meetings' rates, by month: a meeting month's end is the next month's start.
 */
export function solveMeeting(
  month: string,
  months: MonthRates,
  solved: ReadonlyMap<string, MeetingRates>,
): MeetingRates | { reason: string } {
  const setup = meetingMonth(month, months);
  if ('reason' in setup) return setup;
  const { average, before, days } = setup;
  const next = addMonths(month, 1);
  const nextRate = cleanRate(next, months);
  // A meeting on the 1st leaves no day before it to solve a start from.
  if (nextRate !== undefined && before > 0) {
    return { ...solveStart(average, nextRate, before, days), anchor: 'next-month', contracts: [month, next] };
  }
  const previous = addMonths(month, -1);
  const start = solved.get(previous)?.end ?? cleanRate(previous, months);
  if (start !== undefined) {
    const end = (average - (before / days) * start) / ((days - before) / days);
    return { start, end, anchor: 'previous-month', contracts: [previous, month] };
  }
  const following = before > 0 ? startFromMonthsAfter(next, months, 0) : undefined;
  if (!following) {
    return {
      reason: `no anchor for the ${month} meeting: ${previous} is not priced or held a meeting, and the months after give no rate to work back from`,
    };
  }
  return {
    ...solveStart(average, following.start, before, days),
    anchor: 'next-meeting',
    contracts: [month, ...following.contracts],
  };
}

/**
 * Start rate of a meeting month found from the months after it only, for working backward, and
 * the contract months read (this one first).
 */
function startFromMonthsAfter(
  month: string,
  months: MonthRates,
  depth: number,
): { start: number; contracts: string[] } | undefined {
  const setup = meetingMonth(month, months);
  if ('reason' in setup || setup.before === 0 || depth > 12) return undefined;
  const next = addMonths(month, 1);
  const clean = cleanRate(next, months);
  const after =
    clean === undefined ? startFromMonthsAfter(next, months, depth + 1) : { start: clean, contracts: [next] };
  if (!after) return undefined;
  const { start } = solveStart(setup.average, after.start, setup.before, setup.days);
  return { start, contracts: [month, ...after.contracts] };
}

function solveStart(
  average: number,
  end: number,
  before: number,
  days: number,
): { start: number; end: number } {
  return { start: (average - ((days - before) / days) * end) / (before / days), end };
}

/** The average of a month holding exactly one meeting, and its days before the meeting. */
function meetingMonth(
  month: string,
  months: MonthRates,
): { average: number; before: number; days: number } | { reason: string } {
  const dates = months.meetings.get(month) ?? [];
  if (dates.length !== 1) {
    return dates.length === 0
      ? { reason: `${month} holds no FOMC meeting` }
      : {
          reason: `${month} holds ${dates.length} FOMC meetings (${dates.join(', ')}); one month's average cannot separate them`,
        };
  }
  const average = months.rate.get(month);
  if (average === undefined) {
    return { reason: `no fed funds futures price for ${month} (ZQ_${month.replace('-', '')})` };
  }
  return { average, before: Number(dates[0]!.slice(8, 10)) - 1, days: daysInMonth(month) };
}

/** The implied rate of a priced month without a meeting: its start and end rate alike. */
function cleanRate(month: string, months: MonthRates): number | undefined {
  return months.meetings.has(month) ? undefined : months.rate.get(month);
}

export function monthOf(date: IsoDate): string {
  return date.slice(0, 7);
}

export function addMonths(month: string, n: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function daysInMonth(month: string): number {
  return toDayNumber(`${addMonths(month, 1)}-01`) - toDayNumber(`${month}-01`);
}
