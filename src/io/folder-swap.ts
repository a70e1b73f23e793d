/**
 * A folder of files that belong together (a newsletter issue: its HTML and text parts must be of
 * the same issue) written whole or not at all. The files go to a hidden temp folder beside the
 * target; then a previous version is renamed aside, the new folder renamed into place, and the
 * old one deleted. A kill between the two renames leaves the target missing with both versions
 * complete beside it: the next run puts the old one back before anything else
 * (`leftover-temps.ts`), so a reader never meets a mix of two versions.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';
import { Errors, isWirecopyError, WirecopyError } from '../errors.ts';
import { renameDurably, syncFolder, tempPathFor, writeFileAtomic } from './atomic-write.ts';
import { diskFullError, isDiskFull } from './disk-full.ts';
import { faultPoint } from './fault-point.ts';

export interface FolderFile {
  name: string;
  data: string | Uint8Array;
}

/** Replaces the folder `target` with exactly `files`. */
export function writeFolderAtomic(target: string, files: readonly FolderFile[]): void {
  refuseForeignFiles(target, files);
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const temp = tempPathFor(target);
  let old: string | undefined;
  try {
    mkdirSync(temp);
    for (const file of files) writeFileAtomic(join(temp, file.name), file.data);
    syncFolder(temp);
    if (existsSync(target)) {
      old = tempPathFor(target).replace(/\.tmp$/, '.old');
      renameSync(target, old);
      faultPoint(`old-moved-away:${basename(target)}`);
    }
    renameDurably(temp, target);
  } catch (error) {
    if (old !== undefined && !existsSync(target)) renameSync(old, target);
    rmSync(temp, { recursive: true, force: true });
    // Name the folder the user asked for, not the temp one beside it.
    if (isWirecopyError(error) && error.code === 'DiskFull') throw diskFullError(target, error.cause, kept);
    throw isDiskFull(error) ? diskFullError(target, error, kept) : error;
  }
  if (old !== undefined) rmSync(old, { recursive: true, force: true });
}

const kept = { kept: 'The folder is as it was before this command.' };

/**
 * Replacing a folder deletes what else it holds: a target with files the export does not write
 * (an `--out` pointed at a folder of other things) is refused rather than emptied.
 */
function refuseForeignFiles(target: string, files: readonly FolderFile[]): void {
  const fromTarget = relative(target, process.cwd());
  if (fromTarget === '' || (!fromTarget.startsWith('..') && !isAbsolute(fromTarget))) {
    throw new WirecopyError(
      Errors.Usage,
      `${target} is the folder wirecopy runs in (or holds it), so it was not replaced.`,
      {
        hint: 'An export replaces its folder whole: choose a new folder with --out, such as .wirecopy/newsletter/<issue-id>.',
      },
    );
  }
  let present: string[];
  try {
    present = readdirSync(target);
  } catch {
    return;
  }
  const ours = new Set(files.map((f) => f.name));
  const foreign = present.filter((name) => !ours.has(name));
  if (foreign.length > 0) {
    throw new WirecopyError(
      Errors.Usage,
      `${target} holds files that are not part of an export (${foreign.slice(0, 3).join(', ')}${foreign.length > 3 ? ', …' : ''}), so it was not replaced.`,
      {
        hint: `An export replaces its folder whole: choose a new or empty folder with --out, or move those files out of ${basename(target)}.`,
      },
    );
  }
}
