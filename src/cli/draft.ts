/** `wirecopy draft`: write the day's draft (or every story that applies) into content/drafts/. */
import { Command } from 'commander';
import type { DraftResult } from '../drafts/generate.ts';
import { Errors, WirecopyError } from '../errors.ts';
import type { FactSet } from '../facts/types.ts';
import {
  type DraftOptions,
  draftGroups,
  draftSession,
  draftShared,
  draftsFor,
  located,
} from '../jobs/draft.ts';
import { gateDraft } from '../jobs/gate.ts';
import { heldSession, loadDeskInputs, reportInputProblems } from '../jobs/inputs.ts';
import { factSetsForSpan, type SessionSpan, sessionsInSpan, spanOf } from '../jobs/range.ts';
import type { InputProblem } from '../types.ts';
import type { CommandContext } from './context.ts';
import { printJson } from './json.ts';
import { spanProgress } from './progress.ts';

/**
 * Prints one line per draft; an edited draft left alone (without --force) makes the command exit 1,
 * a session held by unreadable notes exit 2 (its drafts are written, and carry `hold:`). With
 * `json` (the fields a verb adds, `{}` for none), one JSON object instead of the lines.
 */
export function reportDrafts(
  ctx: CommandContext,
  results: readonly DraftResult[],
  factSet: FactSet,
  held: readonly InputProblem[] = [],
  json?: Record<string, unknown>,
): void {
  const relativePath = (p: string) => (p.startsWith(`${ctx.cwd}/`) ? p.slice(ctx.cwd.length + 1) : p);
  if (json) {
    printJson(ctx, {
      ...json,
      asOf: factSet.asOf,
      dataset: factSet.dataset,
      drafts: results.map((r) => ({
        story: r.story,
        path: relativePath(r.path),
        title: r.title,
        outcome: r.outcome,
        ...(r.editedPath ? { editedPath: relativePath(r.editedPath) } : {}),
      })),
      held: held.map(located),
    });
  }
  for (const r of json ? [] : results) {
    const what = {
      created: 'written',
      updated: 'regenerated',
      unchanged: 'unchanged',
      edited: 'NOT overwritten: edited by hand',
      revision: `new revision: ${relativePath(r.editedPath ?? '')} was edited by hand and kept`,
    }[r.outcome];
    ctx.io.out(`${relativePath(r.path)}  ${what}  "${r.title}"`);
  }
  if (factSet.dataset === 'demo' && !json) {
    ctx.io.out('These drafts use the generated demo dataset, not market data (dataset: demo).');
  }
  if (held.length > 0) {
    throw new WirecopyError(
      Errors.NotesUnreadable,
      `The desk's notes for the ${factSet.asOf} session could not be read, so its drafts are held: review fails on them (\`hold:\` in their front matter).`,
      {
        details: held.map(located),
        hint: 'Fix content/inputs/notes.yaml at the lines above (an embargo is written `embargo: true`), then run `wirecopy draft` again.',
      },
    );
  }
  const edited = results.filter((r) => r.outcome === 'edited');
  if (edited.length > 0) {
    throw new WirecopyError(
      Errors.DraftEdited,
      `${edited.length} draft(s) were changed by an editor since they were generated, so they were left as they are.`,
      {
        details: edited.map((r) => relativePath(r.path)),
        hint: 'Keep the edits and review them with `wirecopy check`; or run `wirecopy draft --force` to write the new text next to the edited file as a revision (-r2.md).',
      },
    );
  }
}

export function draftCommand(context: () => CommandContext): Command {
  return new Command('draft')
    .description(
      "write the session's draft into content/drafts/: the most newsworthy story, or --story / --all",
    )
    .option('--as-of <date>', 'YYYY-MM-DD (default: the latest session in the store)')
    .option('--from <date>', 'draft every session from this date (with --to), in one process')
    .option('--to <date>', 'the last session of a --from span')
    .option(
      '--story <id>',
      'write this story: record-high, pattern-study, small-cap-rally, rates-fed, monthly-recap, weekly-recap, daily-wrap',
    )
    .option('--all', 'write every story that applies to the session')
    .option(
      '--force',
      'when a draft was edited by hand, keep it and write the new text as a revision (-r2.md); also draft data that fails the data-quality gate (the draft records checks.gate: overridden)',
    )
    .option('--json', 'print one JSON object: {asOf, dataset, drafts: [{story, path, title, outcome}], held}')
    .action(async (options: { asOf?: string; from?: string; to?: string; json?: boolean } & DraftOptions) => {
      const ctx = context();
      if (options.from !== undefined || options.to !== undefined) {
        const span = spanOf(options);
        await ctx.lock('content', 'draft');
        await draftSpan(ctx, span, options);
        return;
      }
      await ctx.lock('content', 'draft');
      const { factSet, results, held } = await draftSession(ctx, options.asOf, options);
      reportDrafts(ctx, results, factSet, held, options.json ? {} : undefined);
    });
}

/**
 * Every session of a span in one process (issue 14): one FactSet builder, one template library,
 * the data-quality gate once through the span's last session, then the drafts session by
 * session under a progress bar. Edited drafts and held sessions are reported at the end.
 */
async function draftSpan(
  ctx: CommandContext,
  span: SessionSpan,
  options: DraftOptions & { json?: boolean },
): Promise<void> {
  const sessions = sessionsInSpan(ctx, span);
  const inputs = loadDeskInputs(ctx);
  reportInputProblems(ctx, inputs.problems);
  const factSetAt = factSetsForSpan(ctx, sessions, inputs, draftGroups(ctx, options));
  const last = factSetAt(sessions.at(-1)!);
  const checks = gateDraft(ctx, last, options.force === true);
  const progress = spanProgress(ctx, 'drafting', sessions.length);
  // Every session is drafted from the same templates, its chart cut from the same closes.
  const shared = draftShared(ctx, last.asOf);
  const results: DraftResult[] = [];
  const held: InputProblem[] = [];
  try {
    for (const asOf of sessions) {
      const factSet = asOf === last.asOf ? last : factSetAt(asOf);
      const sessionHeld = heldSession(ctx, inputs, asOf);
      held.push(...sessionHeld);
      results.push(
        ...(await draftsFor(ctx, factSet, { ...options, checks, held: sessionHeld }, inputs, shared)),
      );
      progress.tick(asOf);
    }
  } finally {
    progress.stop();
  }
  ctx.io.out(`${results.length} draft(s) for ${sessions.length} session(s), ${span.from} to ${span.to}.`);
  reportDrafts(ctx, results, last, held, options.json ? { ...span, sessions: sessions.length } : undefined);
}
