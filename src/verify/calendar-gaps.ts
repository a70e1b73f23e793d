/**
 * Gaps: NYSE sessions missing inside a series' history. A missing session silently shifts every
 * count of sessions (5-day returns, streaks, the 967-session drought), so it fails the gate.
 * Only exchange series are checked: rates follow the bond market's holidays and futures CME's.
 */
import { CALENDAR_FIRST, CALENDAR_LAST, sessionsBetween } from '../calendar/nyse.ts';
import type { InputProblem, IsoDate, SymbolKey } from '../types.ts';
import { verifyProblem } from './problems.ts';

/** Past this many gaps, one summary problem stands for the rest. */
const LISTED_GAPS = 10;

/** `dates`: ascending session dates of the series as the stats read it. */
export function findCalendarGaps(symbol: SymbolKey, dates: readonly IsoDate[]): InputProblem[] {
  const first = dates.find((d) => d >= CALENDAR_FIRST);
  const last = dates.findLast((d) => d <= CALENDAR_LAST);
  if (first === undefined || last === undefined || first > last) return [];
  const held = new Set(dates);
  const runs: IsoDate[][] = [];
  let run: IsoDate[] | undefined;
  for (const session of sessionsBetween(first, last)) {
    if (held.has(session)) {
      run = undefined;
    } else if (run) {
      run.push(session);
    } else {
      run = [session];
      runs.push(run);
    }
  }
  const range = `inside its history, ${dates[0]} to ${dates.at(-1)}`;
  const problems = runs.slice(0, LISTED_GAPS).map((missing) => {
    const what =
      missing.length === 1
        ? `the ${missing[0]} session`
        : `${missing.length} sessions, ${missing[0]} to ${missing.at(-1)}`;
    return verifyProblem(
      'verify/gap',
      { symbol, date: missing[0]! },
      `${symbol} has no close for ${what} (${range}).`,
      {
        hint: `Fetch the missing sessions (wirecopy fetch --symbols ${symbol} --since ${missing[0]}) or import a file that has them; wirecopy reports gaps and never fills them.`,
      },
    );
  });
  const rest = runs.slice(LISTED_GAPS);
  if (rest.length > 0) {
    const sessions = rest.reduce((n, r) => n + r.length, 0);
    problems.push(
      verifyProblem(
        'verify/gap',
        { symbol, date: rest[0]![0]! },
        `${symbol} has ${rest.length} more gaps (${sessions} sessions) from ${rest[0]![0]} to ${rest.at(-1)!.at(-1)}.`,
      ),
    );
  }
  return problems;
}
