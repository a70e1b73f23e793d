/**
 * "Best since": the end date of the most recent earlier day, calendar week or calendar month
 * whose gain was at least as large as the current one's (to date, at the as-of session); null
 * when none was, i.e. the best since `history.first_date`. The definition holds for losses too
 * (after a −3% week it names the last week that did at least as well as −3%); whether that is
 * worth printing is the drafting layer's call. Gains compare unrounded.
 *
 * A period's return runs from the last close of the period before to its last close (to the
 * as-of session for the current one), the base of `return.week` and `return.mtd`: a week after
 * a gap in the data has no return, and is neither compared nor a candidate.
 */
import type { Series } from '../types.ts';
import { type PeriodIndex, priorPeriodClose } from './periods.ts';
import { LazySince, RecentAtLeast, scanBackAtLeast } from './recent-at-least.ts';
import type { PairAnalysis } from './relative.ts';
import { closeInput, computed, missing, needsSessions, rangeInput } from './results.ts';
import { DEFAULT_SUPERLATIVE_MIN_PERIODS, isNotable, type SuperlativeMinPeriods } from './superlatives.ts';
import type { StatInputs, StatResult } from './types.ts';

export type BestSinceKind = 'day' | 'week' | 'month';

/** For each kind and session: the last session of the most recent earlier period with a return ≥ the current one; -1 if none. */
export type BestSinceIndex = Record<BestSinceKind, LazySince>;

const KINDS: readonly BestSinceKind[] = ['day', 'week', 'month'];

/**
 * For steps grouped into consecutive periods, each with a period-to-date value (NaN: none):
 * for every step, the last step of the most recent earlier period whose final value is ≥ the
 * step's value, or -1.
 *
 * Completed periods are the candidates (recent-at-least.ts): O(log n) per step, pushes and pops
 * amortized O(1) per period. (records.ts gets away with a pointer that only moves down because
 * a drought only grows; a period-to-date return moves both ways within its period.)
 */
export function mostRecentAtLeast(
  length: number,
  startsPeriod: (k: number) => boolean,
  valueAt: (k: number) => number,
): Int32Array {
  const answer = new Int32Array(length).fill(-1);
  const completed = new RecentAtLeast(length);
  let previous = Number.NaN;
  for (let k = 0; k < length; k++) {
    if (k > 0 && startsPeriod(k) && !Number.isNaN(previous)) completed.push(k - 1, previous);
    const x = valueAt(k);
    previous = x;
    if (!Number.isNaN(x)) answer[k] = completed.lastAtLeast(x);
  }
  return answer;
}

/**
 * `mostRecentAtLeast` as a lazy index (`LazySince`): one answer scans back over the ends of
 * earlier periods (a step followed by the start of a period), the candidates the stack holds.
 */
export function periodSince(
  length: number,
  startsPeriod: (k: number) => boolean,
  valueAt: (k: number) => number,
): LazySince {
  return new LazySince(
    () => mostRecentAtLeast(length, startsPeriod, valueAt),
    (k) => scanBackAtLeast(k - 1, valueAt(k), (e) => (startsPeriod(e + 1) ? valueAt(e) : Number.NaN)),
  );
}

export function indexBestSince(series: Series, periods: PeriodIndex): BestSinceIndex {
  const closes = series.closes;
  const build = (kind: BestSinceKind) => {
    const prior = priorEnds(periods, kind);
    const base = periodBaseOf(series, periods, kind, prior);
    return periodSince(
      closes.length,
      (k) => prior(k) !== prior(k - 1),
      (k) => {
        const b = base(k);
        return b < 0 ? Number.NaN : closes[k]! / closes[b]! - 1;
      },
    );
  };
  return { day: build('day'), week: build('week'), month: build('month') };
}

/** `day.best_since`, `week.best_since`, `month.best_since` and the `history.first_date` they reach back to. */
export function bestSinceStatsAt(
  series: Series,
  periods: PeriodIndex,
  index: BestSinceIndex,
  i: number,
  min: SuperlativeMinPeriods = DEFAULT_SUPERLATIVE_MIN_PERIODS,
): StatResult[] {
  const results = KINDS.flatMap((kind): StatResult[] => {
    const id = `${kind}.best_since`;
    const base =
      kind === 'day'
        ? i >= 1
          ? i - 1
          : needsSessions(series, 2, i)
        : priorPeriodClose(series, periods, kind, i);
    if (typeof base === 'string')
      return kind === 'day' ? [missing(id, base)] : [missing(id, base), missing(`${id}.notable`, base)];
    const end = index[kind].at(i);
    const inputs: StatInputs = [closeInput(series, base), closeInput(series, i)];
    if (end < 0) inputs.push(rangeInput(series, 0, i));
    else inputs.push(closeInput(series, periodBase(periods, kind, end)), closeInput(series, end));
    const since = computed(id, end >= 0 ? series.dates[end]! : null, inputs);
    // `day.best_since.notable` comes with the rolling windows (rolling-since.ts).
    if (kind === 'day') return [since];
    const at = (k: number) => ({ index: k, date: series.dates[k]! });
    const gained = series.closes[i]! > series.closes[base]!;
    const notable = isNotable(kind, min, gained, end >= 0 ? at(end) : null, at(i), at(0));
    return [since, computed(`${id}.notable`, notable, inputs)];
  });
  results.push(computed('history.first_date', series.dates[0]!, [closeInput(series, 0)]));
  return results;
}

/** The index before each session's period (a day is its own period: the session before it). */
function priorEnds(periods: PeriodIndex, kind: BestSinceKind): (k: number) => number {
  if (kind === 'week') return (k) => periods.priorWeekEnd[k]!;
  if (kind === 'month') return (k) => periods.priorMonthEnd[k]!;
  return (k) => k - 1;
}

/** The base of a period that had a return, from its last session. */
function periodBase(periods: PeriodIndex, kind: BestSinceKind, end: number): number {
  if (kind === 'week') return periods.priorWeekEnd[end]!;
  if (kind === 'month') return periods.priorMonthEnd[end]!;
  return end - 1;
}

/**
 * Each session's return base, or -1 where `return.week` / `return.mtd` would be missing. The
 * check reads dates as text, so each period's answer is kept, worked out at its first lookup.
 */
function periodBaseOf(
  series: Series,
  periods: PeriodIndex,
  kind: BestSinceKind,
  prior: (k: number) => number,
): (k: number) => number {
  if (kind === 'day') return prior;
  const known = new Map<number, number>();
  return (k) => {
    const end = prior(k);
    let base = known.get(end);
    if (base === undefined) {
      const found = priorPeriodClose(series, periods, kind, k);
      base = typeof found === 'number' ? found : -1;
      known.set(end, base);
    }
    return base;
  };
}

/**
 * The month spread (S's month return minus B's, as `spread.mtd`) over the sessions both series
 * have, indexed by common session: a completed month's spread is its `spread.mtd` at its last
 * common session. A month where either base is missing is skipped, as for a single series.
 */
export function indexMonthSpreadBestSince(
  p: Omit<PairAnalysis, 'monthSpreadBestSince' | 'leads' | 'superlatives' | 'ytdRace'>,
): LazySince {
  const { s, b, sPeriods, bPeriods, commonS, commonB } = p;
  const monthOf = (k: number) => sPeriods.priorMonthEnd[commonS[k]!]!;
  const sameMonth = (k: number) => k > 0 && monthOf(k) === monthOf(k - 1);
  // Both bases of each month, worked out at its first lookup (the check reads dates as text).
  const known = new Map<number, [number, number]>();
  const basesOf = (k: number): [number, number] => {
    let bases = known.get(monthOf(k));
    if (!bases) {
      const sBase = priorPeriodClose(s, sPeriods, 'month', commonS[k]!);
      const bBase = priorPeriodClose(b, bPeriods, 'month', commonB[k]!);
      bases = typeof sBase === 'number' && typeof bBase === 'number' ? [sBase, bBase] : [-1, -1];
      known.set(monthOf(k), bases);
    }
    return bases;
  };
  return periodSince(
    commonS.length,
    (k) => !sameMonth(k),
    (k) => {
      const [sBase, bBase] = basesOf(k);
      return sBase < 0
        ? Number.NaN
        : // The same expression as `spread.mtd`, so equal spreads compare equal.
          s.closes[commonS[k]!]! / s.closes[sBase]! - b.closes[commonB[k]!]! / b.closes[bBase]!;
    },
  );
}

/** `vs.<B>.month_spread.best_since` at S's session `i`, B's session `j` (the same date). */
export function monthSpreadBestSinceAt(p: PairAnalysis, i: number, j: number, id: string): StatResult {
  const sBase = priorPeriodClose(p.s, p.sPeriods, 'month', i);
  const bBase = priorPeriodClose(p.b, p.bPeriods, 'month', j);
  if (typeof sBase === 'string') return missing(id, sBase);
  if (typeof bBase === 'string') return missing(id, bBase);
  const inputs: StatInputs = [
    closeInput(p.s, sBase),
    closeInput(p.s, i),
    closeInput(p.b, bBase),
    closeInput(p.b, j),
  ];
  const end = p.monthSpreadBestSince.at(p.commonOfS[i]!);
  if (end < 0) {
    inputs.push(rangeInput(p.s, p.commonS[0]!, i), rangeInput(p.b, p.commonB[0]!, j));
    return computed(id, null, inputs);
  }
  const sEnd = p.commonS[end]!;
  const bEnd = p.commonB[end]!;
  inputs.push(
    closeInput(p.s, p.sPeriods.priorMonthEnd[sEnd]!),
    closeInput(p.s, sEnd),
    closeInput(p.b, p.bPeriods.priorMonthEnd[bEnd]!),
    closeInput(p.b, bEnd),
  );
  return computed(id, p.s.dates[sEnd]!, inputs);
}
