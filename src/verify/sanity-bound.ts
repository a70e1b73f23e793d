/**
 * Sanity bound: a one-day move larger than the bound (default 10%) is more often a bad print (a
 * wrong close, a scale error, an intraday row) than news. Within the latest sessions, the ones a
 * draft leads with, an unconfirmed move fails the gate; a move another source confirms, or an
 * older one (1987, 2008, 2020 are real), is reported as a warning for the record.
 */
import type { InputProblem, IsoDate, SymbolKey } from '../types.ts';
import { formatLevel, formatPercent, verifyProblem } from './problems.ts';
import type { SourceBars, UsedSeries } from './types.ts';

export interface MoveBoundOptions {
  bound: number;
  /** Moves on or after this date are recent: unconfirmed, they are errors. */
  recentFrom: IsoDate;
  /** Two closes within this relative difference agree (the cross-check tolerance). */
  tolerance: number;
}

export function checkOneDayMoves(
  symbol: SymbolKey,
  used: UsedSeries,
  sources: readonly SourceBars[],
  options: MoveBoundOptions,
): InputProblem[] {
  const closesOf = sources.map((s) => ({
    source: s.source,
    closes: new Map(s.bars.map((b) => [b.date, b.close])),
  }));
  const agrees = (a: number | undefined, b: number) =>
    a !== undefined && Math.abs(a - b) <= options.tolerance * Math.abs(b);
  const problems: InputProblem[] = [];
  for (let i = 1; i < used.dates.length; i++) {
    const [before, after] = [used.closes[i - 1]!, used.closes[i]!];
    const move = after / before - 1;
    if (!(Math.abs(move) > options.bound)) continue;
    const [from, date] = [used.dates[i - 1]!, used.dates[i]!];
    // Confirmed: a source other than the one used for `date` has the same two closes.
    const confirmedBy = closesOf.find(
      (s) =>
        s.source !== used.sources[i] &&
        agrees(s.closes.get(from), before) &&
        agrees(s.closes.get(date), after),
    )?.source;
    const recent = date >= options.recentFrom;
    const verdict = confirmedBy
      ? `confirmed by ${confirmedBy}`
      : recent
        ? 'no other source confirms it'
        : `older than the latest sessions (since ${options.recentFrom}): reported for the record`;
    problems.push(
      verifyProblem(
        'verify/move-beyond-bound',
        { symbol, date },
        `${symbol} ${move > 0 ? 'rose' : 'fell'} ${formatPercent(Math.abs(move))} on ${date} (${formatLevel(before)} on ${from} to ${formatLevel(after)} in ${used.sources[i]}), beyond the ${formatPercent(options.bound)} sanity bound; ${verdict}.`,
        recent && !confirmedBy
          ? {}
          : {
              severity: 'warning',
              hint: confirmedBy
                ? 'Nothing to do: two sources agree on both closes.'
                : 'Nothing to do if the day is known (1987, 2008 and 2020 had such days); otherwise check it against another source.',
            },
      ),
    );
  }
  return problems;
}
