/**
 * Header detection: which column is the date, which hold prices, which are series of their own.
 * Columns are found by name, case-insensitively, never by position: Yahoo's files put Close
 * second (RUT.csv), IBKR's put it fifth, and a wide table can have dozens of columns in any order.
 */
import { echo, echoList } from '../../echo-safe.ts';
import type { SymbolRegistry } from '../../symbols.ts';
import type { InputProblem, SymbolKey } from '../../types.ts';
import { parseCsvDate } from './dates.ts';
import { csvProblem } from './problems.ts';

/**
 * `ohlc`: a date and a close column, with open/high/low (and maybe volume), for one symbol.
 * `close-only`: a date, a close and maybe volume. `wide`: a date and one column per series
 * (FRED tables, asset_prices_yf.csv). `unknown`: no usable header; the problems say why.
 */
export type CsvLayout = 'ohlc' | 'close-only' | 'wide' | 'unknown';

export type PriceField = 'open' | 'high' | 'low' | 'close' | 'volume';

/** Column index of each price field, -1 when the file does not have it. */
export type PriceColumns = Record<PriceField, number>;

export interface SeriesColumn {
  index: number;
  header: string;
  symbol: SymbolKey;
}

interface Detected {
  ignoredColumns: string[];
  problems: InputProblem[];
}

export type LayoutDetection =
  | (Detected & { layout: 'ohlc' | 'close-only'; date: number; prices: PriceColumns })
  | (Detected & { layout: 'wide'; date: number; series: SeriesColumn[] })
  | (Detected & { layout: 'unknown' });

export interface HeaderContext {
  file: string;
  /** The line the header is on. */
  line: number;
  registry: SymbolRegistry;
  /** A resolved `--symbol`: names the one value column of a single-series file. */
  symbol?: SymbolKey;
}

/** Stooq's Polish headers (Data, Otwarcie, ...) and its old `<DATE>` ASCII style included. */
const DATE_NAMES = new Set(['date', 'observation_date', 'datetime', 'data']);
const PRICE_NAMES = new Map<string, PriceField>([
  ['open', 'open'],
  ['otwarcie', 'open'],
  ['high', 'high'],
  ['najwyzszy', 'high'],
  ['najwyższy', 'high'],
  ['low', 'low'],
  ['najnizszy', 'low'],
  ['najniższy', 'low'],
  ['close', 'close'],
  ['zamkniecie', 'close'],
  ['zamknięcie', 'close'],
  ['volume', 'volume'],
  ['vol', 'volume'],
  ['wolumen', 'volume'],
]);
/** We store unadjusted closes; an adjusted column is never read, even as a fallback. */
const ADJUSTED_NAMES = new Set(['adj close', 'adj_close', 'adjclose', 'adjusted close', 'adjusted_close']);

function normalize(header: string): string {
  const name = header.trim().toLowerCase();
  return name.startsWith('<') && name.endsWith('>') ? name.slice(1, -1) : name;
}

export function detectLayout(header: readonly string[], context: HeaderContext): LayoutDetection {
  const names = header.map(normalize);
  const date = names.findIndex((name) => DATE_NAMES.has(name));
  if (date === -1) return noDateColumn(header, context);

  const columns: Columns = { header, problems: [], ignored: [] };
  const prices: PriceColumns = { open: -1, high: -1, low: -1, close: -1, volume: -1 };
  const others: number[] = [];
  names.forEach((name, index) => {
    if (index === date || name === '') return;
    const field = PRICE_NAMES.get(name);
    if (field === undefined) {
      if (ADJUSTED_NAMES.has(name) || DATE_NAMES.has(name)) columns.ignored.push(index);
      else others.push(index);
    } else if (prices[field] === -1) {
      prices[field] = index;
    } else {
      columns.ignored.push(index);
      columns.problems.push(duplicateColumn(header, prices[field], index, context));
    }
  });

  if (prices.close !== -1) {
    for (const index of others) columns.ignored.push(index);
    const layout = prices.open !== -1 || prices.high !== -1 || prices.low !== -1 ? 'ohlc' : 'close-only';
    return { layout, date, prices, ...finish(columns) };
  }
  for (const field of ['open', 'high', 'low', 'volume'] as const) {
    if (prices[field] !== -1) columns.ignored.push(prices[field]);
  }
  if (prices.open !== -1 || prices.high !== -1 || prices.low !== -1) {
    const message = `The header on line ${context.line} has open/high/low columns but no Close column.`;
    return noValueColumn(columns, message, context);
  }
  return detectWide(columns, date, others, context);
}

/** What detection has gathered so far: the header, its problems, the columns it will not read. */
interface Columns {
  header: readonly string[];
  problems: InputProblem[];
  ignored: number[];
}

function finish(columns: Columns): Detected {
  const ignoredColumns = columns.ignored.sort((a, b) => a - b).map((index) => columns.header[index]!.trim());
  return { ignoredColumns, problems: columns.problems };
}

function detectWide(
  columns: Columns,
  date: number,
  candidates: number[],
  context: HeaderContext,
): LayoutDetection {
  const { header } = columns;
  const series: SeriesColumn[] = [];
  const only = candidates.length === 1 ? candidates[0] : undefined;
  if (context.symbol !== undefined && only !== undefined) {
    series.push({ index: only, header: echo(header[only]!.trim()), symbol: context.symbol });
  } else {
    const bySymbol = new Map<SymbolKey, number>();
    for (const index of candidates) {
      const symbol = context.registry.resolve(header[index]!)?.key;
      const first = symbol === undefined ? undefined : bySymbol.get(symbol);
      if (symbol === undefined || first !== undefined) {
        columns.ignored.push(index);
        if (first !== undefined) columns.problems.push(duplicateColumn(header, first, index, context));
        continue;
      }
      bySymbol.set(symbol, index);
      series.push({ index, header: echo(header[index]!.trim()), symbol });
    }
  }
  if (series.length > 0) return { layout: 'wide', date, series, ...finish(columns) };
  const listed = echoList(candidates.map((index) => header[index]!.trim()));
  const message =
    candidates.length === 0
      ? `The header on line ${context.line} has a date column but no value column.`
      : `No column of the header on line ${context.line} is a Close column or a known symbol (${listed}).`;
  return noValueColumn(columns, message, context);
}

function noValueColumn(columns: Columns, message: string, context: HeaderContext): LayoutDetection {
  columns.problems.push(
    csvProblem('csv/no-value-column', { file: context.file, line: context.line }, message),
  );
  return { layout: 'unknown', ...finish(columns) };
}

function noDateColumn(header: readonly string[], context: HeaderContext): LayoutDetection {
  const first = header[0] ?? '';
  const message = parseCsvDate(first).ok
    ? `Line ${context.line} starts with the date ${echo(first.trim())}: the file has no header line.`
    : `The header on line ${context.line} (${echo(header.join(','))}) has no date column.`;
  const problem = csvProblem('csv/no-date-column', { file: context.file, line: context.line }, message);
  return { layout: 'unknown', ignoredColumns: [], problems: [problem] };
}

function duplicateColumn(
  header: readonly string[],
  first: number,
  again: number,
  context: HeaderContext,
): InputProblem {
  const name = echo(header[again]!.trim());
  return csvProblem(
    'csv/duplicate-column',
    { file: context.file, line: context.line, column: name },
    `Column ${again + 1} (${name}) on line ${context.line} repeats column ${first + 1} (${echo(header[first]!.trim())}); column ${first + 1} is used.`,
  );
}
