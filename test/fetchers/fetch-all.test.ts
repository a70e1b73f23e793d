import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FetchTask, planFetches, runFetches, storeOutcome } from '../../src/fetchers/fetch-all.ts';
import { SymbolRegistry } from '../../src/symbols.ts';
import { RecordedServer } from './recorded-server.ts';
import { AFTER_CLOSE, seededStore, testDeps } from './support.ts';

let server: RecordedServer;
beforeAll(async () => {
  server = await RecordedServer.start();
  server.use('yahoo-chart-not-found.json'); // ZQG26.CBT: a month Yahoo does not list
});
afterAll(() => server.close());

const label = (task: FetchTask) =>
  task.kind === 'options' ? `options:${task.request.symbol}` : `${task.provider}:${task.request.symbol}`;

describe('fetching every configured series', () => {
  const registry = new SymbolRegistry();
  const tasks = planFetches(registry, { now: AFTER_CLOSE, futureMonths: 4 });

  it('plans Yahoo for tickers, FRED for rates, the fed funds months and the IWM options', () => {
    expect(tasks.map(label)).toEqual([
      'yahoo:RUT',
      'yahoo:SPX',
      'yahoo:NDX',
      'yahoo:RUJ',
      'yahoo:RUO',
      'yahoo:IWM',
      'yahoo:IWN',
      'yahoo:IXIC',
      'fred:DGS2',
      'fred:DGS10',
      'fred:DFF',
      'fred:DFEDTARL',
      'fred:DFEDTARU',
      'yahoo:ZQ',
      'yahoo:ZQ_202511',
      'yahoo:ZQ_202512',
      'yahoo:ZQ_202601',
      'yahoo:ZQ_202602',
      'options:IWM',
    ]);
    expect(tasks[0]!.request).toEqual({ symbol: 'RUT', from: '2025-11-04' });
    expect(
      planFetches(registry, { now: AFTER_CLOSE, stooqKey: 'k' })
        .filter((t) => t.kind === 'series' && t.provider === 'stooq')
        .map(label),
    ).toEqual(['stooq:RUT', 'stooq:SPX', 'stooq:NDX', 'stooq:IWM', 'stooq:IWN', 'stooq:IXIC']);
  });

  it('fetches them all from the recorded server; one month that does not resolve fails alone', async () => {
    const started = performance.now();
    const run = await runFetches(tasks, testDeps(server));
    const wallMs = performance.now() - started;

    const failed = run.outcomes.filter((o) => !o.ok);
    expect(failed.map((o) => label(o.task))).toEqual(['yahoo:ZQ_202602']);
    expect(failed[0]!.ok === false && (failed[0]!.error as { code: string }).code).toBe('ProviderRefused');
    // 13 charts + 5 FRED files + the options chain (cookie, crumb, 3 expiries).
    expect(run.requests).toBe(13 + 5 + 5);

    const store = seededStore();
    const written = run.outcomes.filter((o) => storeOutcome(store, o)).length;
    expect(written).toBe(18);
    expect(store.loadSeries('RUT')?.dates.slice(-5)).toEqual([
      '2025-11-10',
      '2025-11-11',
      '2025-11-12',
      '2025-11-13',
      '2025-11-14',
    ]);
    expect(store.loadSeries('DFF')?.dates).toHaveLength(11); // 2025-11-04 through 2025-11-14, every day
    expect(store.loadSeries('ZQ_202512')?.closes.at(-1)).toBe(96.165);
    expect(store.loadOptionsSnapshots('IWM')).toHaveLength(1);

    // Measured, not asserted: printed for the record.
    console.log(
      `fetch-all: ${tasks.length} tasks, ${run.requests} requests, ${wallMs.toFixed(0)} ms wall time`,
    );
  });
});
