/**
 * Calendar-year returns and the streaks of years one series spent behind another.
 *
 * The annual return of year Y is the last close of Y ÷ the last close of Y − 1, less 1, so a
 * first year the data only partly covers has no return and doesn't count. Which years are
 * complete is the caller's call: at an as-of session in year A, years before A are.
 */
import type { Series } from '../types.ts';
import type { PeriodIndex } from './periods.ts';

export interface AnnualReturn {
  year: number;
  value: number;
  /** Index of the last session of the prior year (the base) and of the year. */
  fromIndex: number;
  toIndex: number;
}

/** Returns of every year with a close in the year before, in order; the last may be partial. */
export function annualReturns(series: Series, periods: PeriodIndex): AnnualReturn[] {
  const years: AnnualReturn[] = [];
  const n = series.dates.length;
  for (let i = 0; i < n; i++) {
    const isYearEnd = i === n - 1 || periods.priorYearEnd[i + 1] === i;
    const base = periods.priorYearEnd[i]!;
    const year = Number(series.dates[i]!.slice(0, 4));
    // The base must close the year just before: a year missing from the data is no base.
    if (!isYearEnd || base < 0 || Number(series.dates[base]!.slice(0, 4)) !== year - 1) continue;
    const value = series.closes[i]! / series.closes[base]! - 1;
    years.push({ year, value, fromIndex: base, toIndex: i });
  }
  return years;
}

/** Where S was behind B, year by year, and the streaks that makes. */
export interface YearsUnder {
  /** The first year both series have a return for; the arrays below are indexed by year − firstYear. */
  firstYear: number;
  s: Array<AnnualReturn | undefined>;
  b: Array<AnnualReturn | undefined>;
  /** Consecutive years behind ending at each year; -1 where either series has no return. */
  streak: Int32Array;
  /** The longest streak ending at or before each year, and the year it ended (the latest, on a tie). */
  longest: Int32Array;
  longestEnd: Int32Array;
}

export function compareYears(s: readonly AnnualReturn[], b: readonly AnnualReturn[]): YearsUnder {
  const firstYear = Math.max(s[0]?.year ?? Number.POSITIVE_INFINITY, b[0]?.year ?? Number.POSITIVE_INFINITY);
  const lastYear = Math.min(
    s.at(-1)?.year ?? Number.NEGATIVE_INFINITY,
    b.at(-1)?.year ?? Number.NEGATIVE_INFINITY,
  );
  const span = Number.isFinite(firstYear) && lastYear >= firstYear ? lastYear - firstYear + 1 : 0;
  const byYear = (returns: readonly AnnualReturn[]) => {
    const table = new Array<AnnualReturn | undefined>(span).fill(undefined);
    for (const r of returns) if (r.year >= firstYear && r.year <= lastYear) table[r.year - firstYear] = r;
    return table;
  };
  const table: YearsUnder = {
    firstYear,
    s: byYear(s),
    b: byYear(b),
    streak: new Int32Array(span),
    longest: new Int32Array(span),
    longestEnd: new Int32Array(span),
  };
  let run = 0;
  let longest = 0;
  let longestEnd = -1;
  for (let k = 0; k < span; k++) {
    const sYear = table.s[k];
    const bYear = table.b[k];
    // A year missing from either series breaks the streak: nothing is known about it.
    if (!sYear || !bYear) {
      run = 0;
      table.streak[k] = -1;
    } else {
      run = sYear.value < bYear.value ? run + 1 : 0;
      table.streak[k] = run;
      if (run > 0 && run >= longest) {
        longest = run;
        longestEnd = firstYear + k;
      }
    }
    table.longest[k] = longest;
    table.longestEnd[k] = longestEnd;
  }
  return table;
}
