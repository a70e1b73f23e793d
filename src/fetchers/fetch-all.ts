/**
 * What the daily job fetches, and running it: every configured series from its provider, the fed
 * funds futures, and the IWM options snapshot. Each task fails alone (a contract month Yahoo does
 * not list yet must not stop the indexes), and each success is stored as its own batch.
 */
import { addDays, newYorkDate } from '../calendar/dates.ts';
import type { MarketStore } from '../store/market-store.ts';
import type { SymbolRegistry } from '../symbols.ts';
import type { IsoDate, SymbolKey, SymbolKind } from '../types.ts';
import { fredSource } from './fred.ts';
import {
  type FetchDeps,
  type FetchResult,
  fetchSeries,
  type ProviderName,
  type SeriesSource,
  storeFetch,
} from './pipeline.ts';
import { STOOQ_TICKERS, stooq } from './stooq.ts';
import { yahooChart } from './yahoo.ts';
import { fetchOptionsSnapshot, type OptionsSnapshotResult, storeOptionsSnapshot } from './yahoo-options.ts';

export type FetchTask =
  | {
      kind: 'series';
      provider: ProviderName;
      request: { symbol: SymbolKey; from?: IsoDate; to?: IsoDate; ticker?: string; kind?: SymbolKind };
    }
  | { kind: 'options'; request: { symbol: SymbolKey } };

export interface PlanOptions {
  now: Date;
  /** First date to fetch; default 10 days before today, enough to cover a long weekend and a missed run. */
  from?: IsoDate;
  /** Fed funds contract months to try, from the current one; default 12 (a year of FOMC meetings). */
  futureMonths?: number;
  /** Symbols whose options chain is snapshotted; default IWM. */
  optionsSymbols?: SymbolKey[];
  /** Stooq is planned only with a key. */
  stooqKey?: string;
}

/** The key the continuous front-month fed funds future (`ZQ=F`) is stored under. */
export const FED_FUNDS_FRONT = 'ZQ';

export function planFetches(registry: SymbolRegistry, options: PlanOptions): FetchTask[] {
  const today = newYorkDate(options.now);
  const from = options.from ?? addDays(today, -10);
  const tasks: FetchTask[] = [];
  for (const spec of registry.specs) {
    const request = { symbol: spec.key, from };
    if (spec.yahoo !== undefined) tasks.push({ kind: 'series', provider: 'yahoo', request });
    if (spec.fred !== undefined) tasks.push({ kind: 'series', provider: 'fred', request });
    if (options.stooqKey && STOOQ_TICKERS[spec.key] !== undefined)
      tasks.push({ kind: 'series', provider: 'stooq', request });
  }
  tasks.push({
    kind: 'series',
    provider: 'yahoo',
    request: { symbol: FED_FUNDS_FRONT, ticker: 'ZQ=F', kind: 'future', from },
  });
  const [year, month] = today.split('-').map(Number) as [number, number];
  for (let i = 0; i < (options.futureMonths ?? 12); i++) {
    const m = month - 1 + i;
    const key = `ZQ_${year + Math.floor(m / 12)}${String((m % 12) + 1).padStart(2, '0')}`;
    tasks.push({ kind: 'series', provider: 'yahoo', request: { symbol: key, from } });
  }
  for (const symbol of options.optionsSymbols ?? ['IWM'])
    tasks.push({ kind: 'options', request: { symbol } });
  return tasks;
}

export type FetchOutcome =
  | { task: FetchTask; ok: true; result: FetchResult | OptionsSnapshotResult }
  | { task: FetchTask; ok: false; error: unknown };

export interface FetchRun {
  outcomes: FetchOutcome[];
  /** Every HTTP request of the run, failed tasks and retries included. */
  requests: number;
}

/** Runs the tasks, `concurrency` at a time, in plan order of results. Writes nothing. */
export async function runFetches(
  tasks: readonly FetchTask[],
  deps: FetchDeps,
  concurrency = 4,
): Promise<FetchRun> {
  let requests = 0;
  const inner = deps.fetch ?? globalThis.fetch;
  const counting: typeof fetch = (input, init) => {
    requests++;
    return inner(input, init);
  };
  const counted = { ...deps, fetch: counting };
  const outcomes: FetchOutcome[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      const task = tasks[index]!;
      try {
        outcomes[index] = { task, ok: true, result: await runTask(task, counted) };
      } catch (error) {
        outcomes[index] = { task, ok: false, error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, tasks.length)) }, worker));
  return { outcomes, requests };
}

function runTask(task: FetchTask, deps: FetchDeps): Promise<FetchResult | OptionsSnapshotResult> {
  if (task.kind === 'options') return fetchOptionsSnapshot(task.request, deps);
  const source: SeriesSource =
    task.provider === 'yahoo' ? yahooChart : task.provider === 'fred' ? fredSource(deps) : stooq;
  return fetchSeries(source, task.request, deps);
}

/** Stores one successful outcome in its own transaction; returns whether anything was written. */
export function storeOutcome(store: MarketStore, outcome: FetchOutcome): boolean {
  if (!outcome.ok) return false;
  if ('snapshot' in outcome.result) {
    storeOptionsSnapshot(store, outcome.result);
    return true;
  }
  return storeFetch(store, outcome.result) !== null;
}
