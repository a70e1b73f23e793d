/**
 * Staleness: a series whose last close is older than the session being checked. A draft would
 * otherwise print, say, the S&P 500's close of two sessions ago next to today's Russell 2000.
 * Rates get one more session: FRED publishes a day's yields the next business day.
 */
import { countSessionsBetween, isSession, previousSession } from '../calendar/nyse.ts';
import { isSessionClosed } from '../fetchers/session-bars.ts';
import type { InputProblem, IsoDate, SymbolKey, SymbolKind } from '../types.ts';
import { verifyProblem } from './problems.ts';

/** The latest session that has closed by `now` on `today` (New York): today after the close, else the one before. */
export function lastCompletedSession(today: IsoDate, now: Date): IsoDate {
  return isSession(today) && isSessionClosed(today, now, 'nyse') ? today : previousSession(today);
}

/** Sessions after `last`, through `expected` (a session). */
export function sessionsBehind(last: IsoDate, expected: IsoDate): number {
  if (last >= expected) return 0;
  return countSessionsBetween(last, expected) + 1;
}

export function checkStaleness(
  symbol: SymbolKey,
  kind: SymbolKind,
  last: IsoDate,
  expected: IsoDate,
  allowedSessions: number,
): InputProblem[] {
  const allowed = allowedSessions + (kind === 'rate' ? 1 : 0);
  const behind = sessionsBehind(last, expected);
  if (behind <= allowed) return [];
  const what = kind === 'rate' ? 'observation' : 'close';
  return [
    verifyProblem(
      'verify/stale',
      { symbol, date: last },
      `${symbol}'s last ${what} is ${last}, ${behind} session${behind === 1 ? '' : 's'} before ${expected}, the session being checked (allowed: ${allowed}).`,
      {
        hint: `Fetch it (wirecopy fetch --symbols ${symbol}) or import a newer file; or check an earlier session with --as-of ${last}.`,
      },
    ),
  ];
}
