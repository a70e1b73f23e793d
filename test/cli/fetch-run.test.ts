/**
 * `wirecopy fetch` and `wirecopy run` end to end, in-process, against the recorded provider
 * server on 127.0.0.1 (test/fixtures/http: the week of 2025-11-10, clock Friday 2025-11-14
 * 17:30 ET). Base URLs come from the environment, as a CI job would set them; `fetch` itself is
 * wrapped so that any request leaving 127.0.0.1 fails the test, and every URL is recorded.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { sessionsBetween } from '../../src/calendar/nyse.ts';
import { frontMatterSchema } from '../../src/content/front-matter.ts';
import { fixture, RecordedServer } from '../fetchers/recorded-server.ts';
import { freePort } from '../support/free-port.ts';
import { readStore, testWorkspace, walkTo, writeStore } from '../verify/support.ts';

let server: RecordedServer;
const requested: string[] = [];
const realFetch = globalThis.fetch;

beforeAll(async () => {
  server = await RecordedServer.start();
  vi.stubGlobal('fetch', (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    requested.push(url.href);
    if (url.hostname !== '127.0.0.1') return Promise.reject(new Error(`test tried to reach ${url.origin}`));
    return realFetch(input, init);
  });
});
afterAll(async () => {
  vi.unstubAllGlobals();
  await server.close();
});
afterEach(() => {
  requested.length = 0;
  server.reset();
});

/** The fixtures hold three fed funds months from November 2025; the default plans twelve. */
const CONFIG = { fetch: { futureMonths: 3 } };
const providerEnv = () => ({ WIRECOPY_YAHOO_URL: server.url, WIRECOPY_FRED_URL: server.url });
const chartRequests = (ticker: string) =>
  requested.filter((u) => decodeURIComponent(new URL(u).pathname) === `/v8/finance/chart/${ticker}`);
const period1Of = (url: string) =>
  new Date(Number(new URL(url).searchParams.get('period1')) * 1000).toISOString().slice(0, 10);

describe('wirecopy fetch', () => {
  it('fetches every configured series from the recorded server into an empty store, one line each', async () => {
    const ws = testWorkspace(CONFIG, { env: providerEnv() });
    const started = performance.now();
    const result = await ws.run(['fetch']);
    const wallMs = performance.now() - started;
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    // 8 Yahoo charts, 5 FRED series, the front fed funds month and 3 contract months, IWM options.
    expect(lines.filter((l) => / \+\d+ bars? \(/.test(l))).toHaveLength(17);
    expect(lines).toContain('RUT yahoo 1980-01-01..2025-11-14 +5 bars (5 new, 0 revised)');
    expect(lines).toContain('DFF fred 1980-01-01..2025-11-14 +12 bars (12 new, 0 revised)');
    expect(lines.filter((l) => l.startsWith('IWM options 2025-11-14 snapshot, 3 expiries'))).toHaveLength(1);
    // 2 probes + 12 charts + 5 FRED files + the options chain (cookie, crumb, 3 expiries).
    expect(requested).toHaveLength(2 + 12 + 5 + 5);
    expect(lines.at(-1)).toMatch(/^Fetched 18 of 18 series into .*market\.db: \+\d+ bars, 24 requests/);
    expect(readStore(ws.store, (s) => s.loadSeries('ZQ_202512')?.closes.at(-1))).toBe(96.165);
    // Measured, not asserted: printed for the record.
    console.log(
      `wirecopy fetch (all series, recorded server): ${requested.length} requests, ${wallMs.toFixed(0)} ms`,
    );
  });

  it('asks only for the tail on the next run: 5 sessions before the last stored one, picking up a revised close', async () => {
    const ws = testWorkspace(CONFIG, { env: providerEnv() });
    expect((await ws.run(['fetch', '--symbols', 'RUT,DGS2'])).code).toBe(0);
    expect(chartRequests('^RUT').map(period1Of)).toEqual(['1980-01-01']);

    requested.length = 0;
    // Yahoo revised Thursday's close since the first run.
    const revised = structuredClone(fixture('yahoo-chart-RUT.json').response) as {
      status: number;
      bodyJson: { chart: { result: Array<{ indicators: { quote: Array<{ close: number[] }> } }> } };
    };
    revised.bodyJson.chart.result[0]!.indicators.quote[0]!.close[3] = 2386.01;
    server.queue('/v8/finance/chart/^RUT', revised);
    const second = await ws.run(['fetch', '--symbols', 'RUT,DGS2']);
    expect(second.code).toBe(0);
    expect(chartRequests('^RUT').map(period1Of)).toEqual(['2025-11-07']);
    expect(
      requested.filter((u) => u.includes('fredgraph')).map((u) => new URL(u).searchParams.get('cosd')),
    ).toEqual(['2025-11-07']);
    expect(second.stdout).toContain('RUT yahoo 2025-11-07..2025-11-14 +5 bars (0 new, 1 revised)');
    expect(second.stdout).toContain('DGS2 fred 2025-11-07..2025-11-14 +5 bars (0 new, 0 revised)');
    readStore(ws.store, (store) => {
      expect(store.loadBars('RUT', 'yahoo').find((b) => b.date === '2025-11-13')?.close).toBe(2386.01);
      expect(store.batches(1)[0]).toMatchObject({ source: 'yahoo', rows: 5 });
    });
  });

  it('a failing series leaves its data as it was while the others land; exit 1 lists it with why', async () => {
    const ws = testWorkspace(CONFIG, { env: providerEnv() });
    expect((await ws.run(['fetch', '--symbols', 'RUT,NDX'])).code).toBe(0);
    const ndxBefore = readStore(ws.store, (s) => JSON.stringify(s.loadBars('NDX', 'yahoo')));
    const batchesBefore = readStore(ws.store, (s) => s.batches(100).length);

    server.queue('/v8/finance/chart/^NDX', { status: 200, bodyText: '<html>Will be right back</html>' });
    const result = await ws.run(['fetch', '--symbols', 'RUT,NDX']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^NDX yahoo FAILED: Yahoo answered with something that is not JSON/m);
    expect(result.stdout).toContain('RUT yahoo 2025-11-07..2025-11-14 +5 bars');
    expect(result.stderr).toContain('Some series could not be fetched: 1 of 2 series could not be fetched');
    expect(result.stderr).toMatch(
      / {2}NDX yahoo: Yahoo answered with something that is not JSON: .*\(yahoo, NDX, http/,
    );
    expect(result.stderr).toContain('What to do: Fix what each line names');
    readStore(ws.store, (store) => {
      expect(JSON.stringify(store.loadBars('NDX', 'yahoo'))).toBe(ndxBefore);
      const added = store.batches(100).slice(0, store.batches(100).length - batchesBefore);
      expect(added.map((b) => b.origin)).toEqual([expect.stringContaining('/v8/finance/chart/^RUT?')]);
    });
  });

  it('a fetch that fails leaves the store byte-for-byte unchanged', async () => {
    const ws = testWorkspace(CONFIG, { env: providerEnv() });
    expect((await ws.run(['fetch', '--symbols', 'RUT'])).code).toBe(0);
    const before = readStore(ws.store, (s) => s.dump());
    server.queue('/v8/finance/chart/^RUT', fixture('yahoo-chart-not-found.json').response);
    const result = await ws.run(['fetch', '--symbols', 'RUT']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('RUT yahoo FAILED: Yahoo answered HTTP 404');
    expect(readStore(ws.store, (s) => s.dump())).toBe(before);
  });

  it('when no provider answers, says so once and exits 1 without trying each series', async () => {
    const port = await freePort();
    const offline = {
      WIRECOPY_YAHOO_URL: `http://127.0.0.1:${port}`,
      WIRECOPY_FRED_URL: `http://127.0.0.1:${port}`,
    };
    const ws = testWorkspace(CONFIG, { env: offline });
    const result = await ws.run(['fetch']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^No data provider could be reached: No data provider could be reached \(yahoo: the connection failed \(ECONNREFUSED\); fred: the connection failed \(ECONNREFUSED\)\)/,
    );
    expect(requested).toHaveLength(2); // the two probes
  });

  it.each([
    [['fetch', '--symbols', 'XYZ'], /--symbols XYZ is not a configured series/],
    [['fetch', '--symbols', 'IWM_ADJ'], /Nothing to fetch for IWM_ADJ: no live source carries it/],
    [
      ['fetch', '--since', '2025-11-31'],
      /--since 2025-11-31 is not a date on or before today \(2025-11-14\)/,
    ],
    [['fetch', '--source', 'stooq'], /--source stooq needs a Stooq API key/],
    [['fetch', '--source', 'bloomberg'], /--source bloomberg is not a provider[\s\S]*yahoo, fred or stooq/],
  ])('wirecopy %j is a usage error (exit 2) and sends nothing', async (args, message) => {
    const result = await testWorkspace(CONFIG, { env: providerEnv() }).run(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(requested).toEqual([]);
  });
});

/** Every Yahoo series with ~a year of synthetic history through 2025-11-07 that meets the recorded week. */
function warmStore(path: string, through = '2025-11-07'): void {
  const dates = sessionsBetween('2024-11-01', through);
  const tickers = {
    RUT: 'RUT',
    SPX: 'GSPC',
    NDX: 'NDX',
    RUJ: 'RUJ',
    RUO: 'RUO',
    IWM: 'IWM',
    IWN: 'IWN',
    IXIC: 'IXIC',
  };
  const series = Object.entries(tickers).map(([symbol, file]) => {
    const recorded = fixture(`yahoo-chart-${file}.json`).response.bodyJson as {
      chart: { result: Array<{ indicators: { quote: Array<{ close: number[] }> } }> };
    };
    return { symbol, bars: walkTo(dates, recorded.chart.result[0]!.indicators.quote[0]!.close[0]!) };
  });
  writeStore(path, [{ source: 'yahoo', series }]);
}

describe('wirecopy run', () => {
  it('on a warm store: fetches the tail, passes the gate, drafts the session, sums up', async () => {
    const ws = testWorkspace(CONFIG, { env: providerEnv() });
    warmStore(ws.store);
    const started = performance.now();
    const result = await ws.run(['run']);
    const wallMs = performance.now() - started;
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('RUT yahoo 2025-10-31..2025-11-14 +5 bars (5 new, 0 revised)');
    expect(result.stdout).toMatch(/^Data-quality gate: passed \(RUT, SPX, .* through 2025-11-14/m);
    expect(result.stdout).toContain('Drafts for the 2025-11-14 session (dataset: live)');
    expect(result.stdout).toMatch(
      /^Summary: fetched 18 of 18 series; gate passed \(\d+ problems\); drafts: 1 created\.$/m,
    );
    const [draft] = readdirSync(join(ws.dir, 'content', 'drafts'));
    const fm = frontMatterSchema.parse(
      matter(readFileSync(join(ws.dir, 'content', 'drafts', draft!), 'utf8')).data,
    );
    expect(fm.checks).toMatchObject({ gate: 'passed', sources: expect.arrayContaining(['yahoo']) });
    console.log(
      `wirecopy run (warm store, recorded server): ${requested.length} requests, ${wallMs.toFixed(0)} ms`,
    );
  });

  it('with the network unreachable: one line, then drafts from the store as it is', async () => {
    const port = await freePort();
    const offline = {
      WIRECOPY_YAHOO_URL: `http://127.0.0.1:${port}`,
      WIRECOPY_FRED_URL: `http://127.0.0.1:${port}`,
    };
    const ws = testWorkspace(CONFIG, { env: offline });
    warmStore(ws.store, '2025-11-14');
    const before = readStore(ws.store, (s) => JSON.stringify(s.summary()));
    const result = await ws.run(['run']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines.filter((l) => /unreachable|ECONNREFUSED/.test(l))).toEqual([
      'Network unreachable (yahoo: the connection failed (ECONNREFUSED); fred: the connection failed (ECONNREFUSED)): drafting from the store as it is.',
    ]);
    expect(lines).toContain('Drafts for the 2025-11-14 session (dataset: live):');
    expect(requested).toHaveLength(2); // the probes, nothing else
    expect(readStore(ws.store, (s) => JSON.stringify(s.summary()))).toBe(before);
    expect(readdirSync(join(ws.dir, 'content', 'drafts'))).toHaveLength(1);
  });

  it('--offline does not even probe', async () => {
    const ws = testWorkspace(CONFIG, { env: providerEnv() });
    warmStore(ws.store, '2025-11-14');
    const result = await ws.run(['run', '--offline']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Offline (--offline): not fetching; drafting from the store as it is.');
    expect(requested).toEqual([]);
  });

  it('on a holiday with market data: nothing to do, no request, no draft; --as-of drafts an earlier session', async () => {
    const thanksgiving = new Date('2026-11-26T22:30:00Z');
    const ws = testWorkspace(CONFIG, { env: providerEnv(), now: thanksgiving });
    warmStore(ws.store, '2025-11-14');
    const result = await ws.run(['run']);
    expect(result).toEqual({
      code: 0,
      stdout:
        '2026-11-26 is not a trading session (Thanksgiving Day); nothing to do. Use --as-of to draft an earlier session.',
      stderr: '',
    });
    expect(requested).toEqual([]);
    expect(existsSync(join(ws.dir, 'content', 'drafts'))).toBe(false);

    const earlier = await ws.run(['run', '--as-of', '2025-11-14', '--offline']);
    expect(earlier.code).toBe(0);
    expect(earlier.stdout).toContain('Drafts for the 2025-11-14 session (dataset: live)');
  });

  it('refuses a stale series (exit 1, no draft), naming it and what to do', async () => {
    // SPX stopped two sessions early: a draft would set Wednesday's S&P 500 against Friday's Russell 2000.
    const ws = testWorkspace(CONFIG, { env: providerEnv() });
    writeStore(ws.store, [
      {
        source: 'yahoo',
        series: [
          { symbol: 'RUT', bars: walkTo(sessionsBetween('2024-11-01', '2025-11-14'), 2391.64) },
          { symbol: 'SPX', bars: walkTo(sessionsBetween('2024-11-01', '2025-11-12'), 6734.11) },
        ],
      },
    ]);
    const refused = await ws.run(['run', '--offline']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'The data failed its quality checks: The data for the 2025-11-14 session failed 1 check (RUT, SPX through 2025-11-14), so no draft was written.',
    );
    expect(refused.stderr).toContain(
      "error verify/stale: SPX's last close is 2025-11-12, 2 sessions before 2025-11-14, the session being checked (allowed: 0). (SPX, 2025-11-12)",
    );
    expect(refused.stderr).toContain('wirecopy fetch --symbols SPX');
    expect(existsSync(join(ws.dir, 'content', 'drafts'))).toBe(false);
  });

  it('refuses sources that disagree; --force drafts anyway, says what it overrode, records it', async () => {
    const ws = testWorkspace(CONFIG, { env: providerEnv() });
    warmStore(ws.store, '2025-11-14');
    const rut = readStore(ws.store, (s) => s.loadBars('RUT', 'yahoo'));
    // A file that disagrees with Yahoo on one close by 1.2 points.
    const file = rut.slice(-3).map((b) => (b.date === '2025-11-12' ? { ...b, close: b.close - 1.2 } : b));
    writeStore(ws.store, [{ source: 'csv:RUT.csv', series: [{ symbol: 'RUT', bars: file }] }]);

    const refused = await ws.run(['run', '--offline']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /error verify\/close-mismatch: RUT closes disagree on 2025-11-12: .* 1\.20 points/,
    );
    expect(existsSync(join(ws.dir, 'content', 'drafts'))).toBe(false);

    const forced = await ws.run(['run', '--offline', '--force']);
    expect(forced.stderr).toBe('');
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('Data-quality gate: FAILED with 1 error, overridden by --force:');
    expect(forced.stdout).toMatch(/^ {2}error verify\/close-mismatch: RUT closes disagree on 2025-11-12/m);
    const [draft] = readdirSync(join(ws.dir, 'content', 'drafts'));
    const fm = frontMatterSchema.parse(
      matter(readFileSync(join(ws.dir, 'content', 'drafts', draft!), 'utf8')).data,
    );
    expect(fm.checks).toEqual({ gate: 'overridden', problems: 1, sources: ['csv:RUT.csv', 'yahoo'] });
  });
});
