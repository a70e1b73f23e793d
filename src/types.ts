/**
 * Public types shared by every stage of the pipeline. Stages pass plain data to each other;
 * these are the shapes of that data.
 */

/** An exchange-local calendar date, `YYYY-MM-DD`. For exchange series: a session date. */
export type IsoDate = string;

/** A configured series key: `RUT`, `SPX`, `IWM`, `DGS2`, `ZQ_202612`, ... */
export type SymbolKey = string;

/** What kind of instrument a series is; decides which calendar its dates must follow. */
export type SymbolKind = 'index' | 'etf' | 'rate' | 'future';

/** One day of one series. Only `close` is required: rates and some files carry nothing else. */
export interface DailyBar {
  date: IsoDate;
  open: number | null;
  high: number | null;
  low: number | null;
  close: number;
  volume: number | null;
}

/**
 * A daily close series in ascending date order, one value per date, as the stats engine reads it.
 * `sources[i]` names where `closes[i]` came from (a provider or `csv:<file>`), for provenance.
 */
export interface Series {
  symbol: SymbolKey;
  dates: IsoDate[];
  closes: number[];
  sources?: string[];
}

/** The dataset a value came from: the demo generator, imported files, or live providers. */
export type Dataset = 'demo' | 'csv' | 'live';

/** A problem found in input (a file, a payload), reported with its place, never thrown alone. */
export interface InputProblem {
  severity: 'error' | 'warning';
  /** Stable rule id, e.g. `csv/bad-date`. */
  code: string;
  message: string;
  /** What to do about it. */
  hint?: string;
  file?: string;
  line?: number;
  column?: string;
  symbol?: SymbolKey;
  date?: IsoDate;
}
