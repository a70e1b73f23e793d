/**
 * The one way wirecopy writes a file: complete or absent. The text goes to a hidden temp file
 * beside the target (`.name.<pid>-<random>.tmp`), written until every byte is down (a write on a
 * nearly full disk may take only part of what it is given), flushed, its size checked, and only
 * then renamed over the target, and the folder flushed so the rename survives a power cut. A
 * failure at any step removes the temp file and leaves the target as it was; a kill leaves at
 * worst the temp file, which no reader lists and the next run removes (`leftover-temps.ts`).
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fchmodSync,
  fchownSync,
  fstatSync,
  fsyncSync,
  openSync,
  renameSync,
  rmSync,
  type Stats,
  statSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Errors, WirecopyError } from '../errors.ts';
import { diskFullError, isDiskFull } from './disk-full.ts';
import { faultPoint } from './fault-point.ts';

export interface AtomicWriteOptions {
  /**
   * Runs after the new text is safely in the temp file, right before the rename: `false` leaves
   * the target alone (the temp file is removed) and the write returns false. For a target that
   * someone else may change meanwhile, such as a draft an editor is saving.
   */
  precondition?: () => boolean;
}

/** Replaces (or creates) `path` with `data` atomically; false when the precondition refused. */
export function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): boolean {
  const temp = tempPathFor(path);
  try {
    writeNewFile(temp, data, path);
    faultPoint(`before-rename:${basename(path)}`);
    if (options.precondition && !options.precondition()) {
      rmSync(temp, { force: true });
      return false;
    }
    renameDurably(temp, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') rmSync(temp, { force: true });
    throw isDiskFull(error) ? diskFullError(path, error) : error;
  }
  return true;
}

/** A hidden name beside `path` that says which process wrote it, so a later run knows it is stale. */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * Creates `path` (failing if it exists) holding exactly `data`, flushed to disk. On any failure
 * the partial file is removed and the error rethrown as it came (ENOSPC for a full disk: the
 * caller names the file the user knows); `target` is that file, for a size that does not match.
 */
export function writeNewFile(path: string, data: string | Uint8Array, target = path): void {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let fd: number | undefined;
  try {
    fd = openSync(path, 'wx');
    if (target !== path) keepModeOf(target, fd);
    writeAllSync(fd, bytes, target);
    fsyncSync(fd);
    const size = fstatSync(fd).size;
    if (size !== bytes.length) throw incomplete(target, size, bytes.length);
    closeSync(fd);
    fd = undefined;
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    // Only a file this call created is removed: 'wx' fails on an existing one before any write.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') rmSync(path, { force: true });
    throw error;
  }
}

/**
 * A replaced file keeps its permissions (a desk's group-writable drafts stay so when cron, with
 * another umask, regenerates them), and its owner when root can keep it.
 */
function keepModeOf(target: string, fd: number): void {
  let stats: Stats;
  try {
    stats = statSync(target);
  } catch {
    return; // a new file: the umask decides
  }
  fchmodSync(fd, stats.mode & 0o7777);
  if (process.getuid?.() === 0) fchownSync(fd, stats.uid, stats.gid);
}

/**
 * Writes every byte of `bytes` to `fd`: `writeSync` may write fewer than it is given (on a nearly
 * full disk it takes what fits) and says so only in its return value.
 */
export function writeAllSync(fd: number, bytes: Uint8Array, target: string): void {
  for (let written = 0; written < bytes.length; ) {
    const n = writeSync(fd, bytes, written, bytes.length - written);
    if (n <= 0) throw incomplete(target, written, bytes.length);
    written += n;
  }
}

/** `rename`, then the folders flushed, so that after a crash the file is at one place or the other. */
export function renameDurably(from: string, to: string): void {
  renameSync(from, to);
  syncFolder(dirname(to));
  if (dirname(from) !== dirname(to)) syncFolder(dirname(from));
}

export function syncFolder(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function incomplete(path: string, written: number, expected: number): WirecopyError {
  return new WirecopyError(
    Errors.WriteIncomplete,
    `Could not write ${path} whole: ${written.toLocaleString('en-US')} of ${expected.toLocaleString('en-US')} bytes reached the disk. The file is as it was before this command.`,
    { hint: 'Check the disk (free space, errors in the system log), then run the command again.' },
  );
}
