/**
 * An article's chart in the newsletter: a small table of the chart's closes. Email clients strip
 * scripts and SVG, many block remote images by default, and a table also reads in the text part
 * and on a screen reader. The snapshot is the one the site draws (front matter `chart`, see
 * src/content/chart-snapshot.ts): closes of each series on shared session dates.
 */

import { chartValue, isRate } from '../content/chart-snapshot.ts';
import type { FrontMatter } from '../content/front-matter.ts';
import { formatDate, formatPercent } from '../facts/format.ts';
import type { IsoDate } from '../types.ts';

export type ArticleChart = NonNullable<FrontMatter['chart']>;

export interface ChartTable {
  title: string;
  /** Column headings after the date column: the series' names. */
  columns: string[];
  rows: { date: string; values: string[] }[];
  /** Each series from the chart's first close to its last: what the site's rebased lines show. */
  change: string[];
  /** The change row's label, "Change since Oct. 29": the whole chart's move, not the day's. */
  changeLabel: string;
}

/** At most this many rows: the closes are a summary of a line, not the data set. */
export const MAX_CHART_ROWS = 6;

export function chartTable(chart: ArticleChart, asOf: IsoDate, maxRows = MAX_CHART_ROWS): ChartTable {
  const rows = sampleEvenly(
    chart.dates.map((_, i) => i),
    maxRows,
  );
  return {
    title: chart.title,
    columns: chart.series.map((s) => s.name),
    rows: rows.map((i) => ({
      date: formatDate(chart.dates[i]!, asOf),
      values: chart.series.map((s) => chartValue(s, s.closes[i]!)),
    })),
    changeLabel: `Change since ${formatDate(chart.dates[0]!, asOf)}`,
    // A rate's change is in basis points (never a percent of a percent: "+11.8%" of a yield).
    change: chart.series.map((s) =>
      isRate(s)
        ? signedBasisPoints(s.closes.at(-1)! - s.closes[0]!)
        : signedPercent(s.closes.at(-1)! / s.closes[0]! - 1),
    ),
  };
}

function signedBasisPoints(points: number): string {
  const bp = Math.round(points * 100);
  return `${bp > 0 ? '+' : ''}${bp} bp`;
}

function signedPercent(fraction: number): string {
  const text = formatPercent(fraction);
  return fraction > 0 && text !== '0.0%' ? `+${text}` : text;
}

/** `count` items spread evenly over `items`, the first and the last always among them. */
export function sampleEvenly<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  if (count <= 1) return items.slice(-1);
  const step = (items.length - 1) / (count - 1);
  return Array.from({ length: count }, (_, i) => items[Math.round(i * step)]!);
}
