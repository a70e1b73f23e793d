/**
 * The review checks as `check`, `approve`, `status` and the desk run them: options from the
 * config, the store and the desk's notes, and the drafts a list of paths names.
 */
import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { newYorkTime } from '../calendar/dates.ts';
import { symbolRegistry } from '../config.ts';
import { embargoOf, loadNotes, type NotesResult, type SessionEmbargo } from '../inputs/notes.ts';
import { subjectLexicon } from '../language/subjects.ts';
import { type CheckedFile, type CheckOptions, checkFile, draftFilesIn } from '../review/check.ts';
import { generatedTextOf } from '../review/generated-text.ts';
import { lastCompletedSession } from '../verify/staleness.ts';
import { clockOf } from './clock.ts';
import type { CommandContext } from './context.ts';
import { notesFileShown } from './inputs.ts';

export interface ReviewSettings {
  /** Sessions the as-of may trail the store's latest session. */
  maxAgeSessions: number;
  /** Judge freshness of files already marked published too (approve resuming an interrupted move). */
  exemptPublished?: boolean;
}

/** Check options from the config and the store; a missing store is not created, just absent. */
export function checkOptionsFor(ctx: CommandContext, settings: ReviewSettings): CheckOptions {
  const lead = ctx.config.indexes[0] ?? 'RUT';
  const registry = symbolRegistry(ctx.config);
  const store = ctx.existingStore();
  const today = ctx.today();
  const now = clockOf(ctx);
  return {
    disclaimer: ctx.config.publication.disclaimer,
    legalText: [ctx.config.publication.forwardReturnsDisclaimer],
    subjects: { registry, lexicon: subjectLexicon(registry) },
    freshness: {
      lead,
      latestSession: store?.loadSeries(lead)?.dates.at(-1),
      maxAgeSessions: settings.maxAgeSessions,
      exemptPublished: settings.exemptPublished ?? true,
      clock: {
        lastCompletedSession: lastCompletedSession(today, now),
        checkedAt: `${newYorkTime(now)} ET on ${today}`,
      },
    },
    embargo: embargoAtCheckTime(ctx),
    // Always given: a draft whose facts cannot be compared with the generator's is an error.
    generatedText: (ref) => (store ? generatedTextOf(store, ref) : undefined),
  };
}

/**
 * The desk's notes as they read now, not only as copied into the draft: an embargo added after
 * the draft was edited applies, and an unreadable entry holds its session. Read once, on first use.
 */
function embargoAtCheckTime(ctx: CommandContext): (asOf: string) => SessionEmbargo {
  let notes: NotesResult | undefined;
  return (asOf) => {
    notes ??= loadNotes(join(ctx.contentDir, 'inputs', 'notes.yaml'), notesFileShown(ctx));
    return embargoOf(notes, asOf);
  };
}

/**
 * Checks the drafts under `paths` (default: content/drafts), one file after another; with
 * `asOf`, only that session's (draft files are named `<asOf>-<story>.md`).
 */
export async function checkPaths(
  ctx: CommandContext,
  paths: readonly string[],
  settings: ReviewSettings,
  asOf?: string,
): Promise<CheckedFile[]> {
  // The default folder not made yet holds no drafts; a path the user names must exist.
  const targets =
    paths.length > 0
      ? paths.map((p) => resolve(ctx.cwd, p))
      : [join(ctx.contentDir, 'drafts')].filter(existsSync);
  const files = draftFilesIn(targets).filter((f) => asOf === undefined || basename(f).startsWith(`${asOf}-`));
  const checkOptions = checkOptionsFor(ctx, settings);
  const results: CheckedFile[] = [];
  for (const file of files) results.push(await checkFile(file, checkOptions));
  return results;
}
