/**
 * Treasury yields on NYSE sessions: `level` and `change.1d|5d|21d|mtd|ytd` of a FRED daily series
 * (DGS2, DGS10).
 *
 * The bond market keeps its own holidays (Columbus Day, Veterans Day) and FRED leaves those days
 * blank, so a session reads the last value on or before it. A value older than a few days is
 * stale: missing, never carried forward silently.
 *
 * Units: `level` is percent (4.02 = 4.02%, the catalogue's `percent_rate`); `change.5d` is in
 * percentage points on the same scale (each `change.*`) (−0.12 = 12 bp lower), so no ×100 hides in a stat; the
 * display layer turns it into basis points.
 */

import { toDayNumber } from '../calendar/dates.ts';
import { isSession, previousSession } from '../calendar/nyse.ts';
import type { IsoDate, Series } from '../types.ts';
import { indexOnOrBefore } from './periods.ts';
import { closeInput, computed, missing } from './results.ts';
import type { StatResult } from './types.ts';

/**
 * The oldest value a session may read, in calendar days. A bond holiday on a Monday makes it 3
 * (Friday's value), and FRED publishes a day late, so a run on the Tuesday after reads 4: 5 leaves
 * a day of slack and still rejects a week-old value.
 */
export const RATE_MAX_AGE_DAYS = 5;

/** The window of `change.5d`, in NYSE sessions (a week of pieces). */
export const RATE_CHANGE_SESSIONS = 5;

/** Index of the value a session reads, or why there is none. */
export function alignedIndex(
  series: Series,
  session: IsoDate,
  maxAgeDays = RATE_MAX_AGE_DAYS,
): number | string {
  const i = indexOnOrBefore(series, session);
  if (i < 0) return `no ${series.symbol} value on or before ${session}`;
  const age = toDayNumber(session) - toDayNumber(series.dates[i]!);
  if (age > maxAgeDays) {
    return `${series.symbol} is stale on ${session}: its latest value is from ${series.dates[i]}, ${age} days earlier (limit ${maxAgeDays})`;
  }
  return i;
}

/**
 * The windows of a yield's change, each from the value a base session reads: `change.1d`,
 * `.5d`, `.21d` (NYSE sessions back: a day, a week, about a month of pieces) and `.mtd`, `.ytd`
 * (from the last session of the prior month or year, the base of `return.mtd` / `.ytd`).
 */
export const RATE_CHANGE_WINDOWS: ReadonlyArray<{ id: string; base: (session: IsoDate) => IsoDate }> = [
  { id: 'change.1d', base: (s) => sessionsBack(s, 1) },
  { id: 'change.5d', base: (s) => sessionsBack(s, RATE_CHANGE_SESSIONS) },
  { id: 'change.21d', base: (s) => sessionsBack(s, 21) },
  { id: 'change.mtd', base: (s) => previousSession(`${s.slice(0, 7)}-01`) },
  { id: 'change.ytd', base: (s) => previousSession(`${s.slice(0, 4)}-01-01`) },
];

function sessionsBack(session: IsoDate, count: number): IsoDate {
  let earlier = session;
  for (let k = 0; k < count; k++) earlier = previousSession(earlier);
  return earlier;
}

/** `level` and every `change.*` window of a yield series on an NYSE session. Throws when `session` is not one. */
export function rateStatsAt(series: Series, session: IsoDate, maxAgeDays = RATE_MAX_AGE_DAYS): StatResult[] {
  if (!isSession(session)) throw new RangeError(`${session} is not an NYSE session`);
  const now = alignedIndex(series, session, maxAgeDays);
  if (typeof now === 'string')
    return [missing('level', now), ...RATE_CHANGE_WINDOWS.map(({ id }) => missing(id, now))];
  const level = computed('level', series.closes[now]!, [closeInput(series, now)]);
  const changes = RATE_CHANGE_WINDOWS.map(({ id, base }) => {
    const earlierSession = base(session);
    const then = alignedIndex(series, earlierSession, maxAgeDays);
    if (typeof then === 'string') return missing(id, `needs a value for ${earlierSession}: ${then}`);
    const change = series.closes[now]! - series.closes[then]!;
    return computed(id, change, [closeInput(series, then), closeInput(series, now)]);
  });
  return [level, ...changes];
}
