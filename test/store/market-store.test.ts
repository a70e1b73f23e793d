import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { MarketStore } from '../../src/store/market-store.ts';
import { SCHEMA_VERSION } from '../../src/store/schema.ts';
import type { DailyBar } from '../../src/types.ts';

const bar = (date: string, close: number): DailyBar => ({
  date,
  open: null,
  high: null,
  low: null,
  close,
  volume: null,
});

const stores: MarketStore[] = [];
function freshStore(): MarketStore {
  const store = MarketStore.open(join(mkdtempSync(join(tmpdir(), 'wirecopy-store-')), 'market.db'));
  stores.push(store);
  return store;
}
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

describe('market store', () => {
  it('writes a batch and reads the series back in date order with its provenance', () => {
    const store = freshStore();
    store.writeBatch({
      kind: 'import',
      source: 'csv:RUT.csv',
      origin: '/data/RUT.csv',
      dataset: 'csv',
      series: [{ symbol: 'RUT', bars: [bar('2025-01-03', 2), bar('2025-01-02', 1)] }],
    });
    const series = store.loadSeries('RUT');
    expect(series).toMatchObject({
      dates: ['2025-01-02', '2025-01-03'],
      closes: [1, 2],
      sources: ['csv:RUT.csv', 'csv:RUT.csv'],
    });
    expect(store.batches()[0]).toMatchObject({
      kind: 'import',
      source: 'csv:RUT.csv',
      origin: '/data/RUT.csv',
      rows: 2,
    });
  });

  it('reads from the last close before `from` on, with one source or several', () => {
    const store = freshStore();
    // A yield with a gap over Jan. 6-7 (bond holidays, say) and a live source for the last day.
    const dates = ['2025-01-02', '2025-01-03', '2025-01-08', '2025-01-09'];
    store.writeBatch({
      kind: 'import',
      source: 'csv:DGS2.csv',
      origin: '/data/DGS2.csv',
      dataset: 'csv',
      series: [{ symbol: 'DGS2', bars: dates.map((d, i) => bar(d, 4 + i / 100)) }],
    });
    // Jan. 7 has no close: the last one before it is Jan. 3's, where the series starts.
    expect(store.loadSeries('DGS2', undefined, '2025-01-07')?.dates).toEqual(dates.slice(1));
    expect(store.loadSeries('DGS2', '2025-01-08', '2025-01-08')?.dates).toEqual(['2025-01-03', '2025-01-08']);
    // Before the first close, or no `from`: every close.
    expect(store.loadSeries('DGS2', undefined, '2024-12-01')?.dates).toEqual(dates);
    expect(store.loadSeries('DGS2')?.dates).toEqual(dates);
    store.writeBatch({
      kind: 'fetch',
      source: 'fred',
      origin: 'https://fred.example/DGS2',
      dataset: 'live',
      series: [{ symbol: 'DGS2', bars: [bar('2025-01-09', 4.5), bar('2025-01-10', 4.6)] }],
    });
    expect(store.loadSeries('DGS2', undefined, '2025-01-09')).toMatchObject({
      dates: ['2025-01-08', '2025-01-09', '2025-01-10'],
      closes: [4.02, 4.5, 4.6],
      sources: ['csv:DGS2.csv', 'fred', 'fred'],
    });
  });

  it('leaves the file exactly as it was when a batch fails midway', () => {
    const store = freshStore();
    store.writeBatch({
      kind: 'demo',
      source: 'demo',
      origin: 'seed',
      dataset: 'demo',
      series: [{ symbol: 'RUT', bars: [bar('2025-01-02', 1)] }],
    });
    const before = store.dump();
    // The second bar violates NOT NULL on close, after the first bar has been written.
    const broken = [bar('2025-01-03', 5), { ...bar('2025-01-06', 6), close: null as unknown as number }];
    expect(() =>
      store.writeBatch({
        kind: 'import',
        source: 'csv:x.csv',
        origin: 'x.csv',
        dataset: 'csv',
        series: [{ symbol: 'RUT', bars: broken }],
      }),
    ).toThrow();
    expect(store.dump()).toBe(before);
  });

  it('prefers live providers, then the newest import; demo only when a symbol has no real data', () => {
    const store = freshStore();
    const write = (source: string, dataset: 'demo' | 'csv' | 'live', bars: DailyBar[]) =>
      store.writeBatch({
        kind: dataset === 'demo' ? 'demo' : 'import',
        source,
        origin: source,
        dataset,
        series: [{ symbol: 'RUT', bars }],
      });
    write('demo', 'demo', [bar('2025-01-02', 999), bar('2025-01-03', 999)]);
    expect(store.loadSeries('RUT')?.closes).toEqual([999, 999]);

    write('csv:RUT.csv', 'csv', [bar('2025-01-02', 10), bar('2025-01-03', 11)]);
    write('csv:RUT_ibkr.csv', 'csv', [bar('2025-01-03', 12), bar('2025-01-06', 13)]);
    write('yahoo', 'live', [bar('2025-01-06', 14)]);
    const series = store.loadSeries('RUT')!;
    expect(series.dates).toEqual(['2025-01-02', '2025-01-03', '2025-01-06']);
    // 01-02 only in RUT.csv; 01-03 in both files, the newer import wins; 01-06: yahoo beats the file.
    expect(series.closes).toEqual([10, 12, 14]);
    expect(series.datasets).toEqual(['csv', 'csv', 'live']);
  });

  it('loads a series through a date', () => {
    const store = freshStore();
    store.writeBatch({
      kind: 'import',
      source: 'csv:a.csv',
      origin: 'a.csv',
      dataset: 'csv',
      series: [{ symbol: 'SPX', bars: [bar('2025-01-02', 1), bar('2025-01-03', 2), bar('2025-01-06', 3)] }],
    });
    expect(store.loadSeries('SPX', '2025-01-05')?.dates).toEqual(['2025-01-02', '2025-01-03']);
    expect(store.loadSeries('NDX')).toBeUndefined();
  });

  it('refuses a store written by a newer schema, with what to do', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wirecopy-store-'));
    const path = join(dir, 'market.db');
    MarketStore.open(path).close();
    const db = new DatabaseSync(path);
    db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (999, ?)').run('2030-01-01');
    db.close();
    expect(() => MarketStore.open(path)).toThrow(
      `schema version 999; this wirecopy knows up to ${SCHEMA_VERSION}`,
    );
  });
});
