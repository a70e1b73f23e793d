/**
 * Importing CSV files into the store: read, parse (header-driven), check against the NYSE
 * calendar, then write each file as one transaction. A file with errors is rejected whole unless
 * `lenient`, in which case its good rows land and the bad ones are listed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CALENDAR_FIRST, CALENDAR_LAST, closureReason } from '../calendar/nyse.ts';
import { Errors, WirecopyError } from '../errors.ts';
import type { MarketStore } from '../store/market-store.ts';
import type { SymbolRegistry } from '../symbols.ts';
import type { InputProblem, IsoDate, SymbolKey } from '../types.ts';
import { type CsvLayout, parseMarketCsv } from './csv/parse.ts';

export interface FileImport {
  file: string;
  layout: CsvLayout | undefined;
  status: 'imported' | 'rejected';
  series: Array<{ symbol: SymbolKey; rows: number; first: IsoDate; last: IsoDate }>;
  problems: InputProblem[];
  ignoredColumns: string[];
}

/** The CSV files named: files as given, folders searched recursively for `*.csv`, sorted. */
export function expandCsvPaths(paths: readonly string[]): string[] {
  const files: string[] = [];
  const visit = (path: string, explicit: boolean) => {
    let stat: ReturnType<typeof statSync>;
    try {
      stat = statSync(path);
    } catch (cause) {
      throw new WirecopyError(Errors.FileUnreadable, `${path} does not exist or cannot be read.`, {
        hint: 'Check the path; folders are searched for .csv files.',
        cause,
      });
    }
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path).sort()) visit(join(path, entry), false);
    } else if (explicit || path.toLowerCase().endsWith('.csv')) {
      files.push(path);
    }
  };
  for (const path of paths) visit(path, true);
  return files;
}

/**
 * A row dated on a weekend or an NYSE holiday is a fault for exchange-traded series within the
 * calendar's years; rates and futures follow other calendars and are not checked.
 */
function nonSessionCheck(registry: SymbolRegistry) {
  return (date: IsoDate, symbol: SymbolKey): string | null => {
    const kind = registry.resolve(symbol)?.kind;
    if (kind !== 'index' && kind !== 'etf') return null;
    if (date < CALENDAR_FIRST || date > CALENDAR_LAST) return null;
    return closureReason(date);
  };
}

export function importCsvFile(
  file: string,
  store: MarketStore,
  registry: SymbolRegistry,
  options: { symbol?: SymbolKey; lenient?: boolean } = {},
): FileImport {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new WirecopyError(Errors.FileUnreadable, `${file} cannot be read.`, {
      hint: 'Check the path and permissions.',
      cause,
    });
  }
  const parsed = parseMarketCsv(text, {
    file,
    registry,
    ...(options.symbol ? { symbol: options.symbol } : {}),
    isNonSession: nonSessionCheck(registry),
  });
  const hasErrors = parsed.problems.some((p) => p.severity === 'error');
  const series = parsed.series
    .filter((s) => s.bars.length > 0)
    .map((s) => ({
      symbol: s.symbol,
      rows: s.bars.length,
      first: s.bars[0]!.date,
      last: s.bars.at(-1)!.date,
    }));
  const base = {
    file,
    layout: parsed.layout,
    problems: parsed.problems,
    ignoredColumns: parsed.ignoredColumns,
    series,
  };
  if ((hasErrors && !options.lenient) || series.length === 0) return { ...base, status: 'rejected' };
  store.writeBatch({
    kind: 'import',
    source: `csv:${basename(file)}`,
    origin: file,
    dataset: 'csv',
    series: parsed.series.filter((s) => s.bars.length > 0),
    note: parsed.problems.length > 0 ? `${parsed.problems.length} problem(s) reported at import` : undefined,
  });
  return { ...base, status: 'imported' };
}
