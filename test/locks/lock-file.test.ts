/** The lock file itself: exclusive, waits, names its holder, takes over after a dead process. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock, LockBusy, type LockHolder, readHolder } from '../../src/locks/lock-file.ts';

const lockPath = () => join(mkdtempSync(join(tmpdir(), 'wirecopy-lock-')), 'x.lock');
const NOW = () => new Date('2026-11-21T14:03:27.000Z');

describe('acquireLock', () => {
  it('writes who holds it, and release removes it', async () => {
    const path = lockPath();
    const lock = await acquireLock(path, { waitMs: 0, command: 'wirecopy import', now: NOW });
    expect(readHolder(path)).toEqual({
      pid: process.pid,
      host: hostname(),
      since: '2026-11-21T14:03:27.000Z',
      command: 'wirecopy import',
    });
    lock.release();
    expect(existsSync(path)).toBe(false);
  });

  it('a second taker waits, then gives up naming the holder', async () => {
    const path = lockPath();
    const first = await acquireLock(path, { waitMs: 0, command: 'wirecopy fetch', now: NOW });
    const error = await acquireLock(path, { waitMs: 120, pollMs: 20, command: 'wirecopy import' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(LockBusy);
    expect((error as LockBusy).holder).toEqual(first.holder);
    first.release();
  });

  it('a second taker gets the lock once the first releases it while it waits', async () => {
    const path = lockPath();
    const first = await acquireLock(path, { waitMs: 0, command: 'wirecopy fetch' });
    setTimeout(() => first.release(), 60);
    const second = await acquireLock(path, { waitMs: 5000, pollMs: 10, command: 'wirecopy import' });
    expect(readHolder(path)?.command).toBe('wirecopy import');
    second.release();
  });

  it('takes over a lock whose process no longer runs, and says whose it was', async () => {
    const path = lockPath();
    const stale: LockHolder = {
      pid: 999_999_999,
      host: hostname(),
      since: '2026-11-20T09:00:00.000Z',
      command: 'wirecopy run',
    };
    writeFileSync(path, JSON.stringify(stale));
    const told: LockHolder[] = [];
    const lock = await acquireLock(path, {
      waitMs: 0,
      command: 'wirecopy import',
      isRunning: (pid) => pid !== stale.pid,
      onTakeover: (h) => told.push(h),
    });
    expect(told).toEqual([stale]);
    expect(readHolder(path)?.pid).toBe(process.pid);
    lock.release();
  });

  it('does not take over a lock of another host, whose processes it cannot see', async () => {
    const path = lockPath();
    writeFileSync(
      path,
      JSON.stringify({
        pid: 999_999_999,
        host: 'elsewhere',
        since: '2026-11-20T09:00:00.000Z',
        command: 'wirecopy run',
      }),
    );
    const error = await acquireLock(path, {
      waitMs: 0,
      command: 'wirecopy import',
      isRunning: () => false,
    }).catch((e: unknown) => e);
    expect((error as LockBusy).holder?.host).toBe('elsewhere');
  });

  it('release leaves alone a lock that someone else has taken over meanwhile', async () => {
    const path = lockPath();
    const lock = await acquireLock(path, { waitMs: 0, command: 'wirecopy import' });
    const theirs = JSON.stringify({
      pid: process.pid,
      host: hostname(),
      since: '2030-01-01T00:00:00.000Z',
      command: 'wirecopy run',
    });
    writeFileSync(path, theirs);
    lock.release();
    expect(readFileSync(path, 'utf8')).toBe(theirs);
  });

  it('an unreadable lock file is busy, with no holder to name', async () => {
    const path = lockPath();
    writeFileSync(path, 'not json');
    const error = await acquireLock(path, { waitMs: 0, command: 'wirecopy import' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LockBusy);
    expect((error as LockBusy).holder).toBeUndefined();
    expect(readFileSync(path, 'utf8')).toBe('not json');
  });
});
