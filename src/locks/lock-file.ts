/**
 * Advisory locks between wirecopy processes: one lock file per market store and per content
 * folder, so two writers of the same thing take turns instead of interleaving.
 *
 * The lock is the exclusive creation of a file (a hard link, which fails when the name exists,
 * atomically on every local filesystem) holding who took it: pid, host, since when and which command. It is released in
 * `finally` and, should the process exit without getting there, on `exit`. A holder killed
 * outright (kill -9, a crash, a power cut) leaves the file behind: when it names a process of
 * this host that no longer runs, the lock is taken over, and the caller is told so.
 *
 * Why not `proper-lockfile`: it tells a stale lock by an mtime that its holder must keep
 * touching on a timer (a busy synchronous import would miss it), it records no pid to name in
 * the message, and its last release is years old. What is needed here is a page.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, linkSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';

export interface LockHolder {
  pid: number;
  host: string;
  /** ISO timestamp of when the lock was taken. */
  since: string;
  /** What holds it, e.g. `wirecopy import`. */
  command: string;
}

export interface LockOptions {
  /** How long to wait for a held lock before giving up, in milliseconds. */
  waitMs: number;
  /** How often to look again while waiting. */
  pollMs?: number;
  /** Recorded in the lock file, for whoever finds it held. */
  command: string;
  /** Told when a lock left by a dead process is taken over. */
  onTakeover?: (stale: LockHolder) => void;
  /** Whether a pid of this host runs; tests replace it. */
  isRunning?: (pid: number) => boolean;
  now?: () => Date;
}

export interface HeldLock {
  path: string;
  holder: LockHolder;
  release(): void;
}

/** The lock is held by someone else and was not released while we waited. */
export class LockBusy extends Error {
  readonly path: string;
  /** Undefined when the file could not be read (being written, or not wirecopy's). */
  readonly holder: LockHolder | undefined;
  constructor(path: string, holder: LockHolder | undefined) {
    super(`${path} is held${holder ? ` by pid ${holder.pid} on ${holder.host} since ${holder.since}` : ''}`);
    this.path = path;
    this.holder = holder;
  }
}

/** A takeover marker older than this was left by a process that died while taking over. */
const TAKEOVER_STALE_MS = 10_000;

export async function acquireLock(path: string, options: LockOptions): Promise<HeldLock> {
  const now = options.now ?? (() => new Date());
  const isRunning = options.isRunning ?? processRuns;
  const deadline = Date.now() + options.waitMs;
  for (;;) {
    const holder: LockHolder = {
      pid: process.pid,
      host: hostname(),
      since: now().toISOString(),
      command: options.command,
    };
    if (tryCreate(path, holder)) return held(path, holder);
    const current = readHolder(path);
    if (current && current.host === hostname() && !isRunning(current.pid) && takeOver(path, current)) {
      options.onTakeover?.(current);
      continue;
    }
    if (Date.now() >= deadline) throw new LockBusy(path, current);
    await sleep(Math.min(options.pollMs ?? 50, Math.max(1, deadline - Date.now())));
  }
}

/** The holder recorded in a lock file, or undefined if there is none or it cannot be read. */
export function readHolder(path: string): LockHolder | undefined {
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockHolder>;
    if (typeof data.pid !== 'number' || typeof data.host !== 'string' || typeof data.since !== 'string') {
      return undefined;
    }
    return { pid: data.pid, host: data.host, since: data.since, command: String(data.command ?? '?') };
  } catch {
    return undefined;
  }
}

/**
 * Writes the holder to a private file, then links it in as the lock: the link is the exclusive
 * step (it fails if the lock exists), and the lock file appears complete, never empty, so a
 * holder that dies at any moment leaves a file that names it.
 */
function tryCreate(path: string, holder: LockHolder): boolean {
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(temp, 'wx');
  try {
    writeSync(fd, `${JSON.stringify(holder)}\n`);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temp, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== undefined && NO_HARD_LINKS.has(code)) return createInPlace(path, holder);
    throw error;
  } finally {
    unlinkSync(temp);
  }
}

/** What a filesystem without hard links (FAT, some network mounts) answers a link with. */
export const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

/** The fallback there: an exclusive open, then the write (a reader may see it empty a moment). */
function createInPlace(path: string, holder: LockHolder): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, `${JSON.stringify(holder)}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

/**
 * Removes a stale lock, unless someone else is already doing so. Two processes may find the same
 * dead holder at once; without the marker, the slower one could remove the lock the faster one
 * has just taken. The marker is itself an exclusive create, and the lock is read once more under it.
 */
function takeOver(path: string, stale: LockHolder): boolean {
  const marker = `${path}.takeover`;
  if (!tryCreate(marker, { ...stale, command: `takeover by pid ${process.pid}` })) {
    removeIfOlderThan(marker, TAKEOVER_STALE_MS);
    return false;
  }
  try {
    const again = readHolder(path);
    if (!again || again.pid !== stale.pid || again.since !== stale.since) return false;
    unlinkSync(path);
    return true;
  } finally {
    unlinkSync(marker);
  }
}

function removeIfOlderThan(path: string, ms: number): void {
  try {
    if (Date.now() - statSync(path).mtimeMs > ms) unlinkSync(path);
  } catch {
    // gone meanwhile: nothing to clean up
  }
}

const heldLocks = new Set<HeldLock>();
let exitHookInstalled = false;

function held(path: string, holder: LockHolder): HeldLock {
  const lock: HeldLock = {
    path,
    holder,
    release() {
      if (!heldLocks.delete(lock)) return;
      // Only our own file: if it was taken over (we looked dead to someone), it is theirs now.
      const current = readHolder(path);
      if (current && current.pid === holder.pid && current.since === holder.since) {
        try {
          unlinkSync(path);
        } catch {
          // already gone
        }
      }
    },
  };
  heldLocks.add(lock);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', () => {
      for (const l of [...heldLocks]) l.release();
    });
  }
  return lock;
}

/** Whether a process of this host with that pid runs. */
export function processRuns(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
