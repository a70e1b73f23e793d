/**
 * The catalogue of CSV import problems: a stable code, its usual severity, and what to do about
 * it. Messages are written where the problem is found, because they name the value and the place.
 *
 * Errors are data the importer will not store: the caller rejects a file that has any, or, when
 * lenient, keeps the other rows (an errored row never becomes a bar). Warnings are stored.
 */
import type { InputProblem, IsoDate, SymbolKey } from '../../types.ts';

export type CsvProblemCode =
  | 'csv/empty'
  | 'csv/unclosed-quote'
  | 'csv/no-date-column'
  | 'csv/no-value-column'
  | 'csv/duplicate-column'
  | 'csv/unknown-symbol'
  | 'csv/ragged-row'
  | 'csv/bad-date'
  | 'csv/bad-number'
  | 'csv/missing-close'
  | 'csv/non-positive-price'
  | 'csv/ohlc-order'
  | 'csv/non-session'
  | 'csv/future-session'
  | 'csv/unsorted'
  | 'csv/duplicate-date'
  | 'csv/zero-volume';

interface CatalogueEntry {
  severity: InputProblem['severity'];
  hint: string;
}

const ISO_EXPORT = 'Export dates as YYYY-MM-DD, one row per trading day.';

export const CSV_PROBLEMS: Record<CsvProblemCode, CatalogueEntry> = {
  'csv/empty': {
    severity: 'error',
    hint: 'Check that the download finished; the file needs a header line and daily rows.',
  },
  'csv/unclosed-quote': {
    severity: 'error',
    hint: 'Close the quoted field or remove the stray double quote; nothing after it was read.',
  },
  'csv/no-date-column': {
    severity: 'error',
    hint: 'The first line must name the columns, with one called Date (or date, observation_date), e.g. Date,Open,High,Low,Close,Volume.',
  },
  'csv/no-value-column': {
    severity: 'error',
    hint: 'Name the price column Close, or name each value column by a configured symbol or alias (SPX, RUT, DGS2, ...); pass --symbol KEY for a file with one value column.',
  },
  'csv/duplicate-column': {
    severity: 'warning',
    hint: 'Remove or rename one of the columns; the first one is used.',
  },
  'csv/unknown-symbol': {
    severity: 'error',
    hint: 'Pass --symbol KEY (e.g. --symbol RUT), or add the file name as an alias of the series under symbols in wirecopy.config.',
  },
  'csv/ragged-row': {
    severity: 'error',
    hint: 'Every row needs as many fields as the header; an unquoted comma inside a number (1,234.5) splits it in two.',
  },
  'csv/bad-date': { severity: 'error', hint: ISO_EXPORT },
  'csv/bad-number': {
    severity: 'error',
    hint: 'Write plain numbers such as 2442.74 (no thousands separators, currency or percent signs); leave the cell empty if there is no value.',
  },
  'csv/missing-close': {
    severity: 'error',
    hint: 'Fill in the close from another source or delete the row; a daily bar needs a close.',
  },
  'csv/non-positive-price': {
    severity: 'error',
    hint: 'Prices of indexes, ETFs and futures are above zero: correct the value or delete the row.',
  },
  'csv/ohlc-order': {
    severity: 'error',
    hint: 'Check the column headers (a swapped High/Low header shows up like this) and the values against another source.',
  },
  'csv/non-session': {
    severity: 'error',
    hint: 'Delete the row: there was no trading session that day, so the value is a copy or a mistake.',
  },
  'csv/future-session': {
    severity: 'error',
    hint: 'Delete the row, or export the file again after that session has closed: before the close, a day has no closing price yet.',
  },
  'csv/unsorted': {
    severity: 'warning',
    hint: 'Nothing to do: the rows were sorted by date. Sort the file to silence this.',
  },
  'csv/duplicate-date': { severity: 'error', hint: 'Keep one row per date: delete the wrong copy.' },
  'csv/zero-volume': {
    severity: 'warning',
    hint: 'Check this close against another source and re-download the history after the close to replace it; the row is kept.',
  },
};

export interface ProblemPlace {
  file: string;
  line?: number;
  column?: string;
  symbol?: SymbolKey;
  date?: IsoDate;
}

export function csvProblem(
  code: CsvProblemCode,
  place: ProblemPlace,
  message: string,
  overrides: Partial<CatalogueEntry> = {},
): InputProblem {
  const entry = CSV_PROBLEMS[code];
  const problem: InputProblem = {
    severity: overrides.severity ?? entry.severity,
    code,
    message,
    hint: overrides.hint ?? entry.hint,
    file: place.file,
  };
  if (place.line !== undefined) problem.line = place.line;
  if (place.column !== undefined) problem.column = place.column;
  if (place.symbol !== undefined) problem.symbol = place.symbol;
  if (place.date !== undefined) problem.date = place.date;
  return problem;
}
