import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fredCsv } from '../../src/fetchers/fred.ts';
import { fetchSeries, storeFetch } from '../../src/fetchers/pipeline.ts';
import { retryAfterMs } from '../../src/fetchers/retry-after.ts';
import { scrubUrl } from '../../src/fetchers/scrub-url.ts';
import { yahooChart } from '../../src/fetchers/yahoo.ts';
import type { MarketStore } from '../../src/store/market-store.ts';
import { fixture, RecordedServer } from './recorded-server.ts';
import { failureLeavesStore, type TestDeps, testDeps } from './support.ts';

const DGS2 = '/graph/fredgraph.csv?id=DGS2';
const RUT = '/v8/finance/chart/^RUT';
const dgs2 = { symbol: 'DGS2', from: '2025-11-03' };
let server: RecordedServer;
beforeAll(async () => {
  server = await RecordedServer.start();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

/** Fetch and store, as the CLI will: a failure must leave the store as it was. */
const fredDgs2 = (deps: TestDeps) => (store: MarketStore) =>
  fetchSeries(fredCsv, dgs2, deps).then((r) => storeFetch(store, r));
const yahooRut = (deps: TestDeps) => (store: MarketStore) =>
  fetchSeries(yahooChart, { symbol: 'RUT', from: '2025-11-04' }, deps).then((r) => storeFetch(store, r));

describe('retries', () => {
  it('retries an HTTP 429, waiting as long as Retry-After asks, then succeeds', async () => {
    server.queue(DGS2, {
      status: 429,
      statusText: 'Too Many Requests',
      headers: { 'retry-after': '7' },
      bodyText: 'slow down',
    });
    const deps = testDeps(server);
    const result = await fetchSeries(fredCsv, dgs2, deps);
    expect(result.bars).toHaveLength(9);
    expect(result.requests).toBe(2);
    expect(server.count(DGS2)).toBe(2);
    // The backoff (1-2 ms here) is part of the wait; the layer waits out the rest of the 7 s.
    expect(deps.waits).toHaveLength(1);
    expect(deps.waits[0]).toBeGreaterThanOrEqual(6_990);
    expect(deps.waits[0]).toBeLessThan(7_000);
  });

  it('retries a 500 and a 503, then succeeds', async () => {
    server.queue(RUT, { status: 500, bodyText: 'Internal Server Error' }, { status: 503, bodyText: '' });
    const result = await fetchSeries(yahooChart, { symbol: 'RUT', from: '2025-11-04' }, testDeps(server));
    expect(result.bars).toHaveLength(5);
    expect(result.requests).toBe(3);
  });

  it('gives up on a provider that keeps answering 429, saying so, and stores nothing', async () => {
    server.queue(DGS2, ...Array.from({ length: 3 }, () => ({ status: 429, bodyText: '' })));
    const error = await failureLeavesStore(fredDgs2(testDeps(server)));
    expect(error.code).toBe('ProviderRefused');
    expect(error.message).toMatch(
      /^Rate limited after 3 attempts \(HTTP 429\) \(fred, DGS2, http:\/\/127\.0\.0\.1:\d+\/graph\/fredgraph\.csv\?id=DGS2&cosd=2025-11-03\)$/,
    );
    expect(error.hint).toContain('wait a few minutes');
    expect(server.count(DGS2)).toBe(3);
  });

  it('fails at once when Retry-After asks for more time than the fetch has left', async () => {
    server.queue(DGS2, { status: 429, headers: { 'retry-after': '3600' }, bodyText: '' });
    const error = await failureLeavesStore(fredDgs2(testDeps(server)));
    expect(error.code).toBe('ProviderRefused');
    expect(error.message).toMatch(
      /the provider asked to wait 3600 s \(Retry-After\), more than the \d+ s this fetch has left/,
    );
    expect(server.count(DGS2)).toBe(1);
  });

  it('gives up on a 500 after the configured retries', async () => {
    server.queue(
      RUT,
      ...Array.from({ length: 3 }, () => ({
        status: 500,
        statusText: 'Internal Server Error',
        bodyText: 'oops',
      })),
    );
    const error = await failureLeavesStore(yahooRut(testDeps(server)));
    expect(error.code).toBe('FetchFailed');
    expect(error.message).toMatch(
      /^The request failed after 3 attempts: HTTP 500 Internal Server Error \(yahoo, RUT, http:\/\/127/,
    );
    expect(server.count(RUT)).toBe(3);
  });

  it('does not retry a 404', async () => {
    server.queue(DGS2, { status: 404, statusText: 'Not Found', bodyText: 'Series does not exist.' });
    const error = await failureLeavesStore(fredDgs2(testDeps(server)));
    expect(error.code).toBe('ProviderRefused');
    expect(error.message).toMatch(/^fred answered HTTP 404 Not Found \(fred, DGS2, /);
    expect(error.hint).toContain('https://fred.stlouisfed.org/series/DGS2');
    expect(server.count(DGS2)).toBe(1);
  });
});

describe('timeouts and broken connections', () => {
  it('times out a request that never answers, retries it, then says how long it waited', async () => {
    server.queue(DGS2, { hang: true }, { hang: true });
    const deps = testDeps(server, { http: { retries: 1, minBackoffMs: 1, timeoutMs: 100, totalMs: 30_000 } });
    const error = await failureLeavesStore(fredDgs2(deps));
    expect(error.code).toBe('FetchTimedOut');
    expect(error.message).toMatch(
      /^No answer after 2 attempts: no complete answer within 100 ms \(fred, DGS2, /,
    );
    expect(server.count(DGS2)).toBe(2);
  });

  it('stops at the total time limit even when each request is allowed longer', async () => {
    server.queue(DGS2, { hang: true });
    const deps = testDeps(server, { http: { retries: 3, timeoutMs: 10_000, totalMs: 150 } });
    const error = await failureLeavesStore(fredDgs2(deps));
    expect(error.code).toBe('FetchTimedOut');
    expect(error.message).toMatch(/^Gave up: the fetch took longer than its 150 ms limit \(fred, DGS2, /);
    expect(server.count(DGS2)).toBe(1);
  });

  it('retries a body cut off mid-way, and reports it when it keeps happening', async () => {
    const recorded = fixture('fred-graph-DGS2.json').response;
    server.queue(DGS2, { truncate: recorded, keep: 40 });
    const deps = testDeps(server);
    const result = await fetchSeries(fredCsv, dgs2, deps);
    expect(result.requests).toBe(2);
    expect(result.bars).toHaveLength(9);

    server.queue(DGS2, ...Array.from({ length: 3 }, () => ({ truncate: recorded, keep: 40 })));
    const error = await failureLeavesStore(fredDgs2(testDeps(server)));
    expect(error.code).toBe('FetchFailed');
    expect(error.message).toContain('after 3 attempts: the connection closed before the whole body arrived');
  });

  it('reports a refused connection with the place it tried', async () => {
    const closed = await RecordedServer.start();
    const url = closed.url;
    await closed.close();
    const deps = testDeps(server, { baseUrls: { fredGraph: url } });
    const error = await failureLeavesStore(fredDgs2(deps));
    expect(error.code).toBe('FetchFailed');
    expect(error.message).toContain(
      `the connection failed (ECONNREFUSED) (fred, DGS2, ${url}/graph/fredgraph.csv?id=DGS2`,
    );
  });
});

describe('scrubUrl', () => {
  it.each([
    [
      'https://api.stlouisfed.org/fred/series/observations?series_id=DGS2&api_key=abc123&file_type=json',
      'https://api.stlouisfed.org/fred/series/observations?series_id=DGS2&api_key=***&file_type=json',
    ],
    ['https://stooq.com/q/d/l/?s=%5Erut&i=d&apikey=SECRET', 'https://stooq.com/q/d/l/?s=^rut&i=d&apikey=***'],
    [
      'https://query2.finance.yahoo.com/v7/finance/options/IWM?formatted=false&crumb=Ab.cD%2F1',
      'https://query2.finance.yahoo.com/v7/finance/options/IWM?formatted=false&crumb=***',
    ],
    ['https://user:pass@example.com/x?API_KEY=1', 'https://example.com/x?API_KEY=***'],
    ['not a url?api_key=abc&x=1', 'not a url?api_key=***&x=***'],
  ])('%s', (url, scrubbed) => {
    expect(scrubUrl(url)).toBe(scrubbed);
  });
});

describe('retryAfterMs', () => {
  const now = Date.parse('2025-11-14T22:30:00Z');
  it.each([
    ['7', 7_000],
    [' 0 ', 0],
    ['Fri, 14 Nov 2025 22:30:30 GMT', 30_000],
    ['Fri, 14 Nov 2025 22:29:00 GMT', 0],
    ['soon', undefined],
    ['-1', undefined],
  ])('%j → %j', (header, ms) => {
    expect(retryAfterMs(header, now)).toBe(ms);
  });
  it('is undefined without the header', () => {
    expect(retryAfterMs(null, now)).toBeUndefined();
  });
});
