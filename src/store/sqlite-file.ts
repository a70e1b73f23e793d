/**
 * Tells a SQLite file from anything else at the store path before SQLite opens it: SQLite
 * opens any file lazily and only fails on the first statement ("file is not a database"),
 * which says neither which file nor what to do.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { Errors, WirecopyError } from '../errors.ts';

/** Every SQLite 3 database file starts with these 16 bytes (https://www.sqlite.org/fileformat.html, 1.3). */
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** Throws `StoreNotSqlite` when `path` holds bytes that are not a SQLite database; a missing or empty file passes. */
export function assertSqliteFile(path: string): void {
  const head = readHead(path, SQLITE_HEADER.length);
  if (head === undefined || head.length === 0 || head.equals(SQLITE_HEADER)) return;
  throw new WirecopyError(
    Errors.StoreNotSqlite,
    `${path} is not a SQLite database: its first bytes are not the SQLite header${looksLikeText(head) ? ' (it looks like a text file)' : ''}.`,
    {
      hint: 'Point --store (or WIRECOPY_STORE, or "store" in the config) at a wirecopy store; or move this file away and run `wirecopy import`, `wirecopy fetch` or `wirecopy demo` to create a new store there.',
    },
  );
}

/** The first bytes of a file; undefined when it cannot be read (missing, a folder): SQLite reports those itself. */
function readHead(path: string, length: number): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    const buffer = Buffer.alloc(length);
    return buffer.subarray(0, readSync(fd, buffer, 0, length, 0));
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

function looksLikeText(head: Buffer): boolean {
  return [...head].every((byte) => byte === 9 || byte === 10 || byte === 13 || (byte >= 32 && byte !== 127));
}
