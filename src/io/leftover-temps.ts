/**
 * What interrupted runs leave behind, removed at the start of the next run of the command: the
 * hidden temp files of atomic writes (`.name.<pid>-<random>.tmp`), the temp folders of newsletter
 * exports (the same name, a folder), and a previous export moved aside (`.name.<pid>-<random>.old`)
 * that a kill stopped from being deleted, or from being put back.
 *
 * A leftover belongs to a run that is over when the process named in it is gone; a name without
 * a pid (written by an older wirecopy) when it is older than this process. A live writer's files
 * are never touched, so two commands running side by side do not undo each other.
 */
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const LEFTOVER = /^\.(?<target>.+)\.(?:(?<pid>\d+)-[0-9a-f]{8}|[0-9a-f]{12})\.(?<kind>tmp|old)$/;

export interface Cleanup {
  /** Leftovers deleted, by path. */
  removed: string[];
  /** Previous exports put back where a kill had left nothing, by path. */
  restored: string[];
}

export function removeLeftovers(dir: string): Cleanup {
  const cleanup: Cleanup = { removed: [], restored: [] };
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return cleanup; // no folder yet, nothing left over
  }
  // `.old` first: a previous export put back makes a temp folder of the same target plain garbage.
  const leftovers = names
    .map((name) => ({ name, match: LEFTOVER.exec(name)?.groups }))
    .filter((l) => l.match !== undefined && isOver(join(dir, l.name), l.match['pid']))
    .sort((a, b) => Number(b.match?.['kind'] === 'old') - Number(a.match?.['kind'] === 'old'));
  for (const { name, match } of leftovers) {
    const path = join(dir, name);
    const target = join(dir, match?.['target'] ?? '');
    if (match?.['kind'] === 'old' && !existsSync(target)) {
      renameSync(path, target);
      cleanup.restored.push(target);
      continue;
    }
    rmSync(path, { recursive: true, force: true });
    cleanup.removed.push(path);
  }
  return cleanup;
}

function isOver(path: string, pid: string | undefined): boolean {
  if (pid === undefined) return statSync(path).mtimeMs < Date.now() - process.uptime() * 1000;
  if (Number(pid) === process.pid) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (error) {
    // EPERM: alive, another user's.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

export function mergeCleanups(cleanups: readonly Cleanup[]): Cleanup {
  return {
    removed: cleanups.flatMap((c) => c.removed),
    restored: cleanups.flatMap((c) => c.restored),
  };
}
