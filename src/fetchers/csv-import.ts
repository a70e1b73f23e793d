/**
 * Importing CSV files into the store: read, parse (header-driven), check against the NYSE
 * calendar, then write each file as one transaction. A file with errors is rejected whole unless
 * `lenient`, in which case its good rows land and the bad ones are listed. A file already stored
 * is a no-op; one that would change stored closes of an earlier file of its name waits for
 * `replace` (see `csv-reimport.ts`).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CALENDAR_FIRST, CALENDAR_LAST, closureReason } from '../calendar/nyse.ts';
import { Errors, WirecopyError } from '../errors.ts';
import type { RowCounts } from '../store/batch-rows.ts';
import type { MarketStore } from '../store/market-store.ts';
import type { SymbolRegistry } from '../symbols.ts';
import type { InputProblem, IsoDate, SymbolKey } from '../types.ts';
import { type CsvLayout, parseMarketCsv } from './csv/parse.ts';
import { type CloseChange, csvSourceKey, planImport, type SeriesPlan } from './csv-reimport.ts';

/**
 * `imported`: written as batch `batchId`. `rejected`: errors, nothing stored. `unchanged`: this
 * content is already stored, nothing written. `needs-replace`: it would change stored closes
 * (`changes`) and `replace` was not given, nothing stored.
 */
export type ImportStatus = 'imported' | 'rejected' | 'unchanged' | 'needs-replace';

export interface FileImport {
  file: string;
  layout: CsvLayout | undefined;
  status: ImportStatus;
  /** The key the rows are stored under: `csv:<name>@<content hash>`. */
  source: string;
  series: Array<{ symbol: SymbolKey; rows: number; first: IsoDate; last: IsoDate }>;
  problems: InputProblem[];
  ignoredColumns: string[];
  /** What the import does to earlier imports of the same name, per series. */
  plans: SeriesPlan[];
  changes: CloseChange[];
  batchId?: number;
  counts?: RowCounts;
}

export interface ImportOptions {
  symbol?: SymbolKey;
  lenient?: boolean;
  /** Let the file change stored closes of earlier imports of its name. */
  replace?: boolean;
  /** The last session that has closed: rows after it are errors. Unset: not checked. */
  lastSession?: IsoDate;
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
  options: ImportOptions = {},
): FileImport {
  let content: Buffer;
  try {
    content = readFileSync(file);
  } catch (cause) {
    throw new WirecopyError(Errors.FileUnreadable, `${file} cannot be read.`, {
      hint: 'Check the path and permissions.',
      cause,
    });
  }
  const parsed = parseMarketCsv(content.toString('utf8'), {
    file,
    registry,
    ...(options.symbol ? { symbol: options.symbol } : {}),
    ...(options.lastSession ? { lastSession: options.lastSession } : {}),
    isNonSession: nonSessionCheck(registry),
  });
  const hasErrors = parsed.problems.some((p) => p.severity === 'error');
  const written = parsed.series.filter((s) => s.bars.length > 0);
  const series = written.map((s) => ({
    symbol: s.symbol,
    rows: s.bars.length,
    first: s.bars[0]!.date,
    last: s.bars.at(-1)!.date,
  }));
  const source = csvSourceKey(file, content);
  const base = {
    file,
    source,
    layout: parsed.layout,
    problems: parsed.problems,
    ignoredColumns: parsed.ignoredColumns,
    series,
    plans: [],
    changes: [],
  };
  if ((hasErrors && !options.lenient) || series.length === 0) return { ...base, status: 'rejected' };
  const plans = planImport(store, source, file, written);
  const changes = plans.flatMap((p) => p.changes);
  if (plans.every((p) => p.stored)) return { ...base, plans, status: 'unchanged' };
  if (changes.length > 0 && !options.replace) return { ...base, plans, changes, status: 'needs-replace' };
  const { id, counts } = store.writeBatchCounted({
    kind: 'import',
    source,
    origin: file,
    dataset: 'csv',
    series: plans.filter((p) => !p.stored),
    supersedes: [...new Set(plans.flatMap((p) => p.lineage))],
    note: parsed.problems.length > 0 ? `${parsed.problems.length} problem(s) reported at import` : undefined,
  });
  return { ...base, plans, changes, status: 'imported', batchId: id, counts };
}
