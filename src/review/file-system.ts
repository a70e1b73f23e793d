/**
 * The few file operations approve and reject are made of, behind an interface so tests can
 * stop the sequence between any two of them (as a crash or a kill would) and check what is left.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface FileSystem {
  readText(path: string): string;
  /** Creates `path` (failing if it exists) with `text`, flushed to disk before returning. */
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
  createText(path, text) {
    const fd = openSync(path, 'wx');
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  },
  rename: (from, to) => renameSync(from, to),
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
 * Replaces `path` with `text` atomically: a hidden temp file next to it, then a rename. A crash
 * leaves the old file (and at worst a `.name.*.tmp` beside it, which no reader lists).
 */
export function replaceText(fs: FileSystem, path: string, text: string): void {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  fs.createText(temp, text);
  fs.rename(temp, path);
}
