/** Says what an interrupted earlier run had left and this run cleaned up (see src/io/leftover-temps.ts). */
import { join, relative } from 'node:path';
import { type Cleanup, mergeCleanups, removeLeftovers } from '../io/leftover-temps.ts';
import type { CommandContext } from './context.ts';

export function reportCleanup(ctx: CommandContext, cleanup: Cleanup): void {
  const shown = (path: string) => (path.startsWith(`${ctx.cwd}/`) ? relative(ctx.cwd, path) : path);
  for (const path of cleanup.restored) {
    ctx.io.out(`Put back ${shown(path)}: an interrupted run had moved it aside and never replaced it.`);
  }
  if (cleanup.removed.length > 0) {
    ctx.io.out(`Removed what an interrupted run left: ${cleanup.removed.map(shown).join(', ')}.`);
  }
}

/**
 * For approve and reject: the temp files an interrupted review left in drafts/ and articles/
 * (only there: a file given from elsewhere does not make its folder wirecopy's to clean).
 */
export function cleanUpReview(ctx: CommandContext): void {
  const folders = [join(ctx.contentDir, 'drafts'), join(ctx.contentDir, 'articles')];
  reportCleanup(ctx, mergeCleanups(folders.map(removeLeftovers)));
}
