/**
 * Opening the SQLite file: create its folder, apply pending migrations in one transaction,
 * refuse a file written by a newer schema.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Errors, WirecopyError } from '../errors.ts';
import { MIGRATIONS, SCHEMA_VERSION } from './schema.ts';
import { assertSqliteFile } from './sqlite-file.ts';
import { whenNotBusy } from './store-busy.ts';
import { inTransaction } from './transaction.ts';

export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

export interface OpenOptions {
  /** How long SQLite waits for another connection's lock before SQLITE_BUSY (default 5000 ms). */
  busyTimeoutMs?: number;
}

export function openDatabase(path: string, options: OpenOptions = {}): DatabaseSync {
  if (path !== ':memory:') assertSqliteFile(path);
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  let db: DatabaseSync;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    db = new DatabaseSync(path);
  } catch (cause) {
    throw new WirecopyError(Errors.StoreUnavailable, `Could not open the market store at ${path}.`, {
      hint: 'Check that the folder is writable, or point --store (or WIRECOPY_STORE) elsewhere.',
      cause,
    });
  }
  try {
    // Set first: switching to WAL and migrating need the file's lock, which another writer may hold.
    db.exec(`PRAGMA foreign_keys = ON; PRAGMA busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
    whenNotBusy(path, busyTimeoutMs, () => {
      // WAL keeps readers (a preview, a second terminal) unblocked while a fetch writes.
      if (path !== ':memory:') db.exec('PRAGMA journal_mode = WAL');
      migrate(db, path);
    });
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

function migrate(db: DatabaseSync, path: string): void {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)',
  );
  const row = db.prepare('SELECT max(version) AS version FROM schema_migrations').get() as {
    version: number | null;
  };
  const current = row.version ?? 0;
  if (current > SCHEMA_VERSION) {
    throw new WirecopyError(
      Errors.StoreSchemaNewer,
      `The market store at ${path} has schema version ${current}; this wirecopy knows up to ${SCHEMA_VERSION}.`,
      { hint: 'Update wirecopy, or use another store with --store.' },
    );
  }
  const pending = MIGRATIONS.filter((m) => m.version > current);
  if (pending.length === 0) return;
  inTransaction(db, path, () => {
    for (const migration of pending) {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(
        migration.version,
        new Date().toISOString(),
      );
    }
  });
}
