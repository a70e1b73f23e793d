/**
 * A chart snapshot as an inline SVG line chart, drawn at build time: each series rebased to 100
 * on the first date, sessions evenly spaced (no weekend gaps), the rebase line dashed. The SVG
 * is `role="img"` with a title and a description that states what the lines show in words;
 * `chartTable` gives the same numbers as a table for readers who want them.
 */
import { formatDate, formatLevel, formatPercent } from '../facts/format.ts';
import { escapeHtml } from '../html-escape.ts';
import type { ChartSnapshot } from './chart-data.ts';

const WIDTH = 640;
const HEIGHT = 280;
const PAD = { top: 14, right: 136, bottom: 30, left: 44 };
/** Colour and dash per series: told apart without colour too; each ≥ 4.5:1 on white. */
const STYLES = [
  { stroke: '#1d4ed8', dash: '' },
  { stroke: '#b45309', dash: '7 4' },
  { stroke: '#047857', dash: '2 3' },
  { stroke: '#7e22ce', dash: '10 3 2 3' },
];
/** End labels are two lines (name, rebased value): this far apart they never overlap. */
const LABEL_GAP = 30;

export interface RenderedChart {
  svg: string;
  /** One sentence per series: how far it moved between the first and last date. */
  summary: string;
}

export function renderChartSvg(chart: ChartSnapshot, idPrefix = 'chart'): RenderedChart {
  const rebased = chart.series.map((s) => s.closes.map((c) => (c / s.closes[0]!) * chart.rebased));
  const all = rebased.flat();
  const ticks = niceTicks(Math.min(chart.rebased, ...all), Math.max(chart.rebased, ...all));
  const frame = frameFor(chart.dates.length, ticks);
  const summary = summarize(chart);
  const titleId = `${idPrefix}-title`;
  const descId = `${idPrefix}-desc`;
  const svg =
    `<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="${titleId} ${descId}" font-family="system-ui, sans-serif" font-size="12" fill="#333">` +
    `<title id="${titleId}">${escapeHtml(chart.title)}, rebased to ${chart.rebased}</title>` +
    `<desc id="${descId}">${escapeHtml(summary)}</desc>` +
    gridLines(ticks, chart.rebased, frame) +
    dateAxis(chart.dates, frame) +
    seriesPaths(rebased, frame) +
    endLabels(chart, rebased, frame) +
    '</svg>';
  return { svg, summary };
}

/** Where a session index and a rebased value land in the plot. */
interface Frame {
  x(index: number): number;
  y(value: number): number;
  /** The plot's right edge, where the end labels start. */
  right: number;
}

function frameFor(points: number, ticks: readonly number[]): Frame {
  const low = ticks[0]!;
  const high = ticks.at(-1)!;
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  return {
    x: (i) => PAD.left + (points === 1 ? 0 : (i / (points - 1)) * plotW),
    y: (v) => PAD.top + ((high - v) / (high - low)) * plotH,
    right: PAD.left + plotW,
  };
}

/** A grid line and label per tick; the rebase level's line is dark and dashed. */
function gridLines(ticks: readonly number[], base: number, frame: Frame): string {
  return ticks
    .map((t) => {
      const y = r(frame.y(t));
      const style = t === base ? 'stroke="#555" stroke-dasharray="3 3"' : 'stroke="#ddd"';
      return (
        `<line x1="${PAD.left}" x2="${frame.right}" y1="${y}" y2="${y}" ${style}/>` +
        `<text x="${PAD.left - 6}" y="${r(y + 4)}" text-anchor="end">${t}</text>`
      );
    })
    .join('');
}

/** First, middle and last dates under the plot. */
function dateAxis(dates: readonly string[], frame: Frame): string {
  const last = dates.length - 1;
  const asOf = dates[last]!;
  return [...new Set([0, Math.round(last / 2), last])]
    .map((i) => {
      const anchor = i === 0 ? 'start' : i === last ? 'end' : 'middle';
      return `<text x="${r(frame.x(i))}" y="${HEIGHT - 10}" text-anchor="${anchor}">${escapeHtml(formatDate(dates[i]!, asOf))}</text>`;
    })
    .join('');
}

function seriesPaths(rebased: readonly number[][], frame: Frame): string {
  return rebased
    .map((values, s) => {
      const style = STYLES[s % STYLES.length]!;
      const d = values.map((v, i) => `${i === 0 ? 'M' : 'L'}${r(frame.x(i))} ${r(frame.y(v))}`).join('');
      const dash = style.dash ? ` stroke-dasharray="${style.dash}"` : '';
      return `<path d="${d}" fill="none" stroke="${style.stroke}" stroke-width="2.5"${dash} stroke-linejoin="round"/>`;
    })
    .join('');
}

/** Each series' name and rebased end value, in its colour, beside its line's end. */
function endLabels(chart: ChartSnapshot, rebased: readonly number[][], frame: Frame): string {
  const ys = spreadLabels(rebased.map((values) => frame.y(values.at(-1)!)));
  const x = frame.right + 8;
  return chart.series
    .map(
      (series, s) =>
        `<text x="${x}" y="${r(ys[s]!)}" fill="${STYLES[s % STYLES.length]!.stroke}">` +
        `<tspan font-weight="600">${escapeHtml(series.name)}</tspan>` +
        `<tspan x="${x}" dy="14">${rebased[s]!.at(-1)!.toFixed(1)}</tspan></text>`,
    )
    .join('');
}

/** The numbers behind the chart: one row per date, each series' close. */
export function chartTable(chart: ChartSnapshot): { head: string[]; rows: string[][] } {
  return {
    head: ['Date', ...chart.series.map((s) => s.name)],
    rows: chart.dates.map((date, i) => [
      formatDate(date, chart.dates.at(-1)),
      ...chart.series.map((s) => formatLevel(s.closes[i]!)),
    ]),
  };
}

export function summarize(chart: ChartSnapshot): string {
  const first = chart.dates[0]!;
  const asOf = chart.dates.at(-1)!;
  const moves = chart.series.map((s) => {
    const change = s.closes.at(-1)! / s.closes[0]! - 1;
    const verb = change > 0 ? 'rose' : change < 0 ? 'fell' : 'was unchanged';
    const by = change === 0 ? '' : ` ${formatPercent(Math.abs(change))}`;
    return `the ${s.name} ${verb}${by}, from ${formatLevel(s.closes[0]!)} to ${formatLevel(s.closes.at(-1)!)}`;
  });
  return `From ${formatDate(first, asOf)} to ${formatDate(asOf, asOf)}, ${moves.join('; ')}.`;
}

/** 3 to 7 round tick values covering [min, max]. */
export function niceTicks(min: number, max: number): number[] {
  const span = Math.max(max - min, 1);
  const step = [0.5, 1, 2, 2.5, 5, 10, 20, 25, 50, 100, 200, 250, 500].find((s) => span / s <= 6) ?? 1000;
  const start = Math.floor(min / step) * step;
  const ticks: number[] = [];
  for (let t = start; t < max + step; t += step) {
    ticks.push(Number(t.toFixed(2)));
    if (t >= max) break;
  }
  return ticks;
}

/**
 * Baselines for the end labels: near their line's last point, at least LABEL_GAP apart in the
 * order of those points, and inside the plot so the second line is never cut off.
 */
export function spreadLabels(
  ys: readonly number[],
  top = PAD.top + 10,
  bottom = HEIGHT - PAD.bottom - 14,
): number[] {
  const order = ys.map((y, i) => ({ y: Math.min(Math.max(y, top), bottom), i })).sort((a, b) => a.y - b.y);
  for (let k = 1; k < order.length; k++) {
    order[k]!.y = Math.max(order[k]!.y, order[k - 1]!.y + LABEL_GAP);
  }
  const overflow = (order.at(-1)?.y ?? 0) - bottom;
  const out: number[] = [];
  for (const { y, i } of order) out[i] = overflow > 0 ? y - overflow : y;
  return out;
}

function r(value: number): number {
  return Math.round(value * 10) / 10;
}
