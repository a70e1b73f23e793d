/**
 * Fault-matrix helpers for full disks and interrupted writes: a small tmpfs filled to a chosen
 * number of free bytes, the CLI run in-process against folders of our choosing, a child-process
 * CLI for kill -9, and snapshots of a folder's files and of a store's rows to compare before and
 * after a fault.
 */
import { execFileSync, spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statfsSync,
  statSync,
  writeSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { main } from '../../src/cli/main.ts';
import { REPO_ROOT } from '../support/cli.ts';

export const IS_ROOT = process.getuid?.() === 0;
export const NOT_ROOT_REASON =
  'full-disk cases mount a small tmpfs, which needs root: skipping them (run the suite as root to include them)';

/** A tmpfs of `kilobytes` mounted on a fresh folder; `unmount` in afterAll. */
export function mountTmpfs(dir: string, kilobytes: number): { dir: string; unmount(): void } {
  mkdirSync(dir, { recursive: true });
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${kilobytes}k`, 'tmpfs', dir]);
  return {
    dir,
    unmount: () => {
      execFileSync('umount', [dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const FILLER = '.disk-filler';

/**
 * Fills the filesystem of `mount` until exactly `freeBytes` (a multiple of the 4 KiB page) stay
 * free, with one hidden file: a write of more than that then fails part way, as on a real disk.
 */
export function fillLeaving(mount: string, freeBytes: number): void {
  const path = join(mount, FILLER);
  const fd = openSync(path, 'a');
  try {
    const page = Buffer.alloc(4096, 0x2e);
    for (;;) {
      try {
        if (writeSync(fd, page) < page.length) break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break;
        throw error;
      }
    }
    const size = statSync(path).size;
    ftruncateSync(fd, Math.max(0, size - (size % 4096) - freeBytes));
  } finally {
    closeSync(fd);
  }
  const free = freeSpace(mount);
  if (free !== freeBytes) throw new Error(`filled ${mount} to ${free} free bytes, not ${freeBytes}`);
}

export function freeSpace(dir: string): number {
  const stats = statfsSync(dir);
  return stats.bavail * stats.bsize;
}

export function emptyDisk(mount: string): void {
  for (const name of readdirSync(mount)) rmSync(join(mount, name), { recursive: true, force: true });
}

/** Every file under `dir` (hidden ones too, the filler excepted) with its bytes, by relative path. */
export function filesUnder(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  if (!existsSync(dir)) return files;
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.name === FILLER) continue;
      if (entry.isDirectory()) walk(path);
      else files[relative(dir, path)] = readFileSync(path, 'latin1');
    }
  };
  walk(dir);
  return files;
}

/** Every row of every table of a store, as text: equal dumps mean the same data. */
export function storeRows(path: string): string {
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all() as Array<{ name: string }>;
    return tables
      .map(({ name }) => `${name}\n${JSON.stringify(db.prepare(`SELECT * FROM "${name}"`).all())}`)
      .join('\n');
  } finally {
    db.close();
  }
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The real CLI entry, in-process, with the store and content where the case puts them. */
export async function runCli(
  args: string[],
  where: { cwd: string; store: string; content: string; today?: string; env?: Record<string, string> },
): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const today = where.today ?? '2026-11-21';
  const code = await main(['--store', where.store, '--content', where.content, ...args], {
    cwd: where.cwd,
    env: { WIRECOPY_TODAY: today, ...where.env },
    now: () => new Date(`${today}T12:00:00Z`),
    io: { out: (t) => out.push(t), err: (t) => err.push(t) },
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** The CLI as its own process (bin/wirecopy.js, this Node), for cases that kill it. */
export function spawnCli(
  args: string[],
  where: {
    cwd: string;
    store: string;
    content: string;
    today?: string;
    env?: Record<string, string>;
    /** A file descriptor to take the child's stdout instead of a pipe (a shell's `> file`). */
    stdout?: number;
  },
): Promise<Run & { signal: NodeJS.Signals | null }> {
  const today = where.today ?? '2026-11-21';
  const child = spawn(
    process.execPath,
    [join(REPO_ROOT, 'bin', 'wirecopy.js'), '--store', where.store, '--content', where.content, ...args],
    {
      cwd: where.cwd,
      env: { ...process.env, WIRECOPY_TODAY: today, ...where.env },
      stdio: ['ignore', where.stdout ?? 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? -1, signal, stdout, stderr }));
  });
}
