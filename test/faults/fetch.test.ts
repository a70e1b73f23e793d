/**
 * Fault matrix, fetch (issue 16, items 8, 9 and 11): each provider fault served from the
 * recorded server on 127.0.0.1, through the real CLI entry. Each case asserts the exit code, the
 * located message (provider, series, URL or date, and what to do) and that the store is
 * byte-identical for the failing series. The clock is Friday 2025-11-14, 17:30 ET, after the
 * close, unless a case says otherwise.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { RecordedServer } from '../fetchers/recorded-server.ts';
import { REPO_ROOT } from '../support/cli.ts';
import { testWorkspace } from '../verify/support.ts';
import {
  DAY,
  editedChart,
  extendedFredCsv,
  marketData,
  storedBars,
  storeSnapshot,
  warmWorkspace,
} from './support-fetch.ts';

const RUT = '/v8/finance/chart/^RUT';
const DGS2 = '/graph/fredgraph.csv?id=DGS2';
/** Thursday 2025-11-13's bar in the recorded week is the fourth; its close is 2385.61. */
const THURSDAY = 3;
let server: RecordedServer;
beforeAll(async () => {
  server = await RecordedServer.start();
});
afterAll(() => server.close());
afterEach(() => server.reset());

describe('answer size (item 11)', () => {
  it('regression: an endless 200 answer stops at the answer cap instead of filling memory', async () => {
    const ws = warmWorkspace(server, { maxAnswerBytes: 1_048_576 });
    const before = storeSnapshot(ws);
    server.queue(RUT, { stream: { start: '{"chart":{"result":[{"timestamp":[', fill: '1763130600,' } });
    const result = await ws.run(['fetch', '--symbols', 'RUT']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /^RUT yahoo FAILED: The answer is too large: reading stopped at [\d,]+ bytes \([\d.]+ MB\), over the cap of 1,048,576 bytes \(1 MB\) \(fetch\.maxAnswerBytes\) \(yahoo, RUT, http:\/\/127\.0\.0\.1:\d+\/v8\/finance\/chart\/\^RUT\?/m,
    );
    expect(result.stderr).toContain('raise fetch.maxAnswerBytes in the config. The store was not changed.');
    // Not retried: a second endless answer would cost as much again.
    expect(server.count(RUT)).toBe(1);
    expect(storeSnapshot(ws)).toEqual(before);
  });

  it('regression: a 300 MB answer is refused from its Content-Length, before reading it', async () => {
    const ws = warmWorkspace(server);
    const before = storeSnapshot(ws);
    server.queue(RUT, { stream: { start: '{"chart":', fill: ' ', bytes: 300 * 1024 * 1024 } });
    const result = await ws.run(['fetch', '--symbols', 'RUT']);
    expect(result.code).toBe(1);
    // 300 × 1024 × 1024 = 314,572,800; the default cap is 8 × 1024 × 1024 = 8,388,608.
    expect(result.stdout).toMatch(
      /^RUT yahoo FAILED: The answer is too large: it announced 314,572,800 bytes \(300 MB\), over the cap of 8,388,608 bytes \(8 MB\) \(fetch\.maxAnswerBytes\); nothing of it was read \(yahoo, RUT, http:\/\/127\.0\.0\.1/m,
    );
    expect(storeSnapshot(ws)).toEqual(before);
  });

  it('names the URL of a too-large answer scrubbed of the API key', async () => {
    const ws = warmWorkspace(server, { maxAnswerBytes: 65_536 });
    const before = storeSnapshot(ws);
    server.queue('/fred/series/observations?series_id=DGS2', {
      stream: { start: '{"observations":[', fill: '{"date":"2025-11-10","value":"3.58"},' },
    });
    const secret = 'abcdef0123456789abcdef0123456789';
    const result = await ws.run(['fetch', '--symbols', 'DGS2'], {
      env: { FRED_API_KEY: secret, WIRECOPY_FRED_API_URL: server.url },
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /^DGS2 fred FAILED: The answer is too large: .* over the cap of 65,536 bytes \(0\.1 MB\) .*\(fred, DGS2, http:\/\/127\.0\.0\.1:\d+\/fred\/series\/observations\?series_id=DGS2&api_key=\*\*\*&/m,
    );
    expect(`${result.stdout}${result.stderr}`).not.toContain(secret);
    expect(storeSnapshot(ws)).toEqual(before);
  });

  it('regression: a large answer without a Content-Length stops at the cap (FRED)', async () => {
    const ws = warmWorkspace(server, { maxAnswerBytes: 100_000 });
    const before = storeSnapshot(ws);
    const rows = 'observation_date,DGS2\n';
    server.queue('/graph/fredgraph.csv?id=DGS2', {
      stream: { start: rows, fill: '2025-11-10,3.56\n', bytes: 5_000_000, declare: false },
    });
    const result = await ws.run(['fetch', '--symbols', 'DGS2']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /^DGS2 fred FAILED: The answer is too large: reading stopped at [\d,]+ bytes .* over the cap of 100,000 bytes \(0\.1 MB\) .*\(fred, DGS2, http:\/\/127\.0\.0\.1:\d+\/graph\/fredgraph\.csv\?id=DGS2&cosd=/m,
    );
    expect(storeSnapshot(ws)).toEqual(before);
  });
});

describe('run time (item 11)', () => {
  it('regression: with every provider hanging, run stops fetching at fetch.runTimeoutMs and drafts from the store', async () => {
    // Each request may take a minute and each series two: only the run's limit of 1.5 s can end this.
    const ws = warmWorkspace(server, { runTimeoutMs: 1500, timeoutMs: 60_000, totalMs: 120_000 });
    const before = marketData(ws);
    server.hangEveryGet = true;
    const result = await ws.run(['run']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    // Four series in flight when the limit passed, each saying where it stopped; the rest never started.
    expect(
      lines.filter((l) =>
        /^\S+ (yahoo|fred|options) not fetched: Stopped: the fetch reached its time limit of 1\.5 s \(fetch\.runTimeoutMs\) before \S+ came in \((yahoo|fred), \S+, http:\/\/127\.0\.0\.1:\d+\//.test(
          l,
        ),
      ),
    ).toHaveLength(4);
    expect(lines).toContain('IWM options not fetched: the fetch had reached its time limit');
    expect(result.stdout).toMatch(
      /^Fetching stopped: the fetch reached its time limit of 1\.5 s \(fetch\.runTimeoutMs\); 18 of 18 series not fetched \(.*\): drafting from the store as it is\.$/m,
    );
    expect(result.stdout).toContain('Drafts for the 2025-11-07 session (dataset: live):');
    expect(result.stdout).toMatch(
      /^Summary: fetched 0 of 18 series, 18 stopped at the time limit; gate passed/m,
    );
    expect(marketData(ws)).toContain('bars\n{');
    expect(marketData(ws)).toBe(before);
  });

  it("defaults to 5 minutes, well under the daily workflow's own limit", () => {
    const workflow = readFileSync(join(REPO_ROOT, '.github', 'workflows', 'daily.yml'), 'utf8');
    const jobMinutes = Number(/timeout-minutes:\s*(\d+)/.exec(workflow)?.[1]);
    expect(jobMinutes).toBe(20);
    const { runTimeoutMs } = loadConfig({}, {}, tmpdir()).fetch;
    expect(runTimeoutMs).toBe(5 * 60 * 1000);
  });

  it('fetch alone exits 1 at the limit, listing what was not fetched', async () => {
    const ws = warmWorkspace(server, { runTimeoutMs: 1000, timeoutMs: 60_000, totalMs: 120_000 });
    const before = storeSnapshot(ws);
    server.hangEveryGet = true;
    const result = await ws.run(['fetch', '--symbols', 'RUT,DGS2']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /; 2 not fetched: the fetch reached its time limit of 1 s \(fetch\.runTimeoutMs\)\.$/m,
    );
    expect(result.stderr).toContain('Some series could not be fetched: 2 of 2 series could not be fetched');
    expect(result.stderr).toMatch(
      /^ {2}not fetched before the time limit of 1 s: (RUT yahoo, DGS2 fred|DGS2 fred, RUT yahoo)$/m,
    );
    expect(storeSnapshot(ws)).toEqual(before);
  });
});

describe('bad fetched data (item 9)', () => {
  it('regression: a duplicated session with conflicting values (+5%) stores nothing of the series and exits 1', async () => {
    const ws = warmWorkspace(server);
    const rutBefore = storedBars(ws, 'RUT', 'yahoo');
    const ndxBefore = storedBars(ws, 'NDX', 'yahoo');
    // A second Thursday bar, stamped at 16:00 ET, 5% above the first: 2385.61 × 1.05 = 2504.8905.
    const conflicting = editedChart('yahoo-chart-RUT.json', (bars) => {
      const thursday = bars[THURSDAY]!;
      const copy = { ...thursday, t: thursday.t + 6.5 * 3600, close: 2504.8905 };
      return [...bars.slice(0, THURSDAY + 1), copy, ...bars.slice(THURSDAY + 1)];
    });
    server.queue(RUT, conflicting);
    const result = await ws.run(['fetch', '--symbols', 'RUT,NDX']);
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n');
    expect(lines).toContain('RUT yahoo 2025-10-31..2025-11-14 fetched with errors (1 error): nothing stored');
    expect(lines).toContain(
      '  error fetch/duplicate-conflict: RUT has two rows for 2025-11-13 that disagree (close 2385.61 vs 2504.8905, +5.0%).',
    );
    expect(result.stdout).not.toMatch(/Nothing to do/);
    expect(lines.at(-1)).toMatch(
      /^Fetched 1 of 2 series into .*: \+5 bars, \d+ requests, [\d.]+ s; 1 fetched with errors, not stored\.$/,
    );
    expect(result.stderr).toContain(
      'Some series were fetched with errors: 1 of 2 series was fetched with errors; the store holds none of their new data and everything else that was fetched.',
    );
    expect(result.stderr).toMatch(
      /^ {2}RUT yahoo: fetch\/duplicate-conflict: RUT has two rows for 2025-11-13 that disagree .* \(RUT, 2025-11-13, http:\/\/127\.0\.0\.1:\d+\/v8\/finance\/chart\/\^RUT\?/m,
    );
    expect(result.stderr).toContain('What to do: Fix what each line names');
    expect(storedBars(ws, 'RUT', 'yahoo')).toBe(rutBefore);
    expect(storedBars(ws, 'NDX', 'yahoo')).not.toBe(ndxBefore); // the other series landed
  });

  it('regression: a series that came back all null is not counted as fetched: exit 1, store unchanged', async () => {
    const ws = warmWorkspace(server);
    const before = storeSnapshot(ws);
    server.queue(
      RUT,
      editedChart('yahoo-chart-RUT.json', (bars) =>
        bars.map((b) => ({ ...b, open: null, high: null, low: null, close: null, volume: null })),
      ),
    );
    const result = await ws.run(['fetch', '--symbols', 'RUT']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'RUT yahoo 2025-10-31..2025-11-14 fetched with errors (5 errors): nothing stored',
    );
    expect(result.stdout).toContain('  error fetch/null-price: RUT has no close for 2025-11-10.');
    expect(result.stdout).toMatch(/^Fetched 0 of 1 series .*; 1 fetched with errors, not stored\.$/m);
    expect(result.stderr).toMatch(
      /^Some series were fetched with errors: 1 of 1 series was fetched with errors/,
    );
    expect(result.stderr).toMatch(
      /^ {2}RUT yahoo: fetch\/null-price: RUT has no close for 2025-11-10\. \(RUT, 2025-11-10, http/m,
    );
    expect(storeSnapshot(ws)).toEqual(before);
  });

  it('regression: run with a series fetched with errors drafts from the store, then exits 1 saying so', async () => {
    const ws = warmWorkspace(server);
    const rutBefore = storedBars(ws, 'RUT', 'yahoo');
    server.queue(
      RUT,
      editedChart('yahoo-chart-RUT.json', (bars) =>
        bars.map((b, i) => (i === THURSDAY ? { ...b, close: null } : b)),
      ),
    );
    const result = await ws.run(['run']);
    expect(result.code).toBe(1);
    // RUT still ends on 2025-11-07 in the store: the drafts speak for that session.
    expect(result.stdout).toContain('Drafts for the 2025-11-07 session (dataset: live):');
    expect(result.stdout).toMatch(/^Summary: fetched \d+ of \d+ series, 1 fetched with errors; gate/m);
    expect(result.stderr).toMatch(
      /^Some series were fetched with errors: 1 of \d+ series was fetched with errors/,
    );
    expect(result.stderr).toMatch(
      /RUT yahoo: fetch\/null-price: RUT has no close for 2025-11-13\. \(RUT, 2025-11-13, http/,
    );
    expect(storedBars(ws, 'RUT', 'yahoo')).toBe(rutBefore);
  });
});

describe('future sessions (item 8)', () => {
  it('regression: a Yahoo bar dated after today is refused, located, and nothing of the series is stored', async () => {
    const ws = warmWorkspace(server);
    const before = storeSnapshot(ws);
    // Monday 2025-11-17, 09:30 ET: three days after Friday's bar, while the clock says Friday 17:30 ET.
    server.queue(
      RUT,
      editedChart('yahoo-chart-RUT.json', (bars) => [
        ...bars,
        { ...bars.at(-1)!, t: bars.at(-1)!.t + 3 * DAY },
      ]),
    );
    const result = await ws.run(['fetch', '--symbols', 'RUT']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      '  error fetch/future-date: RUT has a row for 2025-11-17, after today (2025-11-14, 17:30:00 ET): a session that has not happened yet.',
    );
    expect(result.stderr).toMatch(
      /^ {2}RUT yahoo: fetch\/future-date: .* \(RUT, 2025-11-17, http:\/\/127\.0\.0\.1:\d+\/v8\/finance\/chart\/\^RUT\?/m,
    );
    expect(result.stderr).toContain('What to do: Fix what each line names');
    expect(storeSnapshot(ws)).toEqual(before);
  });

  it('regression: a FRED observation dated after today is refused, and DGS2 keeps what it had', async () => {
    const ws = warmWorkspace(server);
    const before = storeSnapshot(ws);
    server.queue(DGS2, extendedFredCsv('fred-graph-DGS2.json', ['2025-11-17,3.62']));
    const result = await ws.run(['fetch', '--symbols', 'DGS2']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'DGS2 fred 2025-10-31..2025-11-14 fetched with errors (1 error): nothing stored',
    );
    expect(result.stdout).toContain(
      '  error fetch/future-date: DGS2 has a row for 2025-11-17, after today (2025-11-14, 17:30:00 ET): a session that has not happened yet.',
    );
    expect(result.stderr).toMatch(
      /DGS2 fred: fetch\/future-date: .* \(DGS2, 2025-11-17, http:\/\/127\.0\.0\.1:\d+\/graph\/fredgraph\.csv\?id=DGS2&cosd=2025-10-31\)/,
    );
    expect(storeSnapshot(ws)).toEqual(before);
  });

  it('keeps rows dated after today with WIRECOPY_ALLOW_FUTURE_ROWS=1 (tests replaying old answers)', async () => {
    const ws = warmWorkspace(server);
    server.queue(DGS2, extendedFredCsv('fred-graph-DGS2.json', ['2025-11-17,3.62']));
    const result = await ws.run(['fetch', '--symbols', 'DGS2'], { env: { WIRECOPY_ALLOW_FUTURE_ROWS: '1' } });
    expect(result.code).toBe(0);
    expect(JSON.parse(storedBars(ws, 'DGS2', 'fred')).at(-1)).toMatchObject({
      date: '2025-11-17',
      close: 3.62,
    });
  });
});

describe('a draft before its close (item 8, check)', () => {
  it('regression: a draft as of the Dec. 2, 2026 close fails check at 00:28 ET that day, and passes after the close', async () => {
    const ws = testWorkspace();
    // Drafted on Thursday morning from the demo set, which ends on Wednesday 2026-12-02.
    const drafted = await ws.run(['run', '--offline'], { now: new Date('2026-12-03T15:00:00Z') });
    expect(drafted.code).toBe(0);
    const drafts = join(ws.dir, 'content', 'drafts');
    const [name] = readdirSync(drafts);
    expect(name).toMatch(/^2026-12-02-/);
    const text = readFileSync(join(drafts, name!), 'utf8');
    const asOfLine = text.split('\n').findIndex((l) => l.startsWith('asOf:')) + 1;

    // 00:28 ET on Dec. 2 is 05:28 UTC: the session of Dec. 2 has not even opened.
    const early = await ws.run(['check'], { now: new Date('2026-12-02T05:28:00Z') });
    expect(early.code).toBe(1);
    expect(early.stdout).toContain(
      `content/drafts/${name}:${asOfLine}:1 error wirecopy:session-not-closed: The as-of session 2026-12-02 has not closed yet: it is 00:28:00 ET on 2026-12-02, and the last completed session is 2026-12-01.`,
    );
    expect(early.stdout).toContain('draft an earlier session with --as-of 2026-12-01');
    expect(readFileSync(join(drafts, name!), 'utf8')).toBe(text);

    // 16:05 ET the same day: closed.
    const late = await ws.run(['check'], { now: new Date('2026-12-02T21:05:00Z') });
    expect(late.stdout).not.toContain('session-not-closed');
    expect(late.code).toBe(0);
  });
});
