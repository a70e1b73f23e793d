/** `wirecopy draft`: write the day's draft (or every story that applies) into content/drafts/. */
import { join } from 'node:path';
import { Command } from 'commander';
import { isEditedOnDisk } from '../drafts/draft-file.ts';
import { type DraftResult, renderDraft, writeDrafts } from '../drafts/generate.ts';
import { chooseStories } from '../drafts/select.ts';
import { storiesFor } from '../drafts/stories/index.ts';
import { CHART_RATES } from '../drafts/stories/rates-fed.ts';
import { TemplateLibrary } from '../drafts/templates.ts';
import { Errors, WirecopyError } from '../errors.ts';
import type { FactSet } from '../facts/types.ts';
import { notesFor } from '../inputs/notes.ts';
import { removeLeftovers } from '../io/leftover-temps.ts';
import { keepGeneratedDrafts } from '../review/generated-text.ts';
import type { ChartSeriesInput } from '../site/chart-data.ts';
import type { InputProblem } from '../types.ts';
import { VERSION } from '../version.ts';
import type { CommandContext } from './context.ts';
import { factSetFor } from './facts.ts';
import { type DeskInputs, heldSession, loadDeskInputs, reportInputProblems } from './inputs.ts';
import { reportCleanup } from './leftovers.ts';
import { spanProgress } from './progress.ts';
import { factSetsForSpan, type SessionSpan, sessionsInSpan } from './range.ts';
import { type DraftChecks, gateDraft } from './verify.ts';

export interface DraftOptions {
  story?: string;
  all?: boolean;
  force?: boolean;
  /** The data-quality gate's verdict, recorded in the front matter. */
  checks?: DraftChecks;
  /** Notes problems that hold the session (see `heldSession`): the drafts carry them as `hold:`. */
  held?: readonly InputProblem[];
}

export async function draftsFor(
  ctx: CommandContext,
  factSet: FactSet,
  options: DraftOptions = {},
  inputs: DeskInputs = loadDeskInputs(ctx),
): Promise<DraftResult[]> {
  const templates = new TemplateLibrary(ctx.templatesDir);
  const choices = chooseStories(
    factSet,
    storiesFor(ctx.config.stories, ctx.config.signals),
    ctx.config.stories,
    options,
  );
  // One context for every story of the session: the chart's closes are read from the store once.
  const draftContext = {
    templates,
    registry: ctx.registry,
    publication: ctx.config.publication,
    settings: ctx.config.stories,
    generatorVersion: VERSION,
    quotes: inputs.quotes,
    checks: options.checks,
    chartSeries: chartSeriesFor(ctx, factSet.asOf),
    notes: { ...notesFor(inputs.notes, factSet.asOf), ...holdOf(factSet.asOf, options.held ?? []) },
  };
  const rendered = choices.map((choice) => renderDraft(choice, factSet, draftContext));
  const draftsDir = join(ctx.contentDir, 'drafts');
  reportCleanup(ctx, removeLeftovers(draftsDir));
  const force = options.force === true;
  // Into the store first, in one transaction, for `wirecopy diff` and `check`: a draft file never
  // exists without them, whenever a run is cut short. Only an edited draft left alone is skipped.
  const written = rendered.filter((draft) => force || !isEditedOnDisk(join(draftsDir, draft.fileName)));
  const facts = Object.fromEntries(Object.values(factSet.facts).map((f) => [f.id, f.value]));
  keepGeneratedDrafts(
    ctx.store(),
    written.map((draft) => ({
      fileName: draft.fileName,
      text: draft.text,
      snapshot: { asOf: factSet.asOf, slug: draft.story, dataset: factSet.dataset, facts },
    })),
  );
  return writeDrafts(rendered, draftsDir, { force });
}

/** The `hold:` a held session's drafts carry: what could not be read, and where. */
function holdOf(asOf: string, held: readonly InputProblem[]): { hold?: string } {
  if (held.length === 0) return {};
  return {
    hold: `the desk's notes for ${asOf} could not be read when it was drafted (${held.map(located).join('; ')}).`,
  };
}

/** `file:line: message`, as a held session's problems are shown. */
function located(p: InputProblem): string {
  return `${[p.file, p.line].filter((x) => x !== undefined).join(':')}: ${p.message}`;
}

/**
 * The lead index and the benchmark, the two lines of a piece's chart, and the rates a story may
 * chart under the lead instead (the 2-year yield, in percent).
 */
function chartSeriesFor(ctx: CommandContext, asOf: string): ChartSeriesInput[] {
  const keys = [...new Set([ctx.config.indexes[0] ?? 'RUT', ctx.config.benchmark])];
  const load = (key: string, unit?: 'percent'): ChartSeriesInput[] => {
    const series = ctx.store().loadSeries(key, asOf);
    const name = ctx.registry.resolve(key)?.name ?? key;
    return series
      ? [{ symbol: key, name, dates: series.dates, closes: series.closes, ...(unit ? { unit } : {}) }]
      : [];
  };
  return [...keys.flatMap((key) => load(key)), ...CHART_RATES.flatMap((key) => load(key, 'percent'))];
}

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

/**
 * A session's drafting as `draft` and `run` both do it: the desk's inputs, the facts, the
 * data-quality gate, then the drafts. `onFacts` runs before the gate, `beforeDrafts` after it.
 */
export async function draftSession(
  ctx: CommandContext,
  asOf: string | undefined,
  options: DraftOptions,
  hooks: { onFacts?: (factSet: FactSet) => void; beforeDrafts?: (factSet: FactSet) => void } = {},
): Promise<{ factSet: FactSet; checks: DraftChecks; results: DraftResult[]; held: InputProblem[] }> {
  const inputs = loadDeskInputs(ctx);
  reportInputProblems(ctx, inputs.problems);
  const factSet = factSetFor(ctx, asOf, inputs);
  reportInputProblems(ctx, factSet.warnings ?? []);
  const held = heldSession(ctx, inputs, factSet.asOf);
  hooks.onFacts?.(factSet);
  const checks = gateDraft(ctx, factSet, options.force === true);
  hooks.beforeDrafts?.(factSet);
  const results = await draftsFor(ctx, factSet, { ...options, checks, held }, inputs);
  return { factSet, checks, results, held };
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
    .action(async (options: { asOf?: string; from?: string; to?: string } & DraftOptions) => {
      const ctx = context();
      if (options.from !== undefined || options.to !== undefined) {
        const span = spanOf(options);
        await ctx.lock('content', 'draft');
        await draftSpan(ctx, span, options);
        return;
      }
      await ctx.lock('content', 'draft');
      const { factSet, results, held } = await draftSession(ctx, options.asOf, options);
      reportDrafts(ctx, results, factSet, held);
    });
}

/** `--from` and `--to` together, never with `--as-of`. */
export function spanOf(options: { asOf?: string; from?: string; to?: string }): SessionSpan {
  if (options.asOf !== undefined) {
    throw new WirecopyError(Errors.Usage, '--as-of cannot be combined with --from/--to.', {
      hint: 'Draft one session with --as-of, or a span with --from and --to.',
    });
  }
  if (options.from === undefined || options.to === undefined) {
    throw new WirecopyError(Errors.Usage, `--${options.from === undefined ? 'from' : 'to'} is missing.`, {
      hint: 'A span takes both dates: --from 2025-01-02 --to 2025-12-31.',
    });
  }
  return { from: options.from, to: options.to };
}

/**
 * Every session of a span in one process (issue 14): one FactSet builder, one template library,
 * the data-quality gate once through the span's last session, then the drafts session by
 * session under a progress bar. Edited drafts and held sessions are reported at the end.
 */
async function draftSpan(ctx: CommandContext, span: SessionSpan, options: DraftOptions): Promise<void> {
  const sessions = sessionsInSpan(ctx, span);
  const inputs = loadDeskInputs(ctx);
  reportInputProblems(ctx, inputs.problems);
  const factSetAt = factSetsForSpan(ctx, sessions, inputs);
  const last = factSetAt(sessions.at(-1)!);
  const checks = gateDraft(ctx, last, options.force === true);
  const progress = spanProgress(ctx, 'drafting', sessions.length);
  const results: DraftResult[] = [];
  const held: InputProblem[] = [];
  try {
    for (const asOf of sessions) {
      const factSet = asOf === last.asOf ? last : factSetAt(asOf);
      const sessionHeld = heldSession(ctx, inputs, asOf);
      held.push(...sessionHeld);
      results.push(...(await draftsFor(ctx, factSet, { ...options, checks, held: sessionHeld }, inputs)));
      progress.tick(asOf);
    }
  } finally {
    progress.stop();
  }
  ctx.io.out(`${results.length} draft(s) for ${sessions.length} session(s), ${span.from} to ${span.to}.`);
  reportDrafts(ctx, results, last, held);
}
