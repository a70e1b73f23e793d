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
 *
 * A rate (the rates piece's 2-year yield, `unit: percent`) is never rebased beside an index, nor
 * drawn on a second axis over it: it gets a small panel of its own under the index panel, at its
 * level in percent, on the same session dates, so a reader sets the yield's move against the
 * Russell 2000's without reading two scales off one plot.
 */

import { type ChartSnapshot, chartValue, isRate } from '../content/chart-snapshot.ts';
import { formatDate, formatLevel, formatPercent } from '../facts/format.ts';
import { escapeHtml } from '../html-escape.ts';

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
/** The rate panel's height, added under the index panel: its title line, plot and date axis. */
const RATE_PANEL = 140;

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
  // Indexes rebased in the top panel; rates at their level in their own panel (style by position).
  const drawn = chart.series.map((s, index) => ({ series: s, index }));
  const indexes = drawn.filter((d) => !isRate(d.series));
  const rates = drawn.filter((d) => isRate(d.series));
  const rebased = indexes.map(({ series, index }) => ({
    index,
    name: series.name,
    values: series.closes.map((c) => (c / series.closes[0]!) * chart.rebased),
  }));
  const leadFirst = indexes[0]?.series.closes[0];
  const record =
    marks.record && leadFirst
      ? { ...marks.record, at: (marks.record.level / leadFirst) * chart.rebased }
      : undefined;
  const all = [...rebased.flatMap((s) => s.values), ...(record ? [record.at] : [])];
  const ticks = niceTicks(Math.min(chart.rebased, ...all), Math.max(chart.rebased, ...all));
  const height = layout.height + (rates.length > 0 ? RATE_PANEL : 0);
  const { pad } = layout;
  const levels = rates.flatMap((d) => d.series.closes);
  const rateTicks =
    rates.length > 0 ? niceTicks(Math.min(...levels), Math.max(...levels), RATE_STEPS, 4) : [];
  const decimals = rateTicks.length > 1 && rateTicks[1]! - rateTicks[0]! < 0.1 ? 2 : 1;
  const rateLabel = (t: number) => t.toFixed(decimals);
  // The tick labels stand left of the plot, right-aligned: the margin grows to the longest one
  // ("112.5" at 13 units is wider than the phone layout's 38), so none is cut at the edge.
  const longest = Math.max(
    ...ticks.map((t) => String(t).length),
    ...rateTicks.map((t) => rateLabel(t).length),
  );
  const box = {
    left: Math.max(pad.left, Math.ceil(longest * layout.fontSize * 0.6 + 10)),
    right: layout.width - pad.right,
  };
  const frame = frameIn(chart.dates.length, ticks, {
    ...box,
    top: pad.top,
    bottom: layout.height - pad.bottom,
  });
  const summary = summarize(chart);
  const titleId = `${idPrefix}-title`;
  const descId = `${idPrefix}-desc`;
  let ratePanel = '';
  let axisFrame = frame;
  if (rates.length > 0) {
    // Clear of the upper panel's lowest tick label, and the rate plot's top tick clear of the title.
    const titleY = frame.bottom + layout.fontSize + 18;
    const rateFrame = frameIn(chart.dates.length, rateTicks, {
      ...box,
      top: titleY + 14,
      bottom: height - pad.bottom,
    });
    axisFrame = rateFrame;
    ratePanel =
      `<text x="${frame.left}" y="${r(titleY)}" font-weight="600" class="chart-panel-title">${escapeHtml(rates.map((d) => d.series.name).join(', '))}, percent</text>` +
      periodBand({ ...marks, periodLabel: undefined }, chart.dates.length, rateFrame) +
      // The panel's title says "percent": the ticks stay short enough for a phone's margin.
      gridLines(rateTicks, undefined, rateFrame, layout, rateLabel) +
      seriesPaths(
        rates.map((d) => ({ index: d.index, values: d.series.closes })),
        rateFrame,
      ) +
      endLabels(
        rates.map((d) => ({
          index: d.index,
          name: '',
          value: `${d.series.closes.at(-1)!.toFixed(2)}%`,
          y: rateFrame.y(d.series.closes.at(-1)!),
        })),
        rateFrame,
        layout,
      );
  }
  const svg =
    `<svg viewBox="0 0 ${layout.width} ${height}" role="img" aria-labelledby="${titleId} ${descId}" font-family="system-ui, sans-serif" font-size="${layout.fontSize}" fill="#333" class="chart-ink">` +
    `<title id="${titleId}">${escapeHtml(chart.title)}, ${escapeHtml(chartScale(chart))}</title>` +
    `<desc id="${descId}">${escapeHtml(describeMarks(summary, marks))}</desc>` +
    periodBand(marks, chart.dates.length, frame) +
    gridLines(ticks, chart.rebased, frame, layout) +
    dateAxis(chart.dates, axisFrame, { ...layout, height }) +
    (record ? recordLine(record, frame, layout) : '') +
    seriesPaths(rebased, frame) +
    endLabels(
      rebased.map((s) => ({
        index: s.index,
        name: s.name,
        value: s.values.at(-1)!.toFixed(1),
        y: frame.y(s.values.at(-1)!),
      })),
      frame,
      layout,
    ) +
    ratePanel +
    '</svg>';
  return { svg, summary };
}

/**
 * How the chart's numbers are scaled, in words (the SVG's title): "rebased to 100 on the first
 * date", and for a rate panel, which panel shows what.
 */
export function chartScale(chart: ChartSnapshot): string {
  const rates = chart.series.filter(isRate);
  const indexes = chart.series.filter((s) => !isRate(s));
  if (rates.length === 0) return `rebased to ${chart.rebased} on the first date`;
  return `upper panel: the ${indexes.map((s) => s.name).join(' and ')}, rebased to ${chart.rebased} on the first date; lower panel: the ${rates.map((s) => s.name).join(' and ')}, in percent`;
}

/** The caption's first sentence: the chart's title and its scale ("…, rebased to 100 on the first date."). */
export function chartCaptionLead(chart: ChartSnapshot): string {
  const scale = chartScale(chart);
  return chart.series.some(isRate)
    ? `${chart.title}. ${scale.charAt(0).toUpperCase()}${scale.slice(1)}.`
    : `${chart.title}, ${scale}.`;
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

/** A plot in a box of the drawing: sessions across, the ticks' span up. */
function frameIn(
  points: number,
  ticks: readonly number[],
  box: { left: number; right: number; top: number; bottom: number },
): Frame {
  const low = ticks[0]!;
  const high = ticks.at(-1)!;
  const plotW = box.right - box.left;
  const plotH = box.bottom - box.top;
  return {
    x: (i) => box.left + (points === 1 ? 0 : (i / (points - 1)) * plotW),
    y: (v) => box.top + ((high - v) / (high - low)) * plotH,
    ...box,
  };
}

/** A grid line and label per tick; the rebase level's line (if any) is dark and dashed. */
function gridLines(
  ticks: readonly number[],
  base: number | undefined,
  frame: Frame,
  layout: ChartLayout,
  label: (tick: number) => string = String,
): string {
  return ticks
    .map((t) => {
      const y = r(frame.y(t));
      const style =
        t === base
          ? 'stroke="#555" class="chart-base" stroke-dasharray="3 3"'
          : 'stroke="#ddd" class="chart-grid"';
      return (
        `<line x1="${frame.left}" x2="${frame.right}" y1="${y}" y2="${y}" ${style}/>` +
        `<text x="${frame.left - 6}" y="${r(y + layout.fontSize / 3)}" text-anchor="end">${label(t)}</text>`
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
      return `<text x="${r(frame.x(i))}" y="${layout.height - 10}" text-anchor="${anchor}">${escapeHtml(formatDate(dates[i]!, asOf))}</text>`;
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
    ? `<text x="${r(frame.right)}" y="${r(frame.top - 6)}" text-anchor="end" fill="#333" class="chart-note">${escapeHtml(marks.periodLabel)}</text>`
    : '';
  return `<rect x="${x}" y="${frame.top}" width="${width}" height="${r(frame.bottom - frame.top)}" fill="#e0e7ff" class="chart-period"/>${label}`;
}

/** The record level, dotted across the plot and labelled at its left end. */
function recordLine(record: { at: number; label: string }, frame: Frame, layout: ChartLayout): string {
  const y = r(frame.y(record.at));
  return (
    `<line x1="${frame.left}" x2="${frame.right}" y1="${y}" y2="${y}" stroke="#b91c1c" class="chart-record" stroke-dasharray="1 3" stroke-width="2"/>` +
    `<text x="${r(frame.left + 4)}" y="${r(y - layout.fontSize / 2)}" fill="#991b1b" class="chart-note chart-record-note">${escapeHtml(record.label)}</text>`
  );
}

/** Each line in its series' style: `index` is the series' place in the chart. */
function seriesPaths(lines: readonly { index: number; values: readonly number[] }[], frame: Frame): string {
  return lines
    .map(({ index: s, values }) => {
      const style = STYLES[s % STYLES.length]!;
      const d = values.map((v, i) => `${i === 0 ? 'M' : 'L'}${r(frame.x(i))} ${r(frame.y(v))}`).join('');
      const dash = style.dash ? ` stroke-dasharray="${style.dash}"` : '';
      // The class lets the stylesheet recolour the line for dark mode; the attribute is the default.
      return `<path d="${d}" fill="none" stroke="${style.stroke}" class="chart-s${s % STYLES.length}" stroke-width="2.5"${dash} stroke-linejoin="round"/>`;
    })
    .join('');
}

/**
 * Each line's name and end value, in its colour, beside its line's end (`y`); a label without a
 * name (a rate, named by its panel's title) is one line, its value.
 */
function endLabels(
  labels: readonly { index: number; name: string; value: string; y: number }[],
  frame: Frame,
  layout: ChartLayout,
): string {
  const ys = spreadLabels(
    labels.map((l) => l.y),
    frame.top + 10,
    frame.bottom - (labels.some((l) => l.name) ? 14 : 0),
    layout.fontSize * 2.4,
  );
  const x = frame.right + 8;
  return labels
    .map((label, k) => {
      const s = label.index % STYLES.length;
      const open = `<text x="${x}" y="${r(ys[k]!)}" fill="${STYLES[s]!.stroke}" class="chart-t${s}">`;
      if (!label.name) return `${open}<tspan font-weight="600">${escapeHtml(label.value)}</tspan></text>`;
      return (
        `${open}<tspan font-weight="600">${escapeHtml(label.name)}</tspan>` +
        `<tspan x="${x}" dy="${layout.fontSize + 2}">${escapeHtml(label.value)}</tspan></text>`
      );
    })
    .join('');
}

/** The numbers behind the chart: one row per date, each series' close. */
export function chartTable(chart: ChartSnapshot): { head: string[]; rows: string[][] } {
  return {
    head: ['Date', ...chart.series.map((s) => s.name)],
    rows: chart.dates.map((date, i) => [
      formatDate(date, chart.dates.at(-1)),
      ...chart.series.map((s) => chartValue(s, s.closes[i]!)),
    ]),
  };
}

export function summarize(chart: ChartSnapshot): string {
  const first = chart.dates[0]!;
  const asOf = chart.dates.at(-1)!;
  const moves = chart.series.map((s) => {
    if (isRate(s)) return rateMove(s);
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

/** A rate's move over the chart, in basis points as the copy gives it. */
function rateMove(s: ChartSnapshot['series'][number]): string {
  const first = s.closes[0]!;
  const last = s.closes.at(-1)!;
  const bp = Math.round((last - first) * 100);
  if (bp === 0) return `the ${s.name} was unchanged at ${chartValue(s, last)}`;
  const points = Math.abs(bp) === 1 ? 'basis point' : 'basis points';
  return `the ${s.name} ${bp > 0 ? 'rose' : 'fell'} ${Math.abs(bp)} ${points}, from ${chartValue(s, first)} to ${chartValue(s, last)}`;
}

const INDEX_STEPS = [0.5, 1, 2, 2.5, 5, 10, 20, 25, 50, 100, 200, 250, 500];
/** A yield moves in hundredths: its panel's ticks can be 5 basis points apart. */
const RATE_STEPS = [0.05, 0.1, 0.2, 0.25, 0.5, 1, 2];

/** Round tick values covering [min, max], at most `most` steps apart (3 to 7 for an index). */
export function niceTicks(min: number, max: number, steps = INDEX_STEPS, most = 6): number[] {
  const span = Math.max(max - min, steps === INDEX_STEPS ? 1 : steps[0]!);
  const step = steps.find((s) => span / s <= most) ?? 1000;
  // Counted in whole steps, with a hair of slack: 2.4 / 0.2 is 11.999… in floating point.
  const first = Math.floor(min / step + 1e-9);
  const ticks: number[] = [];
  for (let k = first; ; k++) {
    const t = Number((k * step).toFixed(2));
    ticks.push(t);
    if (t >= max - 1e-9) break;
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
