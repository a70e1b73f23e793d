import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PayloadInvalidError } from '../../src/fetchers/fetch-errors.ts';
import { fredApi, fredCsv, fredSource } from '../../src/fetchers/fred.ts';
import { fetchSeries, storeFetch } from '../../src/fetchers/pipeline.ts';
import { fixture, RecordedServer } from './recorded-server.ts';
import { failureLeavesStore, seededStore, testDeps } from './support.ts';

const GRAPH = '/graph/fredgraph.csv?id=DGS2';
const API = '/fred/series/observations?series_id=DGS2';
const KEY = 'fred-key-0123456789abcdef';
let server: RecordedServer;
beforeAll(async () => {
  server = await RecordedServer.start();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const DGS2_CLOSES = [
  ['2025-11-03', 3.57],
  ['2025-11-04', 3.56],
  ['2025-11-05', 3.61],
  ['2025-11-06', 3.56],
  ['2025-11-07', 3.55],
  ['2025-11-10', 3.58],
  ['2025-11-12', 3.56],
  ['2025-11-13', 3.59],
  ['2025-11-14', 3.61],
];

describe('FRED without a key (fredgraph.csv)', () => {
  it('reads DGS2, skipping the "." of a holiday with one warning', async () => {
    const result = await fetchSeries(fredCsv, { symbol: 'DGS2', from: '2025-11-03' }, testDeps(server));
    expect(result.bars.map((b) => [b.date, b.close])).toEqual(DGS2_CLOSES);
    expect(result.bars[0]).toEqual({
      date: '2025-11-03',
      open: null,
      high: null,
      low: null,
      close: 3.57,
      volume: null,
    });
    expect(result.problems.map((p) => [p.code, p.severity, p.message])).toEqual([
      [
        'fetch/no-observation',
        'warning',
        '1 of 10 DGS2 dates have no value ("." in FRED, a day without an observation such as a holiday); they were skipped.',
      ],
    ]);
    expect(result.url).toMatch(/\/graph\/fredgraph\.csv\?id=DGS2&cosd=2025-11-03$/);
  });

  it('reads the older DATE header', async () => {
    const result = await fetchSeries(fredCsv, { symbol: 'DGS10', from: '2025-11-03' }, testDeps(server));
    expect(result.bars).toHaveLength(9);
    expect(result.bars.at(-1)).toMatchObject({ date: '2025-11-14', close: 4.15 });
  });

  it("keeps every observation date of a rate, weekends included, and today's once the NYSE close has passed", async () => {
    const days = [
      ...['03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '13'].map((d) => `2025-11-${d}`),
    ];
    const evening = await fetchSeries(fredCsv, { symbol: 'DFF' }, testDeps(server));
    expect(evening.bars.map((b) => b.date)).toEqual([...days, '2025-11-14']);
    expect(evening.problems).toEqual([]);
    // 10:00 ET: a value dated today cannot be that day's final observation yet.
    const morning = await fetchSeries(
      fredCsv,
      { symbol: 'DFF' },
      testDeps(server, { now: new Date('2025-11-14T15:00:00Z') }),
    );
    expect(morning.bars.map((b) => b.date)).toEqual(days);
    expect(morning.problems.map((p) => [p.severity, p.code, p.message])).toEqual([
      [
        'warning',
        'fetch/session-open',
        "DFF's observation for 2025-11-14 was left out: that day's NYSE close (16:00 ET) had not passed at 10:00:00 ET.",
      ],
    ]);
  });

  it('rejects an HTML page sent with HTTP 200, keeping it on the error, and stores nothing', async () => {
    server.use('fred-graph-html.json');
    try {
      const error = await failureLeavesStore((store) =>
        fetchSeries(fredCsv, { symbol: 'DGS2', from: '2025-11-03' }, testDeps(server)).then((r) =>
          storeFetch(store, r),
        ),
      );
      expect(error).toBeInstanceOf(PayloadInvalidError);
      expect(error.message).toMatch(
        /^The fred answer does not have the expected shape: an HTML page came instead of CSV: "<!DOCTYPE html> <html lang=\\"en\\">/,
      );
      expect(error.payload).toContain('Service Temporarily Unavailable');
    } finally {
      server.use('fred-graph-DGS2.json');
    }
  });

  it('rejects a CSV that is not the series asked for', async () => {
    server.queue(GRAPH, { status: 200, bodyText: 'observation_date,DGS10\n2025-11-14,4.15\n' });
    const error = await failureLeavesStore((store) =>
      fetchSeries(fredCsv, { symbol: 'DGS2' }, testDeps(server)).then((r) => storeFetch(store, r)),
    );
    expect(error.code).toBe('PayloadInvalid');
    expect(error.message).toContain('The CSV holds DGS10, not DGS2');
  });

  it('refuses a symbol that is not a FRED series', async () => {
    const error = await fetchSeries(fredCsv, { symbol: 'RUT' }, testDeps(server)).catch((e) => e);
    expect(error.code).toBe('FetchRequestInvalid');
    expect(error.message).toContain('symbol: RUT is not a FRED series');
    expect(server.seen).toEqual([]);
  });
});

describe('FRED with FRED_API_KEY (the JSON API)', () => {
  it('is chosen when a key is configured', () => {
    expect(fredSource({ now: new Date(), keys: { fred: KEY } })).toBe(fredApi);
    expect(fredSource({ now: new Date(), keys: {} })).toBe(fredCsv);
  });

  it('reads the same observations, and never shows the key', async () => {
    const deps = testDeps(server, { keys: { fred: KEY } });
    const result = await fetchSeries(fredSource(deps), { symbol: 'DGS2', from: '2025-11-03' }, deps);
    expect(result.bars.map((b) => [b.date, b.close])).toEqual(DGS2_CLOSES);
    expect(result.problems.map((p) => p.code)).toEqual(['fetch/no-observation']);
    expect(result.url).toMatch(
      /\/fred\/series\/observations\?series_id=DGS2&api_key=\*\*\*&file_type=json&observation_start=2025-11-03$/,
    );
    expect(JSON.stringify(result)).not.toContain(KEY);
    const store = seededStore();
    storeFetch(store, result);
    expect(store.dump()).not.toContain(KEY);
    expect(store.batches(1)[0]!.origin).toBe(result.url);
  });

  it("reports FRED's own message for a bad key, without the key", async () => {
    server.queue(API, fixture('fred-api-bad-key.json').response);
    const deps = testDeps(server, { keys: { fred: KEY } });
    const error = await failureLeavesStore((store) =>
      fetchSeries(fredApi, { symbol: 'DGS2' }, deps).then((r) => storeFetch(store, r)),
    );
    expect(error.code).toBe('ProviderRefused');
    expect(error.message).toContain(
      'fred answered HTTP 400 Bad Request: Bad Request.  The value for variable api_key is not registered.',
    );
    expect(error.message).toContain('api_key=***');
    expect(error.hint).toContain('FRED_API_KEY is wrong');
    expect(`${error.message} ${error.hint}`).not.toContain(KEY);
  });

  it('rejects a value that is neither a number nor "."', async () => {
    const body = {
      observations: [
        { date: '2025-11-14', value: '3.61' },
        { date: '2025-11-15', value: 'N/A' },
      ],
    };
    server.queue(API, { status: 200, bodyJson: body });
    const deps = testDeps(server, { keys: { fred: KEY } });
    const error = await failureLeavesStore((store) =>
      fetchSeries(fredApi, { symbol: 'DGS2' }, deps).then((r) => storeFetch(store, r)),
    );
    expect(error).toBeInstanceOf(PayloadInvalidError);
    expect(error.issues).toEqual(['observations.1.value: is neither a number nor "."']);
    expect(error.payload).toEqual(body);
  });

  it('rejects a cut-off JSON body', async () => {
    server.queue(API, { status: 200, bodyText: '{"observations":[{"date":"2025-11-14","val' });
    const deps = testDeps(server, { keys: { fred: KEY } });
    const error = await failureLeavesStore((store) =>
      fetchSeries(fredApi, { symbol: 'DGS2' }, deps).then((r) => storeFetch(store, r)),
    );
    expect(error.code).toBe('PayloadInvalid');
    expect(error.message).toMatch(/^The answer is cut off or malformed, not JSON: /);
  });
});
