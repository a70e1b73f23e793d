/** Shared set-up of the fetcher tests: deps pointed at the recorded server, a throwaway store. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FetchDeps } from '../../src/fetchers/pipeline.ts';
import { MarketStore } from '../../src/store/market-store.ts';
import type { RecordedServer } from './recorded-server.ts';

/** Friday 2025-11-14, 17:30 ET: after the NYSE close and CME's daily halt. */
export const AFTER_CLOSE = new Date('2025-11-14T22:30:00Z');

/** Refuses any URL that is not the local server: a test that would reach the network fails instead. */
export const localOnlyFetch: typeof fetch = (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (url.hostname !== '127.0.0.1') return Promise.reject(new Error(`test tried to reach ${url.origin}`));
  return fetch(input, init);
};

export interface TestDeps extends FetchDeps {
  /** The waits the HTTP layer asked for on top of its backoff (Retry-After), in ms. */
  waits: number[];
}

export function testDeps(server: RecordedServer, overrides: Partial<FetchDeps> = {}): TestDeps {
  const waits: number[] = [];
  return {
    now: AFTER_CLOSE,
    fetch: localOnlyFetch,
    baseUrls: { yahoo: server.url, fredGraph: server.url, fredApi: server.url, stooq: server.url },
    // Short backoff so retries cost milliseconds; generous limits so only the tests that want a timeout get one.
    http: { retries: 2, minBackoffMs: 1, maxBackoffMs: 5, timeoutMs: 5_000, totalMs: 30_000 },
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...overrides,
    waits,
  };
}

/** A new store file holding one earlier batch, so "unchanged" is checked against real content. */
export function seededStore(): MarketStore {
  const store = MarketStore.open(join(mkdtempSync(join(tmpdir(), 'wirecopy-fetch-')), 'market.db'));
  store.writeBatch({
    kind: 'import',
    source: 'csv:RUT.csv',
    origin: 'RUT.csv',
    dataset: 'csv',
    series: [
      {
        symbol: 'RUT',
        bars: [{ date: '2025-11-07', open: null, high: null, low: null, close: 2432.82, volume: null }],
      },
    ],
  });
  return store;
}

export type FetchError = Error & { code: string; hint: string; payload?: unknown; issues?: string[] };

/**
 * Runs a fetch-and-store that must fail, against a seeded store; checks the store is byte-for-byte
 * what it was, and returns the error.
 */
export async function failureLeavesStore(
  fetchAndStore: (store: MarketStore) => Promise<unknown>,
): Promise<FetchError> {
  const store = seededStore();
  const before = store.dump();
  const error = await fetchAndStore(store).then(
    () => undefined,
    (e: unknown) => e,
  );
  const after = store.dump();
  store.close();
  if (error === undefined) throw new Error('the fetch should have failed');
  if (after !== before) throw new Error(`the store changed:\n${before}\n---\n${after}`);
  return error as FetchError;
}
