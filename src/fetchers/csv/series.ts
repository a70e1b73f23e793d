/**
 * From the rows read for one series to its bars: date order, one bar per date, and the checks
 * that need the whole series (duplicates, volume that stops being reported).
 */
import type { DailyBar, InputProblem, SymbolKey, SymbolKind } from '../../types.ts';
import { csvProblem } from './problems.ts';

export interface ParsedSeries {
  symbol: SymbolKey;
  /** The header the values came from (the close column for OHLC files). */
  column: string;
  /** Ascending, one per date, none from a row with an error. */
  bars: DailyBar[];
  /** The first line of the file holding one of these bars; the header's line when there are none. */
  firstLine: number;
}

/** A series as read, in file order, each bar with its line. */
export interface SeriesRows {
  symbol: SymbolKey;
  column: string;
  kind: SymbolKind | undefined;
  /** The volume column's header, when the file has one. */
  volumeColumn?: string;
  bars: DailyBar[];
  lines: number[];
}

export interface FinishOptions {
  file: string;
  headerLine: number;
  /** False when some row's date is earlier than the row before it. */
  sorted: boolean;
}

export function finishSeries(
  rows: SeriesRows,
  options: FinishOptions,
  problems: InputProblem[],
): ParsedSeries {
  const order = rows.bars.map((_, i) => i);
  if (!options.sorted) order.sort((a, b) => compareDates(rows.bars[a]!.date, rows.bars[b]!.date));
  const kept = collapseDuplicates(rows, order, options.file, problems);
  const bars = kept.map((i) => rows.bars[i]!);
  // Indexes carry exchange volume; a 0 after volume has been reported is a row saved mid-session.
  if (rows.kind === 'index') warnZeroVolume(rows, kept, options.file, problems);
  const firstLine = kept.reduce((min, i) => Math.min(min, rows.lines[i]!), Number.POSITIVE_INFINITY);
  return {
    symbol: rows.symbol,
    column: rows.column,
    bars,
    firstLine: kept.length > 0 ? firstLine : options.headerLine,
  };
}

function compareDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Indexes of the bars to keep, one per date. Identical copies collapse to the first (a warning);
 * copies that disagree are all dropped (an error), since nothing says which one is right.
 */
function collapseDuplicates(
  rows: SeriesRows,
  order: number[],
  file: string,
  problems: InputProblem[],
): number[] {
  const kept: number[] = [];
  let start = 0;
  while (start < order.length) {
    const first = order[start]!;
    let end = start + 1;
    while (end < order.length && rows.bars[order[end]!]!.date === rows.bars[first]!.date) end++;
    if (end === start + 1) {
      kept.push(first);
    } else {
      const copies = order.slice(start + 1, end);
      const conflict = copies.some((i) => differingField(rows.bars[first]!, rows.bars[i]!) !== null);
      for (const i of copies) problems.push(duplicateDate(rows, first, i, conflict, file));
      if (!conflict) kept.push(first);
    }
    start = end;
  }
  return kept;
}

const FIELDS = ['open', 'high', 'low', 'close', 'volume'] as const;

function differingField(a: DailyBar, b: DailyBar): (typeof FIELDS)[number] | null {
  return FIELDS.find((field) => a[field] !== b[field]) ?? null;
}

function duplicateDate(
  rows: SeriesRows,
  first: number,
  copy: number,
  conflict: boolean,
  file: string,
): InputProblem {
  const a = rows.bars[first]!;
  const b = rows.bars[copy]!;
  const line = rows.lines[copy]!;
  const firstLine = rows.lines[first]!;
  const place = { file, line, column: rows.column, symbol: rows.symbol, date: b.date };
  if (!conflict) {
    const message = `Line ${line} repeats ${b.date} from line ${firstLine} with the same values; the copy is ignored.`;
    return csvProblem('csv/duplicate-date', place, message, {
      severity: 'warning',
      hint: 'Nothing to do; delete the repeated row to silence this.',
    });
  }
  const field = differingField(a, b);
  const detail = field === null ? 'another copy differs' : `${field} ${a[field]} vs ${b[field]}`;
  const message = `${rows.symbol} has ${b.date} on line ${firstLine} and again on line ${line}, with different values (${detail}); no row for that date is kept.`;
  return csvProblem('csv/duplicate-date', place, message);
}

function warnZeroVolume(rows: SeriesRows, kept: number[], file: string, problems: InputProblem[]): void {
  let reported = false;
  for (const i of kept) {
    const bar = rows.bars[i]!;
    if (bar.volume === null) continue;
    if (bar.volume > 0) {
      reported = true;
    } else if (bar.volume === 0 && reported) {
      const line = rows.lines[i]!;
      const message = `${rows.symbol} volume is 0 on ${bar.date} (line ${line}), though the file reports volume on earlier days: the row may have been saved intraday, before the close.`;
      problems.push(
        csvProblem(
          'csv/zero-volume',
          { file, line, column: rows.volumeColumn ?? 'Volume', symbol: rows.symbol, date: bar.date },
          message,
        ),
      );
    }
  }
}
