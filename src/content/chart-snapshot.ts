/**
 * The chart a piece carries in its front matter: the closes of the series it discusses over the
 * piece's window, on shared session dates. The draft generator calls `chartSnapshot` with series
 * from the store; the site draws the snapshot, so a site build never opens the market store.
 */

import { formatLevel } from '../facts/format.ts';
import type { IsoDate } from '../types.ts';
import type { FrontMatter } from './front-matter.ts';

export type ChartSnapshot = NonNullable<FrontMatter['chart']>;

export interface ChartSeriesInput {
  symbol: string;
  /** The name a reader knows: "Russell 2000". */
  name: string;
  dates: readonly IsoDate[];
  closes: readonly number[];
  /** `percent`: a rate (the 2-year yield), charted at its level in a panel of its own. */
  unit?: 'percent';
}

/** A rate in percent: its own panel and scale, its moves in basis points. */
export const isRate = (series: { unit?: 'percent' | undefined }): boolean => series.unit === 'percent';

export interface ChartInput {
  /** The story id (`small-cap-rally`): it decides how far back the chart reaches. */
  story: string;
  asOf: IsoDate;
  /** The lead series first; the others are drawn against it (typically the benchmark). */
  series: readonly ChartSeriesInput[];
  /** Sessions of change to show; default: the story's window. */
  sessions?: number;
}

/** Sessions each story looks back over: what its copy talks about, plus some context. */
export const STORY_WINDOWS: Readonly<Record<string, number>> = {
  'daily-wrap': 21,
  'small-cap-rally': 21,
  'weekly-recap': 21,
  'monthly-recap': 63,
  'pattern-study': 63,
  'record-high': 252,
  'rates-fed': 21,
};
const DEFAULT_WINDOW = 63;
/** Enough points for a smooth line, few enough that the front matter stays readable. */
export const MAX_POINTS = 64;
export const REBASED_TO = 100;

/**
 * The snapshot for a piece, or undefined when the lead series has fewer than two closes on or
 * before the as-of date. Only dates every series has are kept, so the lines compare like with like.
 */
export function chartSnapshot(input: ChartInput): ChartSnapshot | undefined {
  const [lead] = input.series;
  if (!lead) return undefined;
  const sessions = input.sessions ?? STORY_WINDOWS[input.story] ?? DEFAULT_WINDOW;
  const closesByDate = input.series.map((s) => closesThrough(s, input.asOf));
  const shared = [...closesByDate[0]!.keys()].filter((date) => closesByDate.every((m) => m.has(date)));
  const window = thin(shared.slice(-(sessions + 1)), MAX_POINTS);
  if (window.length < 2) return undefined;
  const indexes = input.series.filter((s) => !isRate(s)).map((s) => s.name);
  const rates = input.series.filter(isRate).map((s) => `the ${s.name}`);
  const named =
    rates.length > 0 ? `${indexes.join(' vs ')} and ${rates.join(' and ')}` : indexes.join(' vs ');
  return {
    title: `${named} over the last ${sessions} sessions`,
    rebased: REBASED_TO,
    dates: window,
    series: input.series.map((s, i) => ({
      symbol: s.symbol,
      name: s.name,
      ...(s.unit ? { unit: s.unit } : {}),
      closes: window.map((date) => round2(closesByDate[i]!.get(date)!)),
    })),
  };
}

function closesThrough(series: ChartSeriesInput, asOf: IsoDate): Map<IsoDate, number> {
  const map = new Map<IsoDate, number>();
  for (const [i, date] of series.dates.entries()) {
    const close = series.closes[i];
    if (date <= asOf && close !== undefined && close > 0) map.set(date, close);
  }
  return map;
}

/**
 * At most `max` dates, evenly stepped back from the last one; the first date is always kept,
 * because every line is rebased to its close there.
 */
export function thin(dates: readonly IsoDate[], max: number): IsoDate[] {
  if (dates.length <= max) return [...dates];
  const step = Math.ceil((dates.length - 1) / (max - 1));
  const kept: IsoDate[] = [];
  for (let i = dates.length - 1; i > 0; i -= step) kept.push(dates[i]!);
  kept.push(dates[0]!);
  return kept.reverse();
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** A close as the chart's table prints it: an index's level, a rate in percent ("2.66%"). The site's table and the newsletter's both print it. */
export function chartValue(series: { unit?: 'percent' | undefined }, value: number): string {
  return isRate(series) ? `${value.toFixed(2)}%` : formatLevel(value);
}
