/**
 * The few file operations approve and reject are made of, behind an interface so tests can
 * stop the sequence between any two of them (as a crash or a kill would) and check what is left.
 */
import {
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  unlinkSync,
} from 'node:fs';
import { basename } from 'node:path';
import { renameDurably, tempPathFor, writeNewFile } from '../io/atomic-write.ts';
import { diskFullError, isDiskFull } from '../io/disk-full.ts';
import { faultPoint } from '../io/fault-point.ts';

export interface FileSystem {
  readText(path: string): string;
  /**
   * Creates `path` (failing if it exists) with all of `text`, flushed to disk before returning;
   * on failure (a full disk) nothing is left at `path`.
   */
  createText(path: string, text: string): void;
  /** Atomic on one filesystem: `to` is the old file or the new one, never a mix; replaces `to`. */
  rename(from: string, to: string): void;
  exists(path: string): boolean;
  mkdirp(path: string): void;
  /** Device id, to tell whether two folders share a filesystem (rename works only within one). */
  device(path: string): number;
  /**
   * Gives the file at `from` the second name `to`, failing with EEXIST if `to` exists: an
   * exclusive create of a complete file, which is how exactly one of two approvals wins.
   */
  link(from: string, to: string): void;
  /** Removes a file. */
  remove(path: string): void;
  /** The path with every symlink resolved (fails if it does not exist). */
  realPath(path: string): string;
  /** The names in a folder; none if it does not exist. */
  list(dir: string): string[];
}

export const nodeFileSystem: FileSystem = {
  readText: (path) => readFileSync(path, 'utf8'),
  createText: (path, text) => writeNewFile(path, text),
  rename: (from, to) => renameDurably(from, to),
  exists: (path) => existsSync(path),
  mkdirp: (path) => {
    mkdirSync(path, { recursive: true });
  },
  device: (path) => statSync(path).dev,
  link: (from, to) => linkSync(from, to),
  remove: (path) => unlinkSync(path),
  realPath: (path) => realpathSync(path),
  list: (dir) => (existsSync(dir) ? readdirSync(dir) : []),
};

/**
 * Replaces `path` with `text` atomically, as `writeFileAtomic` does (src/io/atomic-write.ts), in
 * steps of `fs` so tests can stop between them: a crash leaves the old file (and at worst a
 * `.name.*.tmp` beside it, which no reader lists and the next run removes); a full disk leaves
 * the old file and a clear error naming it.
 */
export function replaceText(fs: FileSystem, path: string, text: string): void {
  const temp = tempPathFor(path);
  try {
    fs.createText(temp, text);
  } catch (error) {
    throw isDiskFull(error) ? diskFullError(path, error) : error;
  }
  try {
    faultPoint(`before-rename:${basename(path)}`);
    fs.rename(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
