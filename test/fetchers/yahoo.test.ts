import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isWirecopyError } from '../../src/errors.ts';
import { PayloadInvalidError } from '../../src/fetchers/fetch-errors.ts';
import { fetchSeries, storeFetch } from '../../src/fetchers/pipeline.ts';
import { yahooChart } from '../../src/fetchers/yahoo.ts';
import { fixture, RecordedServer } from './recorded-server.ts';
import { seededStore, testDeps } from './support.ts';

const RUT = '/v8/finance/chart/^RUT';
let server: RecordedServer;
beforeAll(async () => {
  server = await RecordedServer.start();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

describe('yahoo chart', () => {
  it('reads ^RUT daily bars by New York session date and stores them as one live batch', async () => {
    const result = await fetchSeries(yahooChart, { symbol: '^RUT', from: '2025-11-04' }, testDeps(server));
    expect(result.symbol).toBe('RUT');
    expect(result.source).toBe('yahoo');
    expect(result.bars.map((b) => [b.date, b.close])).toEqual([
      ['2025-11-10', 2452.2],
      ['2025-11-11', 2458.91],
      ['2025-11-12', 2447.05],
      ['2025-11-13', 2385.61],
      ['2025-11-14', 2391.64],
    ]);
    expect(result.problems).toEqual([]);
    expect(result.requests).toBe(1);
    expect(result.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v8\/finance\/chart\/\^RUT\?.*period1=1762214400/);

    const store = seededStore();
    const batch = storeFetch(store, result);
    expect(store.batches(1)[0]).toMatchObject({
      id: batch,
      kind: 'fetch',
      source: 'yahoo',
      dataset: 'live',
      rows: 5,
    });
    expect(store.loadBars('RUT', 'yahoo')).toEqual(result.bars);
  });

  it('asks for the range through the day after `to`, exclusive, as Yahoo counts period2', async () => {
    const deps = testDeps(server);
    const result = await fetchSeries(
      yahooChart,
      { symbol: 'RUT', from: '2025-11-10', to: '2025-11-12' },
      deps,
    );
    expect(result.url).toContain(`period1=${Date.UTC(2025, 10, 10) / 1000}`);
    expect(result.url).toContain(`period2=${Date.UTC(2025, 10, 13) / 1000}`);
    // The fixture holds the whole week; bars outside the request are not the caller's.
    expect(result.bars.map((b) => b.date)).toEqual(['2025-11-10', '2025-11-11', '2025-11-12']);
  });

  it('reports rows with a null close as errors, so nothing is stored; a bar without open and low is whole', async () => {
    server.use('yahoo-chart-RUT-null-ohlc.json');
    try {
      const store = seededStore();
      const result = await fetchSeries(yahooChart, { symbol: 'RUT', from: '2025-11-04' }, testDeps(server));
      expect(result.bars.map((b) => b.date)).toEqual(['2025-11-10', '2025-11-12', '2025-11-14']);
      expect(result.bars[2]).toMatchObject({ open: null, low: null, close: 2391.64 });
      expect(result.problems.map((p) => [p.code, p.severity, p.date])).toEqual([
        ['fetch/null-price', 'error', '2025-11-11'],
        ['fetch/null-price', 'error', '2025-11-13'],
      ]);
      expect(result.problems[0]!.message).toBe('RUT has no close for 2025-11-11.');
      const before = store.dump();
      expect(storeFetch(store, result)).toBeNull();
      expect(store.dump()).toBe(before);
    } finally {
      server.use('yahoo-chart-RUT.json');
    }
  });

  it('treats an empty chart as no bars, reported, and stores nothing', async () => {
    server.use('yahoo-chart-RUT-empty.json');
    try {
      const store = seededStore();
      const before = store.dump();
      const weekend = { symbol: 'RUT', from: '2025-11-15', to: '2025-11-16' };
      const result = await fetchSeries(
        yahooChart,
        weekend,
        testDeps(server, { now: new Date('2025-11-17T12:00:00Z') }),
      );
      expect(result.bars).toEqual([]);
      expect(result.problems.map((p) => p.code)).toEqual(['fetch/empty']);
      expect(storeFetch(store, result)).toBeNull();
      expect(store.dump()).toBe(before);
    } finally {
      server.use('yahoo-chart-RUT.json');
    }
  });

  it('reads a fed funds future (ZQ=F) stamped at midnight ET, once CME has halted for the day', async () => {
    const request = { symbol: 'ZQ', ticker: 'ZQ=F', kind: 'future' as const, from: '2025-11-04' };
    const result = await fetchSeries(yahooChart, request, testDeps(server));
    expect(result.bars.map((b) => [b.date, b.close])).toEqual([
      ['2025-11-10', 96.1225],
      ['2025-11-11', 96.125],
      ['2025-11-12', 96.125],
      ['2025-11-13', 96.12],
      ['2025-11-14', 96.1175],
    ]);
    // 16:30 ET: NYSE has closed but CME's trade date runs to 17:00 ET.
    const early = await fetchSeries(
      yahooChart,
      request,
      testDeps(server, { now: new Date('2025-11-14T21:30:00Z') }),
    );
    expect(early.bars.at(-1)?.date).toBe('2025-11-13');
    expect(early.problems.map((p) => p.code)).toEqual(['fetch/session-open']);
  });

  it('resolves a contract month from the registry (ZQ_202512 → ZQZ25.CBT)', async () => {
    const result = await fetchSeries(
      yahooChart,
      { symbol: 'ZQZ25.CBT', from: '2025-11-04' },
      testDeps(server),
    );
    expect(result.symbol).toBe('ZQ_202512');
    expect(result.url).toContain('/v8/finance/chart/ZQZ25.CBT?');
    expect(result.bars).toHaveLength(5);
  });

  it('reports a contract Yahoo does not list with what Yahoo said, and stores nothing', async () => {
    server.use('yahoo-chart-not-found.json');
    const store = seededStore();
    const before = store.dump();
    const run = fetchSeries(yahooChart, { symbol: 'ZQ_202602', from: '2025-11-04' }, testDeps(server)).then(
      (r) => storeFetch(store, r),
    );
    await expect(run).rejects.toMatchObject({
      code: 'ProviderRefused',
      message: expect.stringMatching(
        /^Yahoo answered HTTP 404 Not Found: "No data found, symbol may be delisted" \(yahoo, ZQ_202602, http:\/\/127\.0\.0\.1:\d+\/v8\/finance\/chart\/ZQG26\.CBT\?/,
      ),
      hint: expect.stringContaining('Check the ticker'),
    });
    expect(store.dump()).toBe(before);
  });

  it('keeps the body on the error when Yahoo sends HTML or a cut-off JSON body with HTTP 200', async () => {
    const html = '<!DOCTYPE html><html><body>Will be right back</body></html>';
    const cut = JSON.stringify(fixture('yahoo-chart-RUT.json').response.bodyJson).slice(0, 300);
    server.queue(RUT, { status: 200, headers: { 'content-type': 'text/html' }, bodyText: html });
    server.queue(RUT, { status: 200, headers: { 'content-type': 'application/json' }, bodyText: cut });
    const store = seededStore();
    const before = store.dump();
    for (const [body, start] of [
      [html, '"<!DOCTYPE html>'],
      [cut, '"{\\"chart\\":{\\"result\\"'],
    ] as const) {
      const error = await fetchSeries(
        yahooChart,
        { symbol: 'RUT', from: '2025-11-04' },
        testDeps(server),
      ).catch((e) => e);
      expect(error).toBeInstanceOf(PayloadInvalidError);
      expect(error.message).toContain(`Yahoo answered with something that is not JSON: ${start}`);
      expect(error.payload).toBe(body);
    }
    expect(server.count(RUT)).toBe(2); // a bad body is not retried: it would come back the same
    expect(store.dump()).toBe(before);
  });

  it('rejects a chart whose arrays disagree in length, keeping the payload and the issues', async () => {
    const body = structuredClone(fixture('yahoo-chart-RUT.json').response.bodyJson) as {
      chart: { result: Array<{ indicators: { quote: Array<{ close: unknown[] }> } }> };
    };
    body.chart.result[0]!.indicators.quote[0]!.close.pop();
    server.queue(RUT, { status: 200, bodyJson: body });
    const error = await fetchSeries(
      yahooChart,
      { symbol: 'RUT', from: '2025-11-04' },
      testDeps(server),
    ).catch((e) => e);
    expect(error).toBeInstanceOf(PayloadInvalidError);
    expect(error.code).toBe('PayloadInvalid');
    expect(error.issues).toEqual(['indicators.quote.0.close: 4 values for 5 timestamps']);
    expect(error.payload).toMatchObject({ meta: { symbol: '^RUT' } });
  });

  it('refuses a request it cannot serve before sending anything', async () => {
    const deps = testDeps(server);
    for (const [request, says] of [
      [{ symbol: 'DGS2', from: '2025-11-04' }, 'symbol: DGS2 has no Yahoo ticker'],
      [{ symbol: 'RUT', from: '2025-11-14', to: '2025-11-04' }, 'from: from must not be after to'],
      [{ symbol: 'RUT', from: '2025-02-30' }, 'from: must be a real date written YYYY-MM-DD'],
    ] as const) {
      const error = await fetchSeries(yahooChart, request, deps).catch((e) => e);
      expect(isWirecopyError(error) && error.code).toBe('FetchRequestInvalid');
      expect(error.message).toContain(says);
    }
    expect(server.seen).toEqual([]);
  });
});
