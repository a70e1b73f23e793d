/**
 * A chart snapshot as an inline SVG line chart, drawn at build time: each series rebased to 100
 * on the first date, sessions evenly spaced (no weekend gaps), the rebase line dashed, the
 * story's own period shaded and, for a record piece, the record level marked. The SVG is
 * `role="img"` with a title and a description that states what the lines show in words;
 * `chartTable` gives the same numbers as a table for readers who want them.
 *
 * Two layouts: text in an SVG scales with its viewBox, so one drawing cannot be readable on a
 * 390-pixel phone and not oversized on a desktop. The narrow one is drawn 360 units wide with
 * 13-unit text, shown at about 358 CSS pixels on a phone: the text stays at 11 pixels or more.
 */
import { formatDate, formatLevel, formatPercent } from '../facts/format.ts';
import type { ChartSnapshot } from './chart-data.ts';

export interface ChartLayout {
  width: number;
  height: number;
  pad: { top: number; right: number; bottom: number; left: number };
  fontSize: number;
}

export const WIDE: ChartLayout = {
  width: 640,
  height: 280,
  pad: { top: 20, right: 136, bottom: 30, left: 44 },
  fontSize: 12,
};
export const NARROW: ChartLayout = {
  width: 360,
  height: 300,
  pad: { top: 22, right: 108, bottom: 32, left: 38 },
  fontSize: 13,
};

/** What the story adds to the lines: the period it talks about, and a record level. */
export interface ChartMarks {
  /** Index in `dates` where the story's period starts (its last date is the as-of). */
  periodFrom?: number | undefined;
  /** "Past five sessions". */
  periodLabel?: string | undefined;
  /** A level of the lead series (not rebased), with its label: "Record close 2,467.70". */
  record?: { level: number; label: string } | undefined;
}
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

export function renderChartSvg(
  chart: ChartSnapshot,
  idPrefix = 'chart',
  layout: ChartLayout = WIDE,
  marks: ChartMarks = {},
): RenderedChart {
  const rebased = chart.series.map((s) => s.closes.map((c) => (c / s.closes[0]!) * chart.rebased));
  const leadFirst = chart.series[0]?.closes[0];
  const record =
    marks.record && leadFirst
      ? { ...marks.record, at: (marks.record.level / leadFirst) * chart.rebased }
      : undefined;
  const all = [...rebased.flat(), ...(record ? [record.at] : [])];
  const ticks = niceTicks(Math.min(chart.rebased, ...all), Math.max(chart.rebased, ...all));
  const frame = frameFor(chart.dates.length, ticks, layout);
  const summary = summarize(chart);
  const titleId = `${idPrefix}-title`;
  const descId = `${idPrefix}-desc`;
  const svg =
    `<svg viewBox="0 0 ${layout.width} ${layout.height}" role="img" aria-labelledby="${titleId} ${descId}" font-family="system-ui, sans-serif" font-size="${layout.fontSize}" fill="#333" class="chart-ink">` +
    `<title id="${titleId}">${escapeXml(chart.title)}, rebased to ${chart.rebased}</title>` +
    `<desc id="${descId}">${escapeXml(describeMarks(summary, marks))}</desc>` +
    periodBand(marks, chart.dates.length, frame) +
    gridLines(ticks, chart.rebased, frame, layout) +
    dateAxis(chart.dates, frame, layout) +
    (record ? recordLine(record, frame, layout) : '') +
    seriesPaths(rebased, frame) +
    endLabels(chart, rebased, frame, layout) +
    '</svg>';
  return { svg, summary };
}

/** The description says what the marks show, for readers who cannot see them. */
function describeMarks(summary: string, marks: ChartMarks): string {
  const extra = [
    marks.periodLabel ? `The shaded band is the ${marks.periodLabel.toLowerCase()}.` : '',
    marks.record
      ? `A dotted line marks the ${marks.record.label.charAt(0).toLowerCase()}${marks.record.label.slice(1)}.`
      : '',
  ].filter(Boolean);
  return [summary, ...extra].join(' ');
}

/** Where a session index and a rebased value land in the plot. */
interface Frame {
  x(index: number): number;
  y(value: number): number;
  /** The plot's left and right edges; the end labels start right of it. */
  left: number;
  right: number;
  top: number;
  bottom: number;
}

function frameFor(points: number, ticks: readonly number[], layout: ChartLayout): Frame {
  const { pad } = layout;
  const low = ticks[0]!;
  const high = ticks.at(-1)!;
  const plotW = layout.width - pad.left - pad.right;
  const plotH = layout.height - pad.top - pad.bottom;
  return {
    x: (i) => pad.left + (points === 1 ? 0 : (i / (points - 1)) * plotW),
    y: (v) => pad.top + ((high - v) / (high - low)) * plotH,
    left: pad.left,
    right: pad.left + plotW,
    top: pad.top,
    bottom: pad.top + plotH,
  };
}

/** A grid line and label per tick; the rebase level's line is dark and dashed. */
function gridLines(ticks: readonly number[], base: number, frame: Frame, layout: ChartLayout): string {
  return ticks
    .map((t) => {
      const y = r(frame.y(t));
      const style =
        t === base
          ? 'stroke="#555" class="chart-base" stroke-dasharray="3 3"'
          : 'stroke="#ddd" class="chart-grid"';
      return (
        `<line x1="${frame.left}" x2="${frame.right}" y1="${y}" y2="${y}" ${style}/>` +
        `<text x="${frame.left - 6}" y="${r(y + layout.fontSize / 3)}" text-anchor="end">${t}</text>`
      );
    })
    .join('');
}

/**
 * First, middle and last dates under the plot; each with its year when the chart's span crosses
 * a year, so "Dec. 16" and "Sept. 18" are never read as one year.
 */
function dateAxis(dates: readonly string[], frame: Frame, layout: ChartLayout): string {
  const last = dates.length - 1;
  const crossesYear = dates[0]!.slice(0, 4) !== dates[last]!.slice(0, 4);
  // formatDate drops the year when it equals the as-of's; with no as-of it always prints it.
  const asOf = crossesYear ? undefined : dates[last]!;
  const indexes = layout.width < 480 ? [0, last] : [0, Math.round(last / 2), last];
  return [...new Set(indexes)]
    .map((i) => {
      const anchor = i === 0 ? 'start' : i === last ? 'end' : 'middle';
      return `<text x="${r(frame.x(i))}" y="${layout.height - 10}" text-anchor="${anchor}">${escapeXml(formatDate(dates[i]!, asOf))}</text>`;
    })
    .join('');
}

/** The story's period, shaded behind the lines and named at its top. */
function periodBand(marks: ChartMarks, points: number, frame: Frame): string {
  if (marks.periodFrom === undefined || marks.periodFrom >= points - 1) return '';
  const from = Math.max(0, marks.periodFrom);
  const x = r(frame.x(from));
  const width = r(frame.right - frame.x(from));
  const label = marks.periodLabel
    ? `<text x="${r(frame.right)}" y="${r(frame.top - 6)}" text-anchor="end" fill="#333" class="chart-note">${escapeXml(marks.periodLabel)}</text>`
    : '';
  return `<rect x="${x}" y="${frame.top}" width="${width}" height="${r(frame.bottom - frame.top)}" fill="#e0e7ff" class="chart-period"/>${label}`;
}

/** The record level, dotted across the plot and labelled at its left end. */
function recordLine(record: { at: number; label: string }, frame: Frame, layout: ChartLayout): string {
  const y = r(frame.y(record.at));
  return (
    `<line x1="${frame.left}" x2="${frame.right}" y1="${y}" y2="${y}" stroke="#b91c1c" class="chart-record" stroke-dasharray="1 3" stroke-width="2"/>` +
    `<text x="${r(frame.left + 4)}" y="${r(y - layout.fontSize / 2)}" fill="#991b1b" class="chart-note chart-record-note">${escapeXml(record.label)}</text>`
  );
}

function seriesPaths(rebased: readonly number[][], frame: Frame): string {
  return rebased
    .map((values, s) => {
      const style = STYLES[s % STYLES.length]!;
      const d = values.map((v, i) => `${i === 0 ? 'M' : 'L'}${r(frame.x(i))} ${r(frame.y(v))}`).join('');
      const dash = style.dash ? ` stroke-dasharray="${style.dash}"` : '';
      // The class lets the stylesheet recolour the line for dark mode; the attribute is the default.
      return `<path d="${d}" fill="none" stroke="${style.stroke}" class="chart-s${s % STYLES.length}" stroke-width="2.5"${dash} stroke-linejoin="round"/>`;
    })
    .join('');
}

/** Each series' name and rebased end value, in its colour, beside its line's end. */
function endLabels(
  chart: ChartSnapshot,
  rebased: readonly number[][],
  frame: Frame,
  layout: ChartLayout,
): string {
  const ys = spreadLabels(
    rebased.map((values) => frame.y(values.at(-1)!)),
    frame.top + 10,
    frame.bottom - 14,
    layout.fontSize * 2.4,
  );
  const x = frame.right + 8;
  return chart.series
    .map(
      (series, s) =>
        `<text x="${x}" y="${r(ys[s]!)}" fill="${STYLES[s % STYLES.length]!.stroke}" class="chart-t${s % STYLES.length}">` +
        `<tspan font-weight="600">${escapeXml(series.name)}</tspan>` +
        `<tspan x="${x}" dy="${layout.fontSize + 2}">${rebased[s]!.at(-1)!.toFixed(1)}</tspan></text>`,
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
  // Across a year end both dates carry their year: "From Sept. 16, 2024, to Sept. 18, 2025".
  const crossesYear = first.slice(0, 4) !== asOf.slice(0, 4);
  const span = crossesYear
    ? `From ${formatDate(first)}, to ${formatDate(asOf)}`
    : `From ${formatDate(first, asOf)} to ${formatDate(asOf, asOf)}`;
  return `${span}, ${moves.join('; ')}.`;
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
  top = WIDE.pad.top + 10,
  bottom = WIDE.height - WIDE.pad.bottom - 14,
  gap = LABEL_GAP,
): number[] {
  const order = ys.map((y, i) => ({ y: Math.min(Math.max(y, top), bottom), i })).sort((a, b) => a.y - b.y);
  for (let k = 1; k < order.length; k++) {
    order[k]!.y = Math.max(order[k]!.y, order[k - 1]!.y + gap);
  }
  const overflow = (order.at(-1)?.y ?? 0) - bottom;
  const out: number[] = [];
  for (const { y, i } of order) out[i] = overflow > 0 ? y - overflow : y;
  return out;
}

function r(value: number): number {
  return Math.round(value * 10) / 10;
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
