/**
 * The pure CSV parser of the importer: text in, bars and problems out. No file system, no store;
 * the caller decides what to do with a file that has errors (reject it, or keep its good rows).
 */
import { echo } from '../../echo-safe.ts';
import type { SymbolRegistry } from '../../symbols.ts';
import type { DailyBar, InputProblem, IsoDate, SymbolKey } from '../../types.ts';
import { parseCsvDate } from './dates.ts';
import { fileStem, symbolFromFileName } from './file-symbol.ts';
import { type CsvLayout, detectLayout, type LayoutDetection } from './layouts.ts';
import { csvProblem } from './problems.ts';
import { type RowContext, readOhlcRow, readWideCell, type SeriesTarget } from './rows.ts';
import { finishSeries, type ParsedSeries, type SeriesRows } from './series.ts';
import { CsvReader, type CsvRecord } from './tokenize.ts';

export type { CsvLayout } from './layouts.ts';
export type { ParsedSeries } from './series.ts';

export interface CsvParseResult {
  file: string;
  layout: CsvLayout;
  series: ParsedSeries[];
  /** In line order; errors name rows that are not in `series`. */
  problems: InputProblem[];
  /** Headers present but not imported (`Adj Close`, IBKR's `wap`, unknown series of a wide table). */
  ignoredColumns: string[];
  /** Data rows in the file: non-blank lines after the header, read or not. */
  rowsRead: number;
}

export interface CsvParseOptions {
  /** The file's name or path: problems carry it, and a single-series file's symbol comes from it. */
  file: string;
  registry: SymbolRegistry;
  /** The series of a single-series file (`--symbol`), over its file name; a wide table with several series ignores it. */
  symbol?: SymbolKey;
  /** Why a date was not a session for that symbol (weekend, holiday), or null. From the caller's calendar. */
  isNonSession?: (date: IsoDate, symbol: SymbolKey) => string | null;
  /** The last session that has closed (New York time): later rows are errors. Unset: not checked. */
  lastSession?: IsoDate;
}

export function parseMarketCsv(text: string, options: CsvParseOptions): CsvParseResult {
  const { file } = options;
  const problems: InputProblem[] = [];
  const reader = new CsvReader(text);
  const header = reader.next();
  const result = (
    layout: CsvLayout,
    series: ParsedSeries[],
    ignoredColumns: string[],
    rowsRead = countRecords(reader),
  ): CsvParseResult => {
    const line = reader.unclosedQuoteLine;
    if (line !== null) {
      const message = `A quoted field opened on line ${line} is never closed.`;
      problems.push(csvProblem('csv/unclosed-quote', { file, line }, message));
    }
    return { file, layout, series, problems: inLineOrder(problems), ignoredColumns, rowsRead };
  };

  if (header === null) {
    if (reader.unclosedQuoteLine === null)
      problems.push(csvProblem('csv/empty', { file }, 'The file is empty.'));
    return result('unknown', [], []);
  }
  const symbol = options.symbol === undefined ? undefined : options.registry.resolve(options.symbol)?.key;
  if (options.symbol !== undefined && symbol === undefined) {
    problems.push(
      unknownSymbol(options, `--symbol ${echo(options.symbol)} is not a configured series or alias.`),
    );
    return result('unknown', [], []);
  }
  const layout = detectLayout(header.fields, { file, line: header.line, registry: options.registry, symbol });
  // One by one: a header of 500,000 repeated columns has as many problems, too many to spread.
  for (const problem of layout.problems) problems.push(problem);
  if (layout.layout === 'unknown') return result('unknown', [], layout.ignoredColumns);

  const targets = seriesTargets(layout, header, symbol, options, problems);
  const context: RowContext = {
    file,
    problems,
    isNonSession: options.isNonSession,
    lastSession: options.lastSession,
  };
  const { rowsRead, sorted } = readRows(reader, header, layout, targets, context);
  if (rowsRead === 0) {
    const message = `The file has a header on line ${header.line} but no data rows.`;
    problems.push(csvProblem('csv/empty', { file, line: header.line }, message));
  }
  const series = targets.map((rows) =>
    finishSeries(rows, { file, headerLine: header.line, sorted }, problems),
  );
  return result(layout.layout, series, layout.ignoredColumns, rowsRead);
}

/** The records left in a file that will not be read, so `rowsRead` still counts them. */
function countRecords(reader: CsvReader): number {
  let count = 0;
  while (reader.next() !== null) count++;
  return count;
}

type KnownLayout = Exclude<LayoutDetection, { layout: 'unknown' }>;

/** The series the rows will fill: one for an OHLC file, one per recognised column of a wide one. */
function seriesTargets(
  layout: KnownLayout,
  header: CsvRecord,
  symbol: SymbolKey | undefined,
  options: CsvParseOptions,
  problems: InputProblem[],
): SeriesRows[] {
  const kindOf = (key: SymbolKey) => options.registry.resolve(key)?.kind;
  if (layout.layout === 'wide') {
    return layout.series.map((column) => ({
      symbol: column.symbol,
      column: column.header,
      kind: kindOf(column.symbol),
      bars: [],
      lines: [],
    }));
  }
  const key = symbol ?? symbolFromFileName(options.file, options.registry);
  if (key === undefined) {
    const stem = fileStem(options.file);
    problems.push(
      unknownSymbol(
        options,
        `No configured series is named ${echo(stem)} (the file's name), so its symbol is unknown.`,
      ),
    );
    return [];
  }
  const { close, volume } = layout.prices;
  const rows: SeriesRows = {
    symbol: key,
    column: echo(header.fields[close]!.trim()),
    kind: kindOf(key),
    bars: [],
    lines: [],
  };
  if (volume !== -1) rows.volumeColumn = echo(header.fields[volume]!.trim());
  return [rows];
}

/** Reads every data row into its series; says how many there were and whether in date order. */
function readRows(
  reader: CsvReader,
  header: CsvRecord,
  layout: KnownLayout,
  targets: SeriesRows[],
  context: RowContext,
): { rowsRead: number; sorted: boolean } {
  const { file, problems } = context;
  const fieldCount = header.fields.length;
  const dateColumn = echo(header.fields[layout.date]!.trim());
  const readValues = valueReader(layout, targets, header.fields, context);
  let rowsRead = 0;
  let sorted = true;
  let previousDate = '';
  let previousLine = 0;
  for (let record = reader.next(); record !== null; record = reader.next()) {
    rowsRead++;
    const { line, fields } = record;
    if (fields.length !== fieldCount) {
      const message = `Line ${line} has ${fields.length} fields; the header on line ${header.line} has ${fieldCount}.`;
      problems.push(csvProblem('csv/ragged-row', { file, line }, message));
      continue;
    }
    const raw = fields[layout.date]!;
    const parsed = parseCsvDate(raw);
    if (!parsed.ok) {
      const message = `${dateColumn} "${echo(raw.trim())}" on line ${line} is not a YYYY-MM-DD date: ${parsed.reason}.`;
      problems.push(csvProblem('csv/bad-date', { file, line, column: dateColumn }, message));
      continue;
    }
    const date = parsed.date;
    if (sorted && date < previousDate) {
      sorted = false;
      const message = `Line ${line} (${date}) comes after line ${previousLine} (${previousDate}): the rows are not in date order, so they were sorted.`;
      problems.push(csvProblem('csv/unsorted', { file, line, date }, message));
    }
    previousDate = date;
    previousLine = line;
    if (context.lastSession !== undefined && date > context.lastSession) {
      const message = `Line ${line} is dated ${date}, after ${context.lastSession}, the last session that has closed (New York time).`;
      problems.push(csvProblem('csv/future-session', { file, line, date }, message));
      continue;
    }
    readValues(fields, line, date);
  }
  return { rowsRead, sorted };
}

type ValueReader = (fields: readonly string[], line: number, date: IsoDate) => void;

/** What one dated row gives each series: a bar for an OHLC file, a close per column of a wide one. */
function valueReader(
  layout: KnownLayout,
  targets: SeriesRows[],
  header: readonly string[],
  context: RowContext,
): ValueReader {
  const targetOf = (rows: SeriesRows): SeriesTarget => ({ symbol: rows.symbol, kind: rows.kind, header });
  if (layout.layout !== 'wide') {
    const rows = targets[0];
    if (rows === undefined) return () => {};
    const target = { ...targetOf(rows), prices: layout.prices };
    return (fields, line, date) => {
      const bar = readOhlcRow(fields, line, date, target, context);
      if (bar !== null) push(rows, bar, line);
    };
  }
  const columns = layout.series.map((column, i) => ({
    index: column.index,
    rows: targets[i]!,
    target: targetOf(targets[i]!),
  }));
  return (fields, line, date) => {
    for (const { index, rows, target } of columns) {
      const close = readWideCell(fields, index, line, date, target, context);
      if (close !== null) push(rows, { date, open: null, high: null, low: null, close, volume: null }, line);
    }
  };
}

function push(rows: SeriesRows, bar: DailyBar, line: number): void {
  rows.bars.push(bar);
  rows.lines.push(line);
}

function unknownSymbol(options: CsvParseOptions, message: string): InputProblem {
  const keys = options.registry.keys().join(', ');
  const name = echo(options.symbol ?? fileStem(options.file));
  const hint = `Pass --symbol KEY with one of ${keys}, or add ${name} as an alias (or a new series) under symbols in wirecopy.config.`;
  return csvProblem('csv/unknown-symbol', { file: options.file }, message, { hint });
}

/** File-level problems first, then by line; the sort is stable, so a line's problems keep their order. */
function inLineOrder(problems: InputProblem[]): InputProblem[] {
  return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}
