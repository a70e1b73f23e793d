/**
 * One transaction, all of it or none, and the error that caused a failure is the one reported.
 * SQLite rolls a transaction back by itself on some errors (SQLITE_FULL among them), so a
 * ROLLBACK then fails with "cannot rollback - no transaction is active": it is skipped when no
 * transaction is open, and its own failure never replaces the first error.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { WirecopyError } from '../errors.ts';
import { diskFullError, isDiskFull } from '../io/disk-full.ts';
import { faultPoint } from '../io/fault-point.ts';

export function inTransaction<T>(
  db: DatabaseSync,
  path: string,
  work: () => T,
  begin: () => void = () => db.exec('BEGIN IMMEDIATE'),
): T {
  try {
    begin();
    const result = work();
    faultPoint('store:before-commit');
    db.exec('COMMIT');
    faultPoint('store:after-commit');
    return result;
  } catch (error) {
    // `isTransaction` is undefined before Node 22.16: then try, and let a failure pass.
    if (db.isTransaction !== false) {
      try {
        db.exec('ROLLBACK');
      } catch {
        // The first error says what went wrong; SQLite discards an unfinished transaction anyway.
      }
    }
    throw isDiskFull(error) ? storeFullError(path, error) : error;
  }
}

/** A write to the store that found the disk full: the store is as it was. */
export function storeFullError(path: string, cause: unknown): WirecopyError {
  return diskFullError(path, cause, {
    what: 'the market store',
    kept: 'The store is as it was before this command: the unfinished write was rolled back.',
  });
}
