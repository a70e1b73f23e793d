/** `wirecopy draft`: write the day's draft (or every story that applies) into content/drafts/. */
import { Command } from 'commander';
import type { DraftResult } from '../drafts/generate.ts';
import { Errors, WirecopyError } from '../errors.ts';
import type { FactSet } from '../facts/types.ts';
import { type DraftOptions, draftSession, located } from '../jobs/draft.ts';
import type { InputProblem } from '../types.ts';
import type { CommandContext } from './context.ts';

/**
 * Prints one line per draft; an edited draft left alone (without --force) makes the command exit 1,
 * a session held by unreadable notes exit 2 (its drafts are written, and carry `hold:`).
 */
export function reportDrafts(
  ctx: CommandContext,
  results: readonly DraftResult[],
  factSet: FactSet,
  held: readonly InputProblem[] = [],
): void {
  const relativePath = (p: string) => (p.startsWith(`${ctx.cwd}/`) ? p.slice(ctx.cwd.length + 1) : p);
  for (const r of results) {
    const what = {
      created: 'written',
      updated: 'regenerated',
      unchanged: 'unchanged',
      edited: 'NOT overwritten: edited by hand',
      revision: `new revision: ${relativePath(r.editedPath ?? '')} was edited by hand and kept`,
    }[r.outcome];
    ctx.io.out(`${relativePath(r.path)}  ${what}  "${r.title}"`);
  }
  if (factSet.dataset === 'demo') {
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
    .option(
      '--story <id>',
      'write this story: record-high, pattern-study, small-cap-rally, rates-fed, monthly-recap, weekly-recap, daily-wrap',
    )
    .option('--all', 'write every story that applies to the session')
    .option(
      '--force',
      'when a draft was edited by hand, keep it and write the new text as a revision (-r2.md); also draft data that fails the data-quality gate (the draft records checks.gate: overridden)',
    )
    .action(async (options: { asOf?: string } & DraftOptions) => {
      const ctx = context();
      await ctx.lock('content', 'draft');
      const { factSet, results, held } = await draftSession(ctx, options.asOf, options);
      reportDrafts(ctx, results, factSet, held);
    });
}
