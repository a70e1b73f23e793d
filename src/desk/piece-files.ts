/**
 * Opening and saving a piece from the desk. Every text travels with its version (a hash of the
 * bytes on disk); a save names the version it was edited from and is refused, with the text now
 * on disk, when the file changed since (another tab, `wirecopy draft`, an editor outside the
 * desk). The write is the project's atomic one, its precondition re-reading the file right
 * before the rename, so nothing changed on disk is ever overwritten unseen.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { writeFileAtomic } from '../io/atomic-write.ts';
import { DeskRequestError } from './errors.ts';
import type { PiecePath } from './paths.ts';
import type { OpenedPiece, SaveOutcome } from './wire.ts';

export type { OpenedPiece, SaveOutcome };

export function versionOf(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

function readIfThere(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

export function openPiece(piece: PiecePath): OpenedPiece {
  const text = readIfThere(piece.path);
  if (text === undefined)
    throw new DeskRequestError(404, `${piece.name} is not there (approved or removed since?).`);
  return { name: piece.name, text, version: versionOf(text) };
}

export function savePiece(piece: PiecePath, text: string, baseVersion: string): SaveOutcome {
  const conflict = (): SaveOutcome => {
    const now = readIfThere(piece.path);
    return {
      saved: false,
      conflict: now === undefined ? { deleted: true } : { text: now, version: versionOf(now) },
    };
  };
  const onDisk = readIfThere(piece.path);
  if (onDisk === undefined || versionOf(onDisk) !== baseVersion) return conflict();
  if (onDisk === text) return { saved: true, version: baseVersion };
  const written = writeFileAtomic(piece.path, text, {
    precondition: () => {
      const now = readIfThere(piece.path);
      return now !== undefined && versionOf(now) === baseVersion;
    },
  });
  return written ? { saved: true, version: versionOf(text) } : conflict();
}
