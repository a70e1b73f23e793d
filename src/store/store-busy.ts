/**
 * SQLite's own lock, as a catalogue error. Another connection writing the file (a second
 * terminal, a `sqlite3` shell, a writer that is not wirecopy and takes no lock file) makes
 * SQLite wait `busy_timeout`, then fail with SQLITE_BUSY ("database is locked"): that is a busy
 * store, to be told as such, never a stack trace.
 */
import { Errors, WirecopyError } from '../errors.ts';

/** SQLITE_BUSY and SQLITE_LOCKED; extended codes keep the primary one in their low byte. */
const BUSY_CODES = new Set([5, 6]);

export function isSqliteBusy(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { code, errcode } = error as Error & { code?: unknown; errcode?: unknown };
  return code === 'ERR_SQLITE_ERROR' && typeof errcode === 'number' && BUSY_CODES.has(errcode & 0xff);
}

export function storeBusyError(path: string, cause: unknown, waitedMs: number): WirecopyError {
  const seconds = (waitedMs / 1000).toLocaleString('en-US', { maximumFractionDigits: 1 });
  return new WirecopyError(
    Errors.StoreBusy,
    `another connection is writing to ${path} (SQLite: database is locked); waited ${seconds} s, and what was being written was rolled back.`,
    {
      hint: 'Wait for the other writer (another wirecopy, or a sqlite3 shell with an open transaction) to finish, then run the command again.',
      cause,
    },
  );
}

/** Runs `work`, telling SQLite's busy error as a busy store. */
export function whenNotBusy<T>(path: string, waitedMs: number, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (isSqliteBusy(error)) throw storeBusyError(path, error, waitedMs);
    throw error;
  }
}
