/**
 * Drafting a session, as `draft`, `run` and the desk do it: the desk's inputs, the facts, the
 * data-quality gate, then the drafts, into the store first and then content/drafts/.
 */
import { join } from 'node:path';
import { isEditedOnDisk } from '../drafts/draft-file.ts';
import { type DraftResult, renderDraft, writeDrafts } from '../drafts/generate.ts';
import { chooseStories } from '../drafts/select.ts';
import { storiesFor } from '../drafts/stories/index.ts';
import { CHART_RATES } from '../drafts/stories/rates-fed.ts';
import { TemplateLibrary } from '../drafts/templates.ts';
import type { FactSet } from '../facts/types.ts';
import { notesFor } from '../inputs/notes.ts';
import { removeLeftovers } from '../io/leftover-temps.ts';
import { keepGeneratedDrafts } from '../review/generated-text.ts';
import type { ChartSeriesInput } from '../site/chart-data.ts';
import type { InputProblem } from '../types.ts';
import { VERSION } from '../version.ts';
import type { CommandContext } from './context.ts';
import { factSetFor } from './facts.ts';
import { type DraftChecks, gateDraft } from './gate.ts';
import { type DeskInputs, heldSession, loadDeskInputs, reportInputProblems } from './inputs.ts';
import { reportCleanup } from './leftovers.ts';

export interface DraftOptions {
  story?: string;
  all?: boolean;
  force?: boolean;
  /** Only the first half of `force`: an edited draft is kept and the new text written as a revision; the gate still holds. */
  revise?: boolean;
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
  const force = options.force === true || options.revise === true;
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
export function located(p: InputProblem): string {
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
