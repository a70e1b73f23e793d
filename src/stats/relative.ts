/**
 * A series against a benchmark: daily outperformance streaks on the sessions both have, return
 * spreads, and years behind. Everything is indexed once in `analyzePair`; the stats at a date
 * are O(log n) (finding the session) plus O(1).
 */
import type { IsoDate, Series } from '../types.ts';
import { type AnnualReturn, annualReturns, compareYears, type YearsUnder } from './annual.ts';
import { indexMonthSpreadBestSince, monthSpreadBestSinceAt } from './best-since.ts';
import {
  DEFAULT_YTD_RACE,
  indexLeads,
  type LeadIndex,
  leadStatsAt,
  type YtdRaceThresholds,
  ytdRaceStatsAt,
} from './lead-since.ts';
import { indexOnOrBefore, indexPeriods, type PeriodIndex, priorPeriodClose } from './periods.ts';
import type { LazySince } from './recent-at-least.ts';
import { closeInput, computed, missing, rangeInput } from './results.ts';
import { runLengths } from './streaks.ts';
import { DEFAULT_SUPERLATIVE_MIN_PERIODS, isNotable, type SuperlativeMinPeriods } from './superlatives.ts';
import type { StatInputs, StatRange, StatResult } from './types.ts';

export interface PairAnalysis {
  s: Series;
  b: Series;
  sPeriods: PeriodIndex;
  bPeriods: PeriodIndex;
  /** For each session of S, the index of the same date in B, or -1. */
  bIndexOfS: Int32Array;
  /** For each session of S, its position among the dates both series have, or -1. */
  commonOfS: Int32Array;
  /** Index in S and in B of each common date, in order. */
  commonS: Int32Array;
  commonB: Int32Array;
  /** Consecutive common sessions, ending at each, in which S's daily return beat B's. */
  outperform: Int32Array;
  years: YearsUnder;
  /** Per common session: the common index ending the most recent earlier month with a spread ≥ the month to date; -1 if none. */
  monthSpreadBestSince: LazySince;
  /** Rolling 5- and 21-session leads and their widest-since answers (lead-since.ts). */
  leads: LeadIndex;
  superlatives: SuperlativeMinPeriods;
  ytdRace: YtdRaceThresholds;
}

export interface PairOptions {
  superlatives?: SuperlativeMinPeriods;
  ytdRace?: YtdRaceThresholds;
  /** The series' periods when already indexed (`analyzeSeries` has them): not indexed twice. */
  periods?: { s: PeriodIndex; b: PeriodIndex };
}

const RELATIVE_IDS = [
  'outperform_streak',
  'spread.ytd',
  'spread.mtd',
  'years_under',
  'years_under.provisional',
  'years_under.longest',
  'years_under.longest_end',
];

/** Aligns S and B on the dates both have (a merge, O(n + m)) and indexes their years. */
export function analyzePair(s: Series, b: Series, options: PairOptions = {}): PairAnalysis {
  const bIndexOfS = new Int32Array(s.dates.length).fill(-1);
  const commonOfS = new Int32Array(s.dates.length).fill(-1);
  const commonS: number[] = [];
  const commonB: number[] = [];
  for (let i = 0, j = 0; i < s.dates.length && j < b.dates.length; ) {
    const sDate = s.dates[i]!;
    const bDate = b.dates[j]!;
    if (sDate < bDate) i++;
    else if (sDate > bDate) j++;
    else {
      bIndexOfS[i] = j;
      commonOfS[i] = commonS.length;
      commonS.push(i++);
      commonB.push(j++);
    }
  }
  // A "daily" return here runs from one common session to the next, so both series are
  // measured over the same stretch even where one of them has a session the other lacks.
  const outperform = runLengths(commonS.length, (k) => {
    const sReturn = s.closes[commonS[k]!]! / s.closes[commonS[k - 1]!]!;
    const bReturn = b.closes[commonB[k]!]! / b.closes[commonB[k - 1]!]!;
    return sReturn > bReturn;
  });
  const sPeriods = options.periods?.s ?? indexPeriods(s.dates);
  const bPeriods = options.periods?.b ?? indexPeriods(b.dates);
  const pair = {
    s,
    b,
    sPeriods,
    bPeriods,
    bIndexOfS,
    commonOfS,
    commonS: Int32Array.from(commonS),
    commonB: Int32Array.from(commonB),
    outperform,
    years: compareYears(annualReturns(s, sPeriods), annualReturns(b, bPeriods)),
  };
  return {
    ...pair,
    monthSpreadBestSince: indexMonthSpreadBestSince(pair),
    leads: indexLeads(pair),
    superlatives: options.superlatives ?? DEFAULT_SUPERLATIVE_MIN_PERIODS,
    ytdRace: options.ytdRace ?? DEFAULT_YTD_RACE,
  };
}

/**
 * Stats of S against B (ids `vs.<B>.…`) at S's last session on or before `date`, the session
 * `S.close` reports. B must have a close that same session: comparing with an older B close
 * would quietly mix two days, so every stat is missing instead.
 */
export function relativeStatsAt(p: PairAnalysis, date: IsoDate): StatResult[] {
  const prefix = `vs.${p.b.symbol}.`;
  const i = indexOnOrBefore(p.s, date);
  const j = i >= 0 ? p.bIndexOfS[i]! : -1;
  if (j < 0) {
    const reason =
      i < 0
        ? `needs a close of ${p.s.symbol} on or before ${date}; history starts ${p.s.dates[0] ?? 'nowhere'}`
        : `needs a close of ${p.b.symbol} on ${p.s.dates[i]}, the ${p.s.symbol} session on or before ${date}`;
    return RELATIVE_IDS.map((id) => missing(prefix + id, reason));
  }
  return [
    outperformStreak(p, i, j, prefix),
    spread(p, i, j, 'year', `${prefix}spread.ytd`),
    spread(p, i, j, 'month', `${prefix}spread.mtd`),
    ...yearsUnderStats(p, i, j, prefix),
  ];
}

/**
 * Stats of S against B that compare the as-of with all of history (`vs.<B>.month_spread.best_since`),
 * at the same session as `relativeStatsAt`.
 */
export function relativeHistoryStatsAt(p: PairAnalysis, date: IsoDate): StatResult[] {
  const prefix = `vs.${p.b.symbol}.`;
  const id = `${prefix}month_spread.best_since`;
  const sessions = sessionsOn(p, date);
  if (typeof sessions === 'string') return [missing(id, sessions), missing(`${id}.notable`, sessions)];
  const [i, j] = sessions;
  const best = monthSpreadBestSinceAt(p, i, j, id);
  return [
    best,
    monthSpreadNotable(p, i, j, best),
    ...leadStatsAt(p, i, j, prefix, p.superlatives),
    ...ytdRaceStatsAt(p, i, prefix, p.ytdRace),
  ];
}

/** `vs.B.month_spread.best_since.notable`: S leads B for the month, and the month named is far enough back. */
function monthSpreadNotable(p: PairAnalysis, i: number, j: number, best: StatResult): StatResult {
  const id = `${best.id}.notable`;
  if ('missing' in best) return missing(id, best.missing);
  const lead = spread(p, i, j, 'month', id);
  if ('missing' in lead) return lead;
  const at = (k: number) => ({ index: k, date: p.s.dates[k]! });
  const then = typeof best.value === 'string' ? at(indexOnOrBefore(p.s, best.value)) : null;
  const notable = isNotable(
    'month',
    p.superlatives,
    (lead.value as number) > 0,
    then,
    at(i),
    at(p.commonS[0]!),
  );
  return computed(id, notable, best.inputs);
}

/**
 * S's last session on or before `date` and B's session on that same date, or why there is none
 * (the same rule and words as `relativeStatsAt`).
 */
function sessionsOn(p: PairAnalysis, date: IsoDate): [number, number] | string {
  const i = indexOnOrBefore(p.s, date);
  const j = i >= 0 ? p.bIndexOfS[i]! : -1;
  if (j >= 0) return [i, j];
  return i < 0
    ? `needs a close of ${p.s.symbol} on or before ${date}; history starts ${p.s.dates[0] ?? 'nowhere'}`
    : `needs a close of ${p.b.symbol} on ${p.s.dates[i]}, the ${p.s.symbol} session on or before ${date}`;
}

function outperformStreak(p: PairAnalysis, i: number, j: number, prefix: string): StatResult {
  const id = `${prefix}outperform_streak`;
  const k = p.commonOfS[i]!;
  if (k < 1) {
    return missing(
      id,
      `needs a session before ${p.s.dates[i]} that both ${p.s.symbol} and ${p.b.symbol} have`,
    );
  }
  const run = p.outperform[k]!;
  // The streak reads both series from the common session before its first win to the as-of.
  const from = k - Math.max(run, 1);
  return computed(id, run, [rangeInput(p.s, p.commonS[from]!, i), rangeInput(p.b, p.commonB[from]!, j)]);
}

function spread(p: PairAnalysis, i: number, j: number, kind: 'year' | 'month', id: string): StatResult {
  const sBase = priorPeriodClose(p.s, p.sPeriods, kind, i);
  const bBase = priorPeriodClose(p.b, p.bPeriods, kind, j);
  if (typeof sBase === 'string') return missing(id, sBase);
  if (typeof bBase === 'string') return missing(id, bBase);
  const value = p.s.closes[i]! / p.s.closes[sBase]! - p.b.closes[j]! / p.b.closes[bBase]!;
  return computed(id, value, [
    closeInput(p.s, sBase),
    closeInput(p.s, i),
    closeInput(p.b, bBase),
    closeInput(p.b, j),
  ]);
}

function yearsUnderStats(p: PairAnalysis, i: number, j: number, prefix: string): StatResult[] {
  const ids = ['years_under', 'years_under.provisional', 'years_under.longest', 'years_under.longest_end'];
  const lastYear = Number(p.s.dates[i]!.slice(0, 4)) - 1;
  const k = lastYear - p.years.firstYear;
  const streak = k >= 0 && k < p.years.streak.length ? p.years.streak[k]! : -1;
  if (streak < 0) {
    const reason = `needs ${lastYear} complete in both ${p.s.symbol} and ${p.b.symbol} (closes at the end of ${lastYear - 1} and of ${lastYear})`;
    return ids.map((id) => missing(prefix + id, reason));
  }
  const streakInputs = yearsInputs(p, lastYear - Math.max(streak, 1) + 1, lastYear);
  const longest = p.years.longest[k]!;
  const longestEnd = p.years.longestEnd[k]!;
  const longestInputs =
    longest > 0
      ? yearsInputs(p, longestEnd - longest + 1, longestEnd)
      : yearsInputs(p, p.years.firstYear, lastYear);
  return [
    computed(prefix + ids[0], streak, streakInputs),
    provisional(p, i, j, prefix + ids[1], streak, streakInputs),
    computed(prefix + ids[2], longest, longestInputs),
    computed(prefix + ids[3], longestEnd >= 0 ? longestEnd : null, longestInputs),
  ];
}

/**
 * The streak as if the year ended at the as-of session: one more year when S is behind B year
 * to date, else the completed-years streak unchanged (not 0: the current year isn't over, so
 * it can extend the streak but not yet end it).
 */
function provisional(
  p: PairAnalysis,
  i: number,
  j: number,
  id: string,
  streak: number,
  streakInputs: StatInputs,
): StatResult {
  const sBase = priorPeriodClose(p.s, p.sPeriods, 'year', i);
  const bBase = priorPeriodClose(p.b, p.bPeriods, 'year', j);
  if (typeof sBase === 'string') return missing(id, sBase);
  if (typeof bBase === 'string') return missing(id, bBase);
  const behind = p.s.closes[i]! / p.s.closes[sBase]! < p.b.closes[j]! / p.b.closes[bBase]!;
  return computed(id, behind ? streak + 1 : streak, [
    ...streakInputs,
    closeInput(p.s, sBase),
    closeInput(p.s, i),
    closeInput(p.b, bBase),
    closeInput(p.b, j),
  ]);
}

/** Both series' sessions from the base of `fromYear` to the end of `toYear`. */
function yearsInputs(p: PairAnalysis, fromYear: number, toYear: number): StatRange[] {
  const span = (table: Array<AnnualReturn | undefined>, series: Series): StatRange => {
    let first = fromYear - p.years.firstYear;
    while (!table[first]) first++; // `toYear` has a return in both, so this stops there at the latest
    return rangeInput(series, table[first]!.fromIndex, table[toYear - p.years.firstYear]!.toIndex);
  };
  return [span(p.years.s, p.s), span(p.years.b, p.b)];
}
