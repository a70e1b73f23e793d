/**
 * The Fed's target range as FRED records it (DFEDTARL, DFEDTARU): its level on a session, the
 * last change of it and its size, whether that change started a new direction ("the first cut
 * since March 2020"), and the next FOMC decision with the sessions left until it.
 *
 * FRED dates a change on the day it takes effect, the day after the decision (the cut decided
 * on 2024-09-18 is on FRED from 2024-09-19); a change is reported under its decision day, the
 * FOMC meeting at most `DECISION_LAG_DAYS` before it (the unscheduled 2020-03-15 meeting
 * included). On a decision day itself the stored range is still the old one, so the change shows
 * from the next session: a fact never reads a value dated after its session.
 */
import { addDays, toDayNumber } from '../calendar/dates.ts';
import { FOMC_MEETINGS } from '../calendar/fomc.ts';
import { countSessionsBetween, isSession } from '../calendar/nyse.ts';
import type { IsoDate, Series } from '../types.ts';
import { indexOnOrBefore } from './periods.ts';
import { closeInput, computed, missing } from './results.ts';
import type { StatResult } from './types.ts';

/** Calendar days from a decision to the range taking effect: one, three over a weekend. */
export const DECISION_LAG_DAYS = 4;

/** Longest gap between two scheduled FOMC decisions, with slack (2015-2028: 56 days). */
export const MAX_MEETING_GAP_DAYS = 70;

export interface TargetChange {
  /** FOMC decision day (the effective date when no meeting in the calendar precedes it). */
  decision: IsoDate;
  /** Index in the upper-limit series of the first value after the change, and of the last before. */
  after: number;
  before: number;
  /** Size in basis points, signed: −25 is a quarter-point cut. */
  bp: number;
}

const DECISIONS = FOMC_MEETINGS.filter((m) => m.kind !== 'cancelled').map((m) => m.date);

/** The decision behind a range that took effect on `effective`. */
function decisionOf(effective: IsoDate): IsoDate {
  for (let k = DECISIONS.length - 1; k >= 0; k--) {
    const d = DECISIONS[k]!;
    if (d >= effective) continue;
    return toDayNumber(effective) - toDayNumber(d) <= DECISION_LAG_DAYS ? d : effective;
  }
  return effective;
}

/**
 * Every change of the range, oldest first, read off the upper limit (both limits move together
 * in every change since ranges began in December 2008). One pass; memoized per series object.
 */
const changesCache = new WeakMap<Series, TargetChange[]>();
export function targetChanges(upper: Series): TargetChange[] {
  let changes = changesCache.get(upper);
  if (changes) return changes;
  changes = [];
  for (let k = 1; k < upper.closes.length; k++) {
    const bp = Math.round((upper.closes[k]! - upper.closes[k - 1]!) * 100);
    if (bp !== 0) changes.push({ decision: decisionOf(upper.dates[k]!), after: k, before: k - 1, bp });
  }
  changesCache.set(upper, changes);
  return changes;
}

/** The latest change effective on or before `session`, with its index in `changes`; -1 if none. */
function lastChangeIndex(changes: readonly TargetChange[], upper: Series, session: IsoDate): number {
  const i = indexOnOrBefore(upper, session);
  let lo = 0;
  let hi = changes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (changes[mid]!.after <= i) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * `target.last_change_date`, `target.last_change_bp`, `target.last_change_cut` and
 * `target.first_since` at `session`: the last change effective on or before it. `first_since`
 * is there only when that change turned the direction (or none came before it): the decision
 * day of the latest earlier change in the same direction, null when the data hold none.
 */
export function targetChangeStatsAt(upper: Series, session: IsoDate): StatResult[] {
  const ids = [
    'target.last_change_date',
    'target.last_change_bp',
    'target.last_change_cut',
    'target.first_since',
  ];
  const changes = targetChanges(upper);
  const at = lastChangeIndex(changes, upper, session);
  if (at < 0) {
    const reason = `no change of the fed funds target range in ${upper.symbol} from ${upper.dates[0]} through ${session}`;
    return ids.map((id) => missing(id, reason));
  }
  const change = changes[at]!;
  const inputs = [closeInput(upper, change.before), closeInput(upper, change.after)];
  const sign = Math.sign(change.bp);
  const previous = changes[at - 1];
  const word = sign < 0 ? 'cut' : 'hike';
  let firstSince: StatResult;
  if (previous && Math.sign(previous.bp) === sign) {
    firstSince = missing(
      'target.first_since',
      `the ${word} decided ${change.decision} continued the ${word}s of ${previous.decision}: not a first ${word} since anything`,
    );
  } else {
    let k = at - 1;
    while (k >= 0 && Math.sign(changes[k]!.bp) !== sign) k--;
    const same = k >= 0 ? changes[k]! : undefined;
    firstSince = computed(
      'target.first_since',
      same ? same.decision : null,
      same ? [...inputs, closeInput(upper, same.before), closeInput(upper, same.after)] : [...inputs],
    );
  }
  return [
    computed('target.last_change_date', change.decision, inputs),
    computed('target.last_change_bp', change.bp, inputs),
    computed('target.last_change_cut', sign < 0, inputs),
    firstSince,
  ];
}

/**
 * `next_meeting` (the first decision day after `session` among `meetings`) and
 * `next_meeting.sessions`: NYSE sessions after `session` up to and including that day.
 */
export function nextMeetingStatsAt(session: IsoDate, meetings: readonly IsoDate[]): StatResult[] {
  const sorted = [...meetings].sort();
  const next = sorted.find((m) => m > session);
  // Scheduled meetings are at most about seven weeks apart: a "next" meeting further off means
  // the calendar does not reach back to the session, and the real next meeting is unknown.
  const tooFar = next !== undefined && toDayNumber(next) - toDayNumber(session) > MAX_MEETING_GAP_DAYS;
  if (!next || tooFar) {
    const reason = tooFar
      ? `the FOMC calendar in the repo starts ${sorted[0]}; it does not cover ${session}`
      : `no FOMC meeting after ${session} in the calendar (src/calendar/fomc.ts) or the desk's notes`;
    return [missing('next_meeting', reason), missing('next_meeting.sessions', reason)];
  }
  let sessions: number;
  try {
    sessions = countSessionsBetween(session, next) + (isSession(next) ? 1 : 0);
  } catch (error) {
    // A meeting from the desk's notes beyond the NYSE calendar in the repo.
    const reason = error instanceof RangeError ? error.message : String(error);
    return [computed('next_meeting', next, []), missing('next_meeting.sessions', reason)];
  }
  const range = { series: 'NYSE', from: addDays(session, 1), to: next, sessions };
  return [
    computed('next_meeting', next, [range]),
    computed('next_meeting.sessions', range.sessions, [range]),
  ];
}
