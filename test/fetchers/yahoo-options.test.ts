import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fetchOptionsSnapshot, storeOptionsSnapshot } from '../../src/fetchers/yahoo-options.ts';
import { fixture, RecordedServer } from './recorded-server.ts';
import { AFTER_CLOSE, failureLeavesStore, seededStore, testDeps } from './support.ts';

const FIRST = '/v7/finance/options/IWM';
const EXPIRY_2 = `/v7/finance/options/IWM?date=${Date.UTC(2025, 10, 21) / 1000}`;
const EXPIRY_3 = `/v7/finance/options/IWM?date=${Date.UTC(2025, 11, 19) / 1000}`;
let server: RecordedServer;
beforeAll(async () => {
  server = await RecordedServer.start();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

describe('IWM options snapshot', () => {
  it('sums volume and open interest over every expiry, counting missing fields as 0', async () => {
    const result = await fetchOptionsSnapshot({ symbol: 'IWM' }, testDeps(server));
    expect(result.snapshot).toEqual({
      symbol: 'IWM',
      date: '2025-11-14',
      callVolume: 1200 + 300 + 400 + 50,
      putVolume: 2100 + 900 + 10 + 75,
      callOpenInterest: 5000 + 2500 + 800 + 3000 + 1000 + 12000,
      putOpenInterest: 7000 + 4000 + 600,
      expiries: 3,
      fetchedAt: AFTER_CLOSE.toISOString(),
    });
    expect(result.problems.map((p) => [p.code, p.message])).toEqual([
      [
        'fetch/options-missing-fields',
        '3 of 11 IWM contracts had no volume and 2 no open interest; they count as 0.',
      ],
    ]);
    // The crumb handshake (cookie page, getcrumb), then one request per expiry.
    expect(server.seen.slice(0, 3)).toEqual(['/quote/AAPL', '/v1/test/getcrumb', FIRST]);
    expect(server.seen.slice(3).sort()).toEqual([EXPIRY_2, EXPIRY_3]);
    expect(result.requests).toBe(5);
    expect(result.url).toMatch(
      /\/v7\/finance\/options\/IWM\?formatted=false&lang=en-US&region=US&crumb=\*\*\*$/,
    );
  });

  it('stores one row per session: a later snapshot of the same session replaces the first', async () => {
    const store = seededStore();
    storeOptionsSnapshot(store, await fetchOptionsSnapshot({ symbol: 'IWM' }, testDeps(server)));
    const later = new Date('2025-11-15T01:00:00Z');
    storeOptionsSnapshot(
      store,
      await fetchOptionsSnapshot({ symbol: 'IWM' }, testDeps(server, { now: later })),
    );
    const rows = store.loadOptionsSnapshots('IWM');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      date: '2025-11-14',
      callVolume: 1950,
      putOpenInterest: 11600,
      fetchedAt: later.toISOString(),
    });
    expect(store.loadOptionsSnapshots('SPY')).toEqual([]);
  });

  it("before the next open, the figures are the last session's", async () => {
    const mondayMorning = new Date('2025-11-17T13:00:00Z'); // 08:00 ET
    const result = await fetchOptionsSnapshot({ symbol: 'IWM' }, testDeps(server, { now: mondayMorning }));
    expect(result.snapshot.date).toBe('2025-11-14');
  });

  it('refuses a snapshot while the session is still trading, and stores nothing', async () => {
    const afternoon = new Date('2025-11-14T20:00:00Z'); // 15:00 ET
    const error = await failureLeavesStore(async (store) =>
      storeOptionsSnapshot(
        store,
        await fetchOptionsSnapshot({ symbol: 'IWM' }, testDeps(server, { now: afternoon })),
      ),
    );
    expect(error.code).toBe('SessionNotClosed');
    expect(error.message).toMatch(
      /^IWM options volume for 2025-11-14 is still accumulating: it is 15:00:00 ET and the session closes at 16:00 \(yahoo, http:\/\/127\.0\.0\.1:\d+\/v7\/finance\/options\/IWM\?.*crumb=\*\*\*\)\.$/,
    );
  });

  it('fails whole, storing nothing, when one expiry cannot be fetched', async () => {
    server.queue(
      EXPIRY_3,
      ...Array.from({ length: 3 }, () => ({ status: 502, statusText: 'Bad Gateway', bodyText: '' })),
    );
    const error = await failureLeavesStore(async (store) =>
      storeOptionsSnapshot(store, await fetchOptionsSnapshot({ symbol: 'IWM' }, testDeps(server))),
    );
    expect(error.code).toBe('FetchFailed');
    expect(error.message).toMatch(
      /^The request failed after 3 attempts: HTTP 502 Bad Gateway \(yahoo, IWM, .*date=1766102400/,
    );
  });

  it('counts an expiry answered twice once, and names the expiry that got no chain', async () => {
    server.queue(EXPIRY_3, fixture('yahoo-options-IWM-2025-11-21.json').response);
    const result = await fetchOptionsSnapshot({ symbol: 'IWM' }, testDeps(server));
    expect(result.snapshot).toMatchObject({
      expiries: 2,
      callVolume: 1200 + 300 + 400 + 50,
      callOpenInterest: 5000 + 2500 + 800 + 3000 + 1000,
    });
    expect(result.problems.map((p) => p.message)).toContain(
      '1 listed IWM expiries had no chain (2025-12-19); the sums leave them out.',
    );
  });

  it('rejects a chain whose contracts are not what Yahoo sends, keeping the payload', async () => {
    const body = structuredClone(fixture('yahoo-options-IWM-2025-12-19.json').response.bodyJson) as {
      optionChain: { result: Array<{ options: Array<{ calls: Array<Record<string, unknown>> }> }> };
    };
    body.optionChain.result[0]!.options[0]!.calls[0]!.volume = 'many';
    server.queue(EXPIRY_3, { status: 200, bodyJson: body });
    const error = await failureLeavesStore(async (store) =>
      storeOptionsSnapshot(store, await fetchOptionsSnapshot({ symbol: 'IWM' }, testDeps(server))),
    );
    expect(error.code).toBe('PayloadInvalid');
    expect(error.issues).toEqual([
      '2.options.0.calls.0.volume: Invalid input: expected number, received string',
    ]);
    expect(Array.isArray(error.payload)).toBe(true);
  });
});
