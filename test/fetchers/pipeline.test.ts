import { describe, expect, it } from 'vitest';
import type { FetchResult } from '../../src/fetchers/pipeline.ts';
import { storeFetch } from '../../src/fetchers/pipeline.ts';
import { rewriteYahooUrl } from '../../src/fetchers/yahoo-client.ts';
import type { DailyBar } from '../../src/types.ts';
import { failureLeavesStore, seededStore } from './support.ts';

const bar = (date: string, close: number): DailyBar => ({
  date,
  open: null,
  high: null,
  low: null,
  close,
  volume: null,
});
const result = (bars: DailyBar[], problems: FetchResult['problems'] = []): FetchResult => ({
  symbol: 'RUT',
  source: 'yahoo',
  bars,
  problems,
  requests: 1,
  url: 'https://query2.finance.yahoo.com/v8/finance/chart/^RUT?period1=1',
  fetchedAt: '2025-11-14T22:30:00.000Z',
});

describe('storeFetch', () => {
  it('writes nothing for a fetch with an error among its problems', () => {
    const store = seededStore();
    const before = store.dump();
    const dropped = { severity: 'error' as const, code: 'fetch/null-price', message: 'm' };
    expect(storeFetch(store, result([bar('2025-11-13', 1), bar('2025-11-14', 2)], [dropped]))).toBeNull();
    expect(store.dump()).toBe(before);
  });

  it('writes one live fetch batch; warnings do not stop it', () => {
    const store = seededStore();
    const warning = { severity: 'warning' as const, code: 'fetch/duplicate-date', message: 'm' };
    const id = storeFetch(store, result([bar('2025-11-13', 1), bar('2025-11-14', 2)], [warning]));
    expect(store.batches(1)).toEqual([
      expect.objectContaining({
        id,
        kind: 'fetch',
        source: 'yahoo',
        origin: 'https://query2.finance.yahoo.com/v8/finance/chart/^RUT?period1=1',
        dataset: 'live',
        startedAt: '2025-11-14T22:30:00.000Z',
        rows: 2,
      }),
    ]);
  });

  it('writes all bars or none: a bar the store rejects rolls the whole batch back', async () => {
    const broken = { ...bar('2025-11-14', 2), close: null as unknown as number };
    const error = await failureLeavesStore(async (store) =>
      storeFetch(store, result([bar('2025-11-13', 1), broken])),
    );
    expect(error.message).toMatch(/NOT NULL constraint failed: bars\.close/);
  });
});

describe('rewriteYahooUrl', () => {
  it.each([
    [
      'https://query2.finance.yahoo.com/v8/finance/chart/^RUT?interval=1d',
      'http://127.0.0.1:9/v8/finance/chart/%5ERUT?interval=1d',
    ],
    ['https://finance.yahoo.com/quote/AAPL', 'http://127.0.0.1:9/quote/AAPL'],
    ['https://query1.finance.yahoo.com/v1/test/getcrumb', 'http://127.0.0.1:9/v1/test/getcrumb'],
    ['https://example.com/x', 'https://example.com/x'],
  ])('%s → %s', (url, rewritten) => {
    expect(rewriteYahooUrl(url, 'http://127.0.0.1:9/')).toBe(rewritten);
  });
  it('leaves URLs alone without a base URL', () => {
    expect(rewriteYahooUrl('https://query2.finance.yahoo.com/v8/x', undefined)).toBe(
      'https://query2.finance.yahoo.com/v8/x',
    );
  });
});
