import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { MarketStore } from '../../src/store/market-store.ts';
import { MIGRATIONS } from '../../src/store/schema.ts';

describe('the options snapshot migration (schema version 2)', () => {
  it('adds options_snapshots to a store written at version 1, keeping its bars', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'wirecopy-migrate-')), 'market.db');
    const v1 = new DatabaseSync(path);
    v1.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
    v1.exec(MIGRATIONS.find((m) => m.version === 1)!.sql);
    v1.prepare('INSERT INTO schema_migrations VALUES (1, ?)').run('2025-11-01T00:00:00Z');
    v1.prepare(
      `INSERT INTO batches VALUES (1, 'import', 'csv:RUT.csv', 'RUT.csv', 'csv', 'a', 'b', 1, NULL)`,
    ).run();
    v1.prepare(
      `INSERT INTO bars VALUES ('RUT', '2025-11-07', 'csv:RUT.csv', NULL, NULL, NULL, 2432.82, NULL, 'csv', 1)`,
    ).run();
    v1.close();

    const store = MarketStore.open(path);
    expect(store.loadSeries('RUT')?.closes).toEqual([2432.82]);
    const snapshot = {
      symbol: 'IWM',
      date: '2025-11-14',
      callVolume: 1950,
      putVolume: 3085,
      callOpenInterest: 24300,
      putOpenInterest: 11600,
      expiries: 3,
      fetchedAt: '2025-11-14T22:30:00.000Z',
    };
    store.writeOptionsSnapshot(snapshot);
    store.writeOptionsSnapshot({ ...snapshot, date: '2025-11-13', callVolume: 10 });
    expect(store.loadOptionsSnapshots('IWM').map((s) => [s.date, s.callVolume])).toEqual([
      ['2025-11-13', 10],
      ['2025-11-14', 1950],
    ]);
    expect(store.dump()).toContain('options_snapshots\n{"symbol":"IWM","date":"2025-11-13"');
    store.close();
  });
});
