/**
 * Every batch stays revertible: the rows a batch overwrote or superseded are kept with it, and
 * undoing it gives back the bars and the source list exactly as they were before it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { MarketStore } from '../../src/store/market-store.ts';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/store/schema.ts';
import type { DailyBar } from '../../src/types.ts';

const bar = (date: string, close: number, volume: number | null = null): DailyBar => ({
  date,
  open: null,
  high: null,
  low: null,
  close,
  volume,
});

const stores: MarketStore[] = [];
const storePath = () => join(mkdtempSync(join(tmpdir(), 'wirecopy-undo-')), 'market.db');
function freshStore(path = storePath()): MarketStore {
  const store = MarketStore.open(path);
  stores.push(store);
  return store;
}
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

/** The tables a batch's rows live in, from the store's dump (batches themselves are a log). */
const rowTables = (store: MarketStore) =>
  store
    .dump()
    .split('\n\n')
    .filter((table) => /^(bars|series_sources|replaced_bars)\n/.test(table))
    .join('\n\n');

const importBatch = (store: MarketStore, source: string, bars: DailyBar[], supersedes?: string[]) =>
  store.writeBatch({
    kind: 'import',
    source,
    origin: `/data/${source}`,
    dataset: 'csv',
    series: [{ symbol: 'RUT', bars }],
    ...(supersedes ? { supersedes } : {}),
  });

describe('undoing a batch', () => {
  it('deletes the rows it added and puts back the rows it overwrote, as they were', () => {
    const store = freshStore();
    importBatch(store, 'csv:a', [bar('2025-09-17', 2431.06), bar('2025-09-18', 2467.7)]);
    const before = rowTables(store);
    const id = importBatch(store, 'csv:a', [bar('2025-09-18', 1000), bar('2025-09-19', 2448.77)]);
    expect(store.loadSeries('RUT')?.closes).toEqual([2431.06, 1000, 2448.77]);

    const undone = store.undoBatch(id);
    expect(undone).toMatchObject({ batchId: id, removed: 2, restored: 1 });
    expect(store.loadSeries('RUT')?.closes).toEqual([2431.06, 2467.7]);
    expect(rowTables(store)).toBe(before);
    expect(store.batch(id)?.undoneAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('gives back the rows of the sources it superseded, and their place in the source list', () => {
    const store = freshStore();
    importBatch(store, 'csv:RUT.csv@1', [bar('2025-09-17', 2431.06), bar('2025-09-18', 2467.7)]);
    const before = rowTables(store);
    const id = importBatch(
      store,
      'csv:RUT.csv@2',
      [bar('2025-09-17', 2431.06), bar('2025-09-18', 2467.7), bar('2025-09-19', 2448.77)],
      ['csv:RUT.csv@1'],
    );
    // The update took every session over: the old source is gone from the list, not doubled.
    expect(store.sourcesOf('RUT').map((s) => s.source)).toEqual(['csv:RUT.csv@2']);
    store.undoBatch(id);
    expect(store.sourcesOf('RUT').map((s) => s.source)).toEqual(['csv:RUT.csv@1']);
    expect(rowTables(store)).toBe(before);
  });

  it('leaves a row it only repeated to the batch that wrote it', () => {
    const store = freshStore();
    const first = importBatch(store, 'csv:a', [bar('2025-09-18', 2467.7)]);
    const again = importBatch(store, 'csv:a', [bar('2025-09-18', 2467.7), bar('2025-09-19', 2448.77)]);
    store.undoBatch(again);
    expect(store.loadSeries('RUT')?.closes).toEqual([2467.7]);
    expect(store.sourcesOf('RUT')).toEqual([{ source: 'csv:a', dataset: 'csv', lastBatch: first }]);
  });

  it('refuses a batch whose rows a later batch replaced, naming the one to undo first', () => {
    const store = freshStore();
    const first = importBatch(store, 'csv:a', [bar('2025-09-18', 2467.7)]);
    const second = importBatch(store, 'csv:a', [bar('2025-09-18', 1000)]);
    expect(() => store.undoBatch(first)).toThrow(
      new RegExp(`later batch #${second} \\(csv:a\\) replaced rows it wrote`),
    );
    store.undoBatch(second);
    store.undoBatch(first);
    expect(store.loadSeries('RUT')).toBeUndefined();
  });

  it('refuses an unknown batch and one already undone, saying what to do', () => {
    const store = freshStore();
    const id = importBatch(store, 'csv:a', [bar('2025-09-18', 2467.7)]);
    expect(() => store.undoBatch(99)).toThrow(/has no batch #99/);
    store.undoBatch(id);
    const before = store.dump();
    expect(() => store.undoBatch(id)).toThrow(/was already undone at/);
    expect(store.dump()).toBe(before);
  });
});

describe('the undo migration', () => {
  it('upgrades a store of schema 4 in place: its rows stay, and a later batch over them can be undone', () => {
    const path = storePath();
    const db = new DatabaseSync(path);
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
    for (const migration of MIGRATIONS.filter((m) => m.version <= 4)) {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations VALUES (?, ?)').run(migration.version, '2026-01-01');
    }
    // What an older wirecopy stored for RUT.csv: the name-only source key.
    db.exec(
      `INSERT INTO batches VALUES (1, 'import', 'csv:RUT.csv', '/data/RUT.csv', 'csv', 'a', 'b', 1, NULL)`,
    );
    db.exec(
      `INSERT INTO bars VALUES ('RUT', '2025-09-18', 'csv:RUT.csv', NULL, NULL, NULL, 2467.7, NULL, 'csv', 1)`,
    );
    db.exec(`INSERT INTO series_sources VALUES ('RUT', 'csv:RUT.csv', 'csv', 1)`);
    db.close();

    const store = freshStore(path);
    const check = new DatabaseSync(path);
    const version = check.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number };
    check.close();
    expect(version.v).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBe(5);
    expect(store.loadSeries('RUT')?.closes).toEqual([2467.7]);
    const before = rowTables(store);
    const id = importBatch(store, 'csv:RUT.csv@abc', [bar('2025-09-18', 1000)], ['csv:RUT.csv']);
    expect(store.loadSeries('RUT')?.closes).toEqual([1000]);
    store.undoBatch(id);
    expect(rowTables(store)).toBe(before);
  });
});
