/**
 * One dated row (or cell) to a bar value, with every check that concerns that row alone. A row
 * with an error never becomes a bar, so a lenient import keeps only rows that passed.
 */
import { echo } from '../../echo-safe.ts';
import type { DailyBar, InputProblem, IsoDate, SymbolKey, SymbolKind } from '../../types.ts';
import type { PriceColumns, PriceField } from './layouts.ts';
import { parseCsvNumber } from './numbers.ts';
import { type CsvProblemCode, csvProblem } from './problems.ts';

export interface RowContext {
  file: string;
  problems: InputProblem[];
  isNonSession?: ((date: IsoDate, symbol: SymbolKey) => string | null) | undefined;
  /** The last session that has closed: a row dated after it is refused. Unset: not checked. */
  lastSession?: IsoDate | undefined;
}

/** A series being read: its symbol, what kind of instrument it is, the headers of its columns. */
export interface SeriesTarget {
  symbol: SymbolKey;
  /** Undefined when the registry does not know the symbol: then it is checked like a price. */
  kind: SymbolKind | undefined;
  header: readonly string[];
}

interface Cell {
  line: number;
  date: IsoDate;
  column: string;
}

/**
 * Float32 artefacts (2029.469970703125 for 2029.47) can put a high a hair under a close that was
 * rounded differently; a relative 1e-6 is far above that noise and far below any real price move.
 */
const OHLC_TOLERANCE = 1e-6;
const PRICE_FIELDS = ['open', 'high', 'low', 'close'] as const;

type OhlcTarget = SeriesTarget & { prices: PriceColumns };

export function readOhlcRow(
  fields: readonly string[],
  line: number,
  date: IsoDate,
  target: OhlcTarget,
  context: RowContext,
): DailyBar | null {
  const { prices } = target;
  const open = readNumber(fields, prices.open, false, line, date, target, context);
  const high = readNumber(fields, prices.high, false, line, date, target, context);
  const low = readNumber(fields, prices.low, false, line, date, target, context);
  const close = readNumber(fields, prices.close, false, line, date, target, context);
  const volume = readNumber(fields, prices.volume, true, line, date, target, context);
  // NaN marks a cell already reported as not a number.
  if (
    Number.isNaN(open) ||
    Number.isNaN(high) ||
    Number.isNaN(low) ||
    Number.isNaN(close) ||
    Number.isNaN(volume)
  ) {
    return null;
  }
  if (close === null) {
    const blank = cellAt(line, date, target, prices.close);
    report(
      context,
      'csv/missing-close',
      blank,
      target,
      `${blank.column} on line ${line} (${date}) is blank.`,
    );
    return null;
  }
  const bar: DailyBar = { date, open, high, low, close, volume };
  if (target.kind !== 'rate' && countNonPositive(bar, line, target, context) > 0) return null;
  if (!inOrder(bar, line, target, context)) return null;
  if (!isSession(line, date, target, prices.close, context)) return null;
  return bar;
}

/** The value of one series' cell in a wide table; null when blank (normal there) or in error. */
export function readWideCell(
  fields: readonly string[],
  index: number,
  line: number,
  date: IsoDate,
  target: SeriesTarget,
  context: RowContext,
): number | null {
  if (fields[index] === '') return null;
  const value = readNumber(fields, index, false, line, date, target, context);
  if (value === null || Number.isNaN(value)) return null;
  if (value <= 0 && target.kind !== 'rate') {
    reportNonPositive(context, cellAt(line, date, target, index), target, value);
    return null;
  }
  return isSession(line, date, target, index, context) ? value : null;
}

/** The number in a cell; null when blank or absent (index -1); NaN, reported, when it is not a number. */
function readNumber(
  fields: readonly string[],
  index: number,
  isVolume: boolean,
  line: number,
  date: IsoDate,
  target: SeriesTarget,
  context: RowContext,
): number | null {
  if (index === -1) return null;
  const raw = fields[index]!;
  const value = parseCsvNumber(raw);
  if (value === null) return null;
  const what = Number.isNaN(value) ? 'is not a number' : isVolume && value < 0 ? 'is negative' : null;
  if (what === null) return value;
  const cell = cellAt(line, date, target, index);
  const message = `${cell.column} "${echo(raw.trim())}" on line ${line} (${date}) ${what}.`;
  const hint = Number.isNaN(value)
    ? undefined
    : 'A volume counts shares or contracts: correct it, or leave the cell empty.';
  report(context, 'csv/bad-number', cell, target, message, hint);
  return Number.NaN;
}

/** Prices of indexes, ETFs and futures are above zero (yields are not checked). */
function countNonPositive(bar: DailyBar, line: number, target: OhlcTarget, context: RowContext): number {
  let errors = 0;
  for (const field of PRICE_FIELDS) {
    const value = bar[field];
    if (value !== null && value <= 0) {
      reportNonPositive(context, cellAt(line, bar.date, target, target.prices[field]), target, value);
      errors++;
    }
  }
  return errors;
}

/** High must be the highest price of the row and low the lowest, within float32 noise. */
function inOrder(bar: DailyBar, line: number, target: OhlcTarget, context: RowContext): boolean {
  const { date, open, high, low, close } = bar;
  const top = Math.max(close, open ?? close, low ?? close);
  const bottom = Math.min(close, open ?? close, high ?? close);
  const tolerance = OHLC_TOLERANCE * Math.max(Math.abs(top), Math.abs(bottom), Math.abs(high ?? 0));
  let field: 'high' | 'low';
  let message: string;
  if (high !== null && high < top - tolerance) {
    field = 'high';
    message = `High ${high} on line ${line} (${date}) is below ${nameOf(bar, top, field)} ${top}.`;
  } else if (low !== null && low > bottom + tolerance) {
    field = 'low';
    message = `Low ${low} on line ${line} (${date}) is above ${nameOf(bar, bottom, field)} ${bottom}.`;
  } else {
    return true;
  }
  report(context, 'csv/ohlc-order', cellAt(line, date, target, target.prices[field]), target, message);
  return false;
}

/** Which of the row's other prices holds `value`, for a message: "Close". */
function nameOf(bar: DailyBar, value: number, except: PriceField): string {
  const field = PRICE_FIELDS.find((f) => f !== except && bar[f] === value) ?? 'close';
  return `${field[0]!.toUpperCase()}${field.slice(1)}`;
}

function isSession(
  line: number,
  date: IsoDate,
  target: SeriesTarget,
  index: number,
  context: RowContext,
): boolean {
  const reason = context.isNonSession?.(date, target.symbol) ?? null;
  if (reason === null) return true;
  const cell = cellAt(line, date, target, index);
  const message = `${target.symbol} has a value on ${date} (line ${line}), which was not a trading session: ${reason.replace(/\.$/, '')}.`;
  report(context, 'csv/non-session', cell, target, message);
  return false;
}

function reportNonPositive(context: RowContext, cell: Cell, target: SeriesTarget, value: number): void {
  const message = `${cell.column} ${value} on line ${cell.line} (${cell.date}) is not a positive price.`;
  report(context, 'csv/non-positive-price', cell, target, message);
}

function cellAt(line: number, date: IsoDate, target: SeriesTarget, index: number): Cell {
  return { line, date, column: echo(target.header[index]!.trim()) };
}

function report(
  context: RowContext,
  code: CsvProblemCode,
  cell: Cell,
  target: SeriesTarget,
  message: string,
  hint?: string,
): void {
  const place = {
    file: context.file,
    line: cell.line,
    column: cell.column,
    symbol: target.symbol,
    date: cell.date,
  };
  context.problems.push(csvProblem(code, place, message, hint === undefined ? {} : { hint }));
}
