import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PayloadInvalidError } from '../../src/fetchers/fetch-errors.ts';
import { fetchSeries, storeFetch } from '../../src/fetchers/pipeline.ts';
import { stooq } from '../../src/fetchers/stooq.ts';
import { fixture, RecordedServer } from './recorded-server.ts';
import { failureLeavesStore, seededStore, testDeps } from './support.ts';

const ROUTE = '/q/d/l/?s=^rut';
const KEY = 'stooq-key-42';
let server: RecordedServer;
beforeAll(async () => {
  server = await RecordedServer.start();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const withKey = () => testDeps(server, { keys: { stooq: KEY } });
const rut = { symbol: 'RUT', from: '2025-11-03' };

describe('stooq', () => {
  it('reads ^rut daily bars with the key, which never shows', async () => {
    const result = await fetchSeries(stooq, rut, withKey());
    expect(result.source).toBe('stooq');
    expect(result.bars.map((b) => [b.date, b.open, b.close])).toEqual([
      ['2025-11-10', 2430.12, 2452.2],
      ['2025-11-11', 2450.5, 2458.91],
      ['2025-11-12', 2459.7, 2447.05],
      ['2025-11-13', 2440.3, 2385.61],
      ['2025-11-14', 2370.4, 2391.64],
    ]);
    expect(result.url).toMatch(/\/q\/d\/l\/\?s=\^rut&i=d&d1=20251103&apikey=\*\*\*$/);
    const store = seededStore();
    storeFetch(store, result);
    expect(store.loadBars('RUT', 'stooq')).toHaveLength(5);
    expect(store.dump()).not.toContain(KEY);
  });

  it('is not used without a key', async () => {
    const error = await fetchSeries(stooq, rut, testDeps(server)).catch((e) => e);
    expect(error.code).toBe('FetchRequestInvalid');
    expect(error.message).toContain('Stooq needs an API key');
    expect(server.seen).toEqual([]);
  });

  it.each([
    [
      'stooq-no-data.json',
      'ProviderRefused',
      /^Stooq has no data for \^rut: "No data" \(stooq, RUT, /,
      'Check the ticker and the date range',
    ],
    [
      'stooq-hits-limit.json',
      'ProviderRefused',
      /^Stooq refused: "Exceeded the daily hits limit" \(stooq, RUT, /,
      'fetch again tomorrow',
    ],
    [
      'stooq-html.json',
      'PayloadInvalid',
      /^The stooq answer does not have the expected shape: an HTML page came instead of CSV: /,
      'try again later',
    ],
  ])('treats %s, sent with HTTP 200, as an error and stores nothing', async (name, code, message, hint) => {
    server.queue(ROUTE, fixture(name).response);
    const error = await failureLeavesStore((store) =>
      fetchSeries(stooq, rut, withKey()).then((r) => storeFetch(store, r)),
    );
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(error.hint).toContain(hint);
    expect(`${error.message} ${error.hint}`).not.toContain(KEY);
    expect(server.count(ROUTE)).toBe(1);
  });

  it('keeps an HTML answer on the error', async () => {
    server.queue(ROUTE, fixture('stooq-html.json').response);
    const error = await fetchSeries(stooq, rut, withKey()).catch((e) => e);
    expect(error).toBeInstanceOf(PayloadInvalidError);
    expect(error.payload).toContain('Enter the API key');
  });
});
