/**
 * Which files the desk may open: markdown pieces in the content folder's drafts/ and articles/,
 * named relative to it ("drafts/2026-02-23-daily-wrap.md"). Anything else (`..`, absolute paths,
 * other folders, a symlink whose target lies outside the content folder) is refused before any
 * file is read.
 */
import { existsSync, realpathSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { DeskRequestError } from './errors.ts';

const PIECE = /^(drafts|articles)\/[A-Za-z0-9][A-Za-z0-9._-]*\.md$/;

export interface PiecePath {
  /** As the desk names it: "drafts/2026-02-23-daily-wrap.md". */
  name: string;
  folder: 'drafts' | 'articles';
  /** The absolute path in the content folder. */
  path: string;
}

export function piecePath(contentDir: string, name: unknown): PiecePath {
  if (typeof name !== 'string' || !PIECE.test(name) || name.split('/').includes('..')) {
    throw new DeskRequestError(
      400,
      `${JSON.stringify(String(name).slice(0, 80))} is not a piece of the content folder: name a .md file in drafts/ or articles/, e.g. drafts/2026-02-23-daily-wrap.md.`,
    );
  }
  const path = join(contentDir, name);
  const root = realpathSync(contentDir);
  // The file (or, for one not written yet, its folder) must resolve inside the content folder.
  const real = realpathSync(existsSync(path) ? path : dirname(path));
  if (real !== root && !real.startsWith(root + sep)) {
    throw new DeskRequestError(
      403,
      `${name} leads outside the content folder (a symlink): the desk does not open it.`,
    );
  }
  return { name, folder: name.startsWith('drafts/') ? 'drafts' : 'articles', path };
}
