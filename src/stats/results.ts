/**
 * Builders for stat results and their inputs, so every stat names the closes and windows it
 * read the same way, and every "too little history" reason reads the same way.
 */
import type { IsoDate, Series } from '../types.ts';
import type { StatInput, StatInputs, StatRange, StatResult, StatValue } from './types.ts';

export function computed(id: string, value: StatValue, inputs: StatInputs): StatResult {
  return { id, value, inputs };
}

export function missing(id: string, reason: string): StatResult {
  return { id, missing: reason };
}

export function isMissing(result: StatResult): result is { id: string; missing: string } {
  return 'missing' in result;
}

export function closeInput(series: Series, i: number): StatInput {
  return { series: series.symbol, date: series.dates[i]!, close: series.closes[i]! };
}

/** The sessions from index `from` to index `to`, both included. */
export function rangeInput(series: Series, from: number, to: number): StatRange {
  return { series: series.symbol, from: series.dates[from]!, to: series.dates[to]!, sessions: to - from + 1 };
}

/** Reason for a stat that needs `count` sessions ending at `i`. */
export function needsSessions(series: Series, count: number, i: number): string {
  return `needs ${count} sessions of ${series.symbol} history through ${series.dates[i]}; has ${i + 1}`;
}

/** Reason for a stat that needs a close before a period (`the week of 2025-09-15`) history doesn't reach. */
export function needsCloseBefore(series: Series, period: string): string {
  return `needs a close of ${series.symbol} before ${period}; history starts ${firstDate(series)}`;
}

function firstDate(series: Series): IsoDate {
  return series.dates[0] ?? 'nowhere (no sessions)';
}
