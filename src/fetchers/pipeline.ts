/**
 * The shared fetch pipeline, after yahoo-finance2's moduleExec: every source is a declarative
 * module (options schema, request, payload schema, transform) and this file runs the steps:
 *
 *   validate options → request (retries, timeouts: http.ts) → validate the payload → transform
 *   → session bars (session-bars.ts)
 *
 * Fetching never writes: `storeFetch` is the separate, single-transaction write, so a failure at
 * any step leaves the store as it was; so does a fetch whose rows have errors.
 */
import type { z } from 'zod';
import { Errors, WirecopyError } from '../errors.ts';
import type { MarketStore } from '../store/market-store.ts';
import { SymbolRegistry } from '../symbols.ts';
import type { DailyBar, InputProblem, IsoDate, SymbolKey } from '../types.ts';
import { PayloadInvalidError } from './fetch-errors.ts';
import { type HttpPolicy, HttpSession, type RunLimit, type Sleep } from './http.ts';
import { type DatedRow, type SeriesClock, toSessionBars } from './session-bars.ts';

export type ProviderName = 'yahoo' | 'fred' | 'stooq';

/** Where each provider is reached; tests point them all at a local server. */
export interface BaseUrls {
  /** Replaces every `https://*.yahoo.com` origin yahoo-finance2 calls (query1, query2, finance). */
  yahoo?: string;
  /** `https://fred.stlouisfed.org` (fredgraph.csv, no key). */
  fredGraph?: string;
  /** `https://api.stlouisfed.org` (the JSON API, with a key). */
  fredApi?: string;
  /** `https://stooq.com`. */
  stooq?: string;
}

export interface FetchDeps {
  /** The clock: decides whether today's session has closed. */
  now: Date;
  fetch?: typeof fetch;
  baseUrls?: BaseUrls;
  /** `FRED_API_KEY` switches FRED to its JSON API; Stooq is used only with a key. */
  keys?: { fred?: string; stooq?: string };
  http?: Partial<HttpPolicy>;
  sleep?: Sleep;
  registry?: SymbolRegistry;
  /** Keep rows dated after today or of a session still open: tests replaying old answers only. */
  allowFutureRows?: boolean;
  /** The time limit of the whole run: when it passes, every request still open is abandoned. */
  runLimit?: RunLimit;
}

/** What a caller asks of a series source; each source's options schema checks it. */
export interface SeriesRequest {
  symbol: SymbolKey;
  from?: IsoDate;
  to?: IsoDate;
}

export interface SourceContext {
  http: HttpSession;
  deps: FetchDeps;
  registry: SymbolRegistry;
}

export interface Fetched {
  /** The URL that answered, scrubbed. */
  url: string;
  payload: unknown;
}

export interface SourceModule<Options extends { symbol: SymbolKey }, Payload, Output> {
  provider: ProviderName;
  /** Checks the request and resolves it (tickers, defaults). */
  options(context: { deps: FetchDeps; registry: SymbolRegistry }): z.ZodType<Options>;
  request(options: Options, context: SourceContext): Promise<Fetched>;
  /** Validates, and coerces, what `request` returned. */
  payload: z.ZodType<Payload>;
  transform(payload: Payload, options: Options, context: TransformContext): Output;
}

export interface TransformContext extends Fetched {
  registry: SymbolRegistry;
}

export interface SeriesOptions {
  symbol: SymbolKey;
  from?: IsoDate;
  to?: IsoDate;
  clock: SeriesClock;
}

export interface ProviderRows {
  rows: DatedRow[];
  problems: InputProblem[];
}

export type SeriesSource<Options extends SeriesOptions = SeriesOptions, Payload = unknown> = SourceModule<
  Options,
  Payload,
  ProviderRows
>;

export interface FetchResult {
  symbol: SymbolKey;
  source: ProviderName;
  /** Ascending session dates, closed sessions only. */
  bars: DailyBar[];
  /** Rows dropped (and why), and other things worth a look. */
  problems: InputProblem[];
  /** HTTP requests sent, retries included. */
  requests: number;
  /** Scrubbed of keys and crumbs. */
  url: string;
  fetchedAt: string;
}

/** Runs validate options → request → validate payload → transform. */
export async function runSource<Options extends { symbol: SymbolKey }, Payload, Output>(
  module: SourceModule<Options, Payload, Output>,
  request: unknown,
  deps: FetchDeps,
): Promise<{ options: Options; output: Output; requests: number; url: string }> {
  const registry = deps.registry ?? new SymbolRegistry();
  const parsed = module.options({ deps, registry }).safeParse(request);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(issueLine);
    throw new WirecopyError(
      Errors.FetchRequestInvalid,
      `The ${module.provider} fetch request ${JSON.stringify(request)} is not valid: ${lines.join('; ')}.`,
      {
        hint: 'Check the symbol (a configured key such as RUT or DGS2) and the dates (YYYY-MM-DD, from before to).',
      },
    );
  }
  const options = parsed.data;
  const http = new HttpSession({
    provider: module.provider,
    symbol: options.symbol,
    fetch: deps.fetch,
    policy: deps.http,
    sleep: deps.sleep,
    runLimit: deps.runLimit,
  });
  const fetched = await module.request(options, { http, deps, registry });
  const valid = module.payload.safeParse(fetched.payload);
  if (!valid.success) {
    const issues = valid.error.issues.map(issueLine);
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    throw new PayloadInvalidError(
      { provider: module.provider, symbol: options.symbol, url: fetched.url },
      `The ${module.provider} answer does not have the expected shape: ${issues[0]}${more}`,
      { payload: fetched.payload, issues },
    );
  }
  const output = module.transform(valid.data, options, { ...fetched, registry });
  return { options, output, requests: http.requests, url: fetched.url };
}

/** Fetches one series and turns it into session bars. Writes nothing. */
export async function fetchSeries<Options extends SeriesOptions, Payload>(
  source: SeriesSource<Options, Payload>,
  request: SeriesRequest,
  deps: FetchDeps,
): Promise<FetchResult> {
  const { options, output, requests, url } = await runSource(source, request, deps);
  const { symbol, clock, from, to } = options;
  const session = toSessionBars(output.rows, {
    symbol,
    clock,
    now: deps.now,
    from,
    to,
    file: url,
    allowFutureRows: deps.allowFutureRows,
  });
  const problems = [...output.problems, ...session.problems];
  if (session.bars.length === 0) {
    const range = `${from ?? 'the start'} to ${to ?? 'now'}`;
    problems.push({
      severity: 'warning',
      code: 'fetch/empty',
      message: `${source.provider} returned no closed bars for ${symbol} from ${range}; nothing will be stored.`,
      hint: 'Nothing to do on a weekend or holiday; otherwise check the dates and the symbol.',
      file: url,
      symbol,
    });
  }
  return {
    symbol,
    source: source.provider,
    bars: session.bars,
    problems,
    requests,
    url,
    fetchedAt: deps.now.toISOString(),
  };
}

/** The error-severity problems of a fetch: any one keeps the whole fetch out of the store. */
export function fetchErrors(result: Pick<FetchResult, 'problems'>): InputProblem[] {
  return result.problems.filter((p) => p.severity === 'error');
}

/**
 * Stores a fetch as one batch (kind `fetch`, dataset `live`): all its bars land, or none. A fetch
 * with no bars, or with an error among its problems, writes nothing and returns null: the
 * importer rejects a file with errors whole, and a fetch is held to the same rule.
 */
export function storeFetch(store: MarketStore, result: FetchResult): number | null {
  if (result.bars.length === 0 || fetchErrors(result).length > 0) return null;
  return store.writeBatch({
    kind: 'fetch',
    source: result.source,
    origin: result.url,
    dataset: 'live',
    series: [{ symbol: result.symbol, bars: result.bars }],
    startedAt: new Date(result.fetchedAt),
  });
}

function issueLine(issue: z.core.$ZodIssue): string {
  const path = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return `${path}${issue.message}`;
}
