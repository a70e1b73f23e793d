/**
 * Plain computations over generated closes for the demo tests, written out here so that the
 * tests check the generator against definitions a reader can verify at a glance, not against
 * the stats engine (which is tested on its own).
 */
import type { DemoSeries } from '../../src/fetchers/demo/generate.ts';
import type { DailyBar } from '../../src/types.ts';

export function barsOf(history: readonly DemoSeries[], symbol: string): DailyBar[] {
  const series = history.find((s) => s.symbol === symbol);
  if (!series) throw new Error(`no ${symbol} in the demo history`);
  return series.bars;
}

export function closesOf(history: readonly DemoSeries[], symbol: string): number[] {
  return barsOf(history, symbol).map((bar) => bar.close);
}

export function logReturns(closes: readonly number[]): number[] {
  return closes.slice(1).map((close, i) => Math.log(close / closes[i]!));
}

export function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

export function standardDeviation(values: readonly number[]): number {
  const m = mean(values);
  return Math.sqrt(mean(values.map((v) => (v - m) ** 2)));
}

export function correlation(xs: readonly number[], ys: readonly number[]): number {
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < xs.length; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/** Correlation of a series with itself `lag` steps earlier. */
export function autocorrelation(values: readonly number[], lag: number): number {
  return correlation(values.slice(lag), values.slice(0, -lag));
}

/** Excess kurtosis: 0 for a normal distribution, positive for fat tails. */
export function excessKurtosis(values: readonly number[]): number {
  const m = mean(values);
  const variance = mean(values.map((v) => (v - m) ** 2));
  return mean(values.map((v) => (v - m) ** 4)) / variance ** 2 - 3;
}

/** How many times `flags` switches from false (or the start) to true. */
export function countEdges(flags: readonly boolean[]): number {
  let count = 0;
  for (let i = 0; i < flags.length; i++) if (flags[i] && !flags[i - 1]) count++;
  return count;
}

/** Lengths of the maximal runs of true values. */
export function runLengths(flags: readonly boolean[]): number[] {
  const runs: number[] = [];
  let run = 0;
  for (const flag of flags) {
    if (flag) run++;
    else if (run > 0) {
      runs.push(run);
      run = 0;
    }
  }
  if (run > 0) runs.push(run);
  return runs;
}

/** For each session after the first: did it close higher than the session before? */
export function upDays(closes: readonly number[]): boolean[] {
  return closes.slice(1).map((close, i) => close > closes[i]!);
}

/** Session i is the last of three straight sessions each up at least `threshold` (0.015 = 1.5%). */
export function threeDaySurges(closes: readonly number[], threshold: number): boolean[] {
  const up = closes.map((close, i) => i > 0 && close / closes[i - 1]! - 1 >= threshold);
  return up.map((_, i) => i >= 3 && up[i]! && up[i - 1]! && up[i - 2]!);
}

/** Indexes of record closes: above every earlier close (the first close has nothing to beat). */
export function recordIndexes(closes: readonly number[]): number[] {
  const records: number[] = [];
  let highest = closes[0] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i < closes.length; i++) {
    if (closes[i]! > highest) {
      records.push(i);
      highest = closes[i]!;
    }
  }
  return records;
}

/** Sessions strictly between consecutive records: the record droughts that ended. */
export function droughtLengths(records: readonly number[]): number[] {
  return records.slice(1).map((index, i) => index - records[i]! - 1);
}

/** Largest fall from a running high, as a fraction (0.5 = lost half). */
export function maxDrawdown(closes: readonly number[]): number {
  let high = closes[0]!;
  let worst = 0;
  for (const close of closes) {
    high = Math.max(high, close);
    worst = Math.max(worst, 1 - close / high);
  }
  return worst;
}

/** Price return of each calendar year, from the last close of the prior year (or the first close). */
export function calendarYearReturns(bars: readonly DailyBar[]): Map<string, number> {
  const out = new Map<string, number>();
  let base = bars[0]!.close;
  for (let i = 0; i < bars.length; i++) {
    const year = bars[i]!.date.slice(0, 4);
    const next = bars[i + 1];
    if (next === undefined || next.date.slice(0, 4) !== year) {
      out.set(year, bars[i]!.close / base - 1);
      base = bars[i]!.close;
    }
  }
  return out;
}
