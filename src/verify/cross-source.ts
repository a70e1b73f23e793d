/**
 * Cross-check: two sources that hold the same symbol and session must agree on its close. Each
 * source is compared with the close the stats use (the best-ranked source of that date), so
 * three sources give at most two problems per session, and the message names which one is used.
 *
 * A zero-volume row facing a positive-volume row of another source is the signature of a file
 * saved during the session (see ../shared/data/market/README.md): when such a row disagrees, a
 * warning says which side is probably wrong.
 */
import type { DailyBar, InputProblem, IsoDate, SymbolKey } from '../types.ts';
import { formatLevel, formatPercent, verifyProblem } from './problems.ts';
import type { SourceBars, UsedSeries } from './types.ts';

/** Past this many mismatches between two sources, one summary problem stands for the rest. */
const LISTED_PER_PAIR = 10;

export function crossCheckSources(
  symbol: SymbolKey,
  used: UsedSeries,
  sources: readonly SourceBars[],
  tolerance: number,
): InputProblem[] {
  if (sources.length < 2) return [];
  const barsOf = new Map(sources.map((s) => [s.source, new Map(s.bars.map((b) => [b.date, b]))]));
  const usedIndex = new Map(used.dates.map((date, i) => [date, i]));
  const problems: InputProblem[] = [];
  for (const other of sources) {
    const listed = new Map<string, number>();
    const unlisted = new Map<string, IsoDate[]>();
    for (const bar of other.bars) {
      const i = usedIndex.get(bar.date);
      if (i === undefined || used.sources[i] === other.source) continue;
      const usedSource = used.sources[i]!;
      const usedBar = barsOf.get(usedSource)?.get(bar.date);
      const usedClose = used.closes[i]!;
      const gap = Math.abs(bar.close - usedClose);
      if (gap <= tolerance * Math.abs(usedClose)) continue;
      const pair = `${usedSource} and ${other.source}`;
      if ((listed.get(pair) ?? 0) >= LISTED_PER_PAIR) {
        unlisted.set(pair, [...(unlisted.get(pair) ?? []), bar.date]);
        continue;
      }
      listed.set(pair, (listed.get(pair) ?? 0) + 1);
      problems.push(
        verifyProblem(
          'verify/close-mismatch',
          { symbol, date: bar.date },
          `${symbol} closes disagree on ${bar.date}: ${formatLevel(usedClose)} in ${usedSource} (used) and ${formatLevel(bar.close)} in ${other.source}, ${gap.toFixed(2)} points (${formatPercent(gap / Math.abs(usedClose))}) apart, more than the ${formatPercent(tolerance)} tolerance.`,
        ),
      );
      const intraday = intradaySide(usedBar, usedSource, bar, other.source);
      if (intraday) {
        problems.push(
          verifyProblem(
            'verify/intraday-row',
            { symbol, date: bar.date },
            `${intraday.zero}'s ${symbol} row for ${bar.date} has volume 0 and a close ${gap.toFixed(2)} points from ${intraday.traded}'s: it was probably saved during the session, before the close; ${intraday.traded} is probably right.`,
          ),
        );
      }
    }
    for (const [pair, dates] of unlisted) {
      problems.push(
        verifyProblem(
          'verify/close-mismatch',
          { symbol, date: dates[0]! },
          `${symbol} closes disagree on ${dates.length} more sessions between ${pair} (${dates[0]} to ${dates.at(-1)}), beyond the ${formatPercent(tolerance)} tolerance.`,
          {
            hint: 'So many differences usually mean two different series (adjusted vs unadjusted, another index): check which file holds what, and import it under its own key (--symbol).',
          },
        ),
      );
    }
  }
  return problems;
}

/** Which source has the zero-volume row when the other traded; undefined when that is not the case. */
function intradaySide(
  a: DailyBar | undefined,
  aSource: string,
  b: DailyBar,
  bSource: string,
): { zero: string; traded: string } | undefined {
  if (a?.volume === 0 && (b.volume ?? 0) > 0) return { zero: aSource, traded: bSource };
  if (b.volume === 0 && (a?.volume ?? 0) > 0) return { zero: bSource, traded: aSource };
  return undefined;
}
