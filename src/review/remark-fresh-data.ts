/**
 * remark plugin: a draft speaks for the latest data. Its as-of must be the latest session of
 * the lead index in the store, or at most `maxAgeSessions` NYSE sessions before it. A
 * published article is exempt: it speaks for the day it was approved (approve passes
 * `exemptPublished: false`, so an interrupted approval is judged like a draft).
 *
 * The store is the judge, so a check that cannot see it cannot pass: no data for the lead
 * index, or a store that ends before the draft's as-of, is an error too.
 *
 * The clock is a judge as well: a draft "as of" a session that has not closed at the time of
 * the check speaks for a close that does not exist yet, whatever the store holds (rows dated
 * in the future once reached it). Such a draft fails, published or not.
 *
 * Rules: `session-not-closed`, `stale-data`, `freshness-unknown` (errors).
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { addDays, isIsoDate, isWeekend } from '../calendar/dates.ts';
import { countSessionsBetween } from '../calendar/nyse.ts';
import type { IsoDate } from '../types.ts';
import { draftOf, fieldPlace, fieldValue } from './draft-source.ts';
import { report } from './messages.ts';

export interface Options {
  /** The lead index key (the first configured index), e.g. `RUT`. */
  lead: string;
  /** Its latest session in the store; undefined when the store has none. */
  latestSession: IsoDate | undefined;
  /** How many sessions the as-of may trail the latest one (0: it must be the latest). */
  maxAgeSessions?: number;
  exemptPublished?: boolean;
  /**
   * The clock of the check: the latest session closed by then (`lastCompletedSession`) and the
   * New York time it was judged at, for the message. Without it, only the store is consulted.
   */
  clock?: { lastCompletedSession: IsoDate; checkedAt: string };
}

export default function remarkFreshData(options: Options) {
  const { lead, latestSession, maxAgeSessions = 0, exemptPublished = true, clock } = options;
  return (_tree: Root, file: VFile) => {
    const draft = draftOf(file);
    const asOf = fieldValue(draft, ['asOf']);
    if (typeof asOf !== 'string' || !isIsoDate(asOf)) return; // the schema rule reports it
    const place = fieldPlace(draft, ['asOf']);
    if (clock !== undefined && asOf > clock.lastCompletedSession) {
      report(
        file,
        'error',
        'session-not-closed',
        `The as-of session ${asOf} has not closed yet: it is ${clock.checkedAt}, and the last completed session is ${clock.lastCompletedSession}.`,
        {
          place,
          hint: `Nothing can be "as of the close" before the close: after it, fetch and write a fresh draft (wirecopy run), or draft an earlier session with --as-of ${clock.lastCompletedSession}.`,
          actual: asOf,
          expected: [clock.lastCompletedSession],
        },
      );
      return;
    }
    if (exemptPublished && fieldValue(draft, ['status']) === 'published') return;
    if (latestSession === undefined || latestSession < asOf) {
      report(
        file,
        'error',
        'freshness-unknown',
        latestSession === undefined
          ? `Cannot tell whether as-of ${asOf} is current: the store has no ${lead} data.`
          : `Cannot tell whether as-of ${asOf} is current: the store's ${lead} data ends ${latestSession}, before it.`,
        {
          place,
          hint: 'Check against the store the draft was written from (--store), after importing or fetching the latest data.',
        },
      );
      return;
    }
    const behind = sessionsBehind(asOf, latestSession);
    if (behind > maxAgeSessions) {
      report(
        file,
        'error',
        'stale-data',
        `The data is stale: as-of ${asOf} is ${behind} session${behind === 1 ? '' : 's'} behind the latest ${lead} session in the store (${latestSession}); at most ${maxAgeSessions} allowed.`,
        {
          place,
          hint: `Write a fresh draft with \`wirecopy draft\`, or allow older data with --max-age ${behind}.`,
          actual: asOf,
          expected: [latestSession],
        },
      );
    }
  };
}

/** Sessions after `asOf` up to and including `latest`; weekdays, outside the calendar's years. */
export function sessionsBehind(asOf: IsoDate, latest: IsoDate): number {
  if (latest <= asOf) return 0;
  try {
    return countSessionsBetween(asOf, latest) + 1;
  } catch {
    let weekdays = 0;
    for (let day = addDays(asOf, 1); day <= latest; day = addDays(day, 1)) if (!isWeekend(day)) weekdays++;
    return weekdays;
  }
}
