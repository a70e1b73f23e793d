/**
 * A full disk, as the user needs to hear it: which file could not be written, how much room is
 * left on its filesystem, and that nothing was half written. Node reports it as ENOSPC (or
 * EDQUOT, over a quota); SQLite as SQLITE_FULL, "database or disk is full".
 */
import { statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import { Errors, WirecopyError } from '../errors.ts';

/** SQLite's primary result code for a write that found no room (node:sqlite's `errcode`). */
const SQLITE_FULL = 13;

export function isDiskFull(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, errcode } = error as { code?: unknown; errcode?: unknown };
  if (code === 'ENOSPC' || code === 'EDQUOT') return true;
  // Extended result codes keep the primary code in the low byte.
  return code === 'ERR_SQLITE_ERROR' && typeof errcode === 'number' && (errcode & 0xff) === SQLITE_FULL;
}

/**
 * The catalogue error for a write to `path` that ran out of room. `what` names the thing
 * written when the path alone does not say it ("the market store"); `kept` says what is as it
 * was (by default the file itself, since every write is atomic).
 */
export function diskFullError(
  path: string,
  cause: unknown,
  options: { what?: string; kept?: string } = {},
): WirecopyError {
  const named = options.what ? `${options.what} ${path}` : path;
  return new WirecopyError(
    Errors.DiskFull,
    `Could not write ${named}: no room left (${freeSpaceNear(path)} on its filesystem). ${options.kept ?? 'The file is as it was before this command.'}`,
    {
      hint: 'Free some space on that disk (or point --store, --content or --out at another one), then run the command again.',
      cause,
    },
  );
}

/** The free space of the filesystem holding `path` (or its nearest existing folder), for people. */
export function freeSpaceNear(path: string): string {
  for (let dir = path; ; dir = dirname(dir)) {
    try {
      const stats = statfsSync(dir);
      return formatBytes(stats.bavail * stats.bsize);
    } catch {
      if (dirname(dir) === dir) return 'free space unknown';
    }
  }
}

function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${bytes.toLocaleString('en-US')} bytes free`;
  return `${(bytes / (1024 * 1024)).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB free`;
}

/**
 * For `main`: a disk-full error that reached it raw (a folder created, a statement run outside
 * a transaction) as the catalogue error. Node's errors carry the path; SQLite's are the store's.
 */
export function asDiskFullError(error: unknown, storePath: string | undefined): WirecopyError | undefined {
  if (!isDiskFull(error)) return undefined;
  const path = (error as { path?: unknown }).path;
  if (typeof path === 'string') {
    return diskFullError(path, error, {
      kept: 'Nothing was half written: wirecopy writes every file whole or not at all.',
    });
  }
  return diskFullError(storePath ?? 'the market store', error, {
    what: storePath ? 'the market store' : '',
    kept: 'The store is as it was before this command: the unfinished write was rolled back.',
  });
}
