/**
 * Fault matrix, fetch (issue 16, items 8, 9 and 11): each provider fault served from the
 * recorded server on 127.0.0.1, through the real CLI entry. Each case asserts the exit code, the
 * located message (provider, series, URL or date, and what to do) and that the store is
 * byte-identical for the failing series. The clock is Friday 2025-11-14, 17:30 ET, after the
 * close, unless a case says otherwise.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RecordedServer } from '../fetchers/recorded-server.ts';
import { storeSnapshot, warmWorkspace } from './support-fetch.ts';

const RUT = '/v8/finance/chart/^RUT';
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
