/**
 * The two locks of the desk and what each guards. Writers of the market store (import, demo,
 * fetch, run) take the store lock; writers of the content folder (draft, run, approve, reject,
 * newsletter) take the content lock. Readers take none: SQLite's WAL and the atomic renames of
 * content files keep what they see whole.
 */
import { existsSync, mkdirSync, realpathSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { Errors, WirecopyError } from '../errors.ts';
import { acquireLock, type HeldLock, LockBusy, type LockHolder } from './lock-file.ts';

export type DeskLock = 'store' | 'content';

/** How long a command waits for the other writer by default, and SQLite for its own locks. */
export const DEFAULT_LOCK_WAIT_MS = 5000;

export interface DeskLockRequest {
  which: DeskLock;
  /** The store file, or the content folder. */
  target: string;
  /** How the target is shown in messages (as configured). */
  shown: string;
  command: string;
  waitMs: number;
  /** Told when a lock left by a dead process is taken over. */
  notice: (line: string) => void;
}

/** `.wirecopy/market.db.lock` beside the store; `content/.wirecopy.lock` inside the content folder. */
export function deskLockPath(which: DeskLock, target: string): string {
  // Resolved, so two spellings of one store (a symlink, say) meet at one lock.
  const real = existsSync(target) ? realpathSync(target) : target;
  return which === 'store' ? `${real}.lock` : join(real, '.wirecopy.lock');
}

export async function takeDeskLock(request: DeskLockRequest): Promise<HeldLock> {
  const path = deskLockPath(request.which, request.target);
  mkdirSync(dirname(path), { recursive: true });
  try {
    return await acquireLock(path, {
      waitMs: request.waitMs,
      command: `wirecopy ${request.command}`,
      onTakeover: (stale) =>
        request.notice(
          `Took over the lock ${path}: ${describe(stale)} is no longer running, so the lock it left was stale.`,
        ),
    });
  } catch (error) {
    if (error instanceof LockBusy) throw busyError(request, path, error.holder);
    throw error;
  }
}

function busyError(request: DeskLockRequest, path: string, holder: LockHolder | undefined): WirecopyError {
  const seconds = (request.waitMs / 1000).toLocaleString('en-US', { maximumFractionDigits: 1 });
  const elsewhere = holder && holder.host !== hostname() ? ` on ${holder.host}` : '';
  const message = holder
    ? `held by pid ${holder.pid}${elsewhere} since ${clockTime(holder.since)} (${holder.command}); waited ${seconds} s for ${request.shown} and changed nothing.`
    : `its lock file ${path} cannot be read (being written, or not wirecopy's); waited ${seconds} s for ${request.shown} and changed nothing.`;
  const hint = holder
    ? `Wait for it to finish and run the command again. If pid ${holder.pid} is no longer running${elsewhere}, remove ${path}.`
    : `Run the command again in a moment; if it stays busy and no wirecopy is running, remove ${path}.`;
  return new WirecopyError(request.which === 'store' ? Errors.StoreBusy : Errors.ContentBusy, message, {
    hint,
  });
}

function describe(holder: LockHolder): string {
  return `pid ${holder.pid} (${holder.command}, since ${clockTime(holder.since)})`;
}

/** `2026-11-21T14:03:27Z` → `14:03 UTC`: the clock of the lock file, with no doubt about its zone. */
export function clockTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(11, 16)} UTC`;
}
