/**
 * Drafting a session, as `draft`, `run` and the desk do it: the desk's inputs, the facts, the
 * data-quality gate, then the drafts, into the store first and then content/drafts/.
 */
import { join } from 'node:path';
import { type ChartSeriesInput, STORY_WINDOWS } from '../content/chart-snapshot.ts';
import { isEditedOnDisk } from '../content/draft-file.ts';
import { type DraftContext, type DraftResult, renderDraft, writeDrafts } from '../drafts/generate.ts';
import { chooseStories } from '../drafts/select.ts';
import { factGroupsFor, storiesFor } from '../drafts/stories/index.ts';
import { CHART_RATES } from '../drafts/stories/rates-fed.ts';
import { TemplateLibrary } from '../drafts/templates.ts';
import type { FactGroup } from '../facts/groups.ts';
import type { FactSet } from '../facts/types.ts';
import { notesFor } from '../inputs/notes.ts';
import { removeLeftovers } from '../io/leftover-temps.ts';
import { keepGeneratedDrafts } from '../review/generated-text.ts';
import { indexOnOrBefore } from '../stats/periods.ts';
import type { InputProblem, IsoDate, Series, SymbolKey } from '../types.ts';
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
  /** The templates and the chart's closes; a span reads each once for all its sessions. */
  shared: DraftShared = draftShared(ctx, factSet.asOf),
): Promise<DraftResult[]> {
  const { templates, chartSource } = shared;
  const choices = chooseStories(
    factSet,
    storiesFor(ctx.config.stories, ctx.config.signals),
    ctx.config.stories,
    options,
  );
  // One context for every story of the session: the chart's closes are read from the store once.
  const draftContext: DraftContext = {
    ...draftContextFor(ctx, templates, inputs),
    checks: options.checks,
    chartSeries: chartSeriesFor(ctx, chartSource, factSet.asOf),
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

/**
 * What every draft is written with, whatever the session: the templates, the config's
 * publication and story settings, and the desk's quotes and analyst targets. `draft`, `style`
 * and `templates check` all start from it, so none of them drafts without an input the others have.
 */
export function draftContextFor(
  ctx: CommandContext,
  templates: TemplateLibrary,
  inputs?: DeskInputs,
): DraftContext {
  return {
    templates,
    registry: ctx.registry,
    publication: ctx.config.publication,
    settings: ctx.config.stories,
    generatorVersion: VERSION,
    ...(inputs ? { quotes: inputs.quotes, targets: inputs.targets } : {}),
  };
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
 * The fact groups the drafts read: those of the story named by `--story`, or of every story
 * (the day's piece is chosen among all of them). An unknown `--story` builds them all, and
 * `chooseStories` then says it is unknown.
 */
export function draftGroups(ctx: CommandContext, options: DraftOptions): FactGroup[] {
  const stories = storiesFor(ctx.config.stories, ctx.config.signals);
  const named = stories.filter((s) => s.id === options.story);
  return factGroupsFor(named.length > 0 ? named : stories, ctx.config.indexes);
}

export type ChartSource = (key: SymbolKey) => Series | undefined;

/** What every session of a span drafts from: read once, through the span's last session. */
export interface DraftShared {
  templates: TemplateLibrary;
  chartSource: ChartSource;
}

export function draftShared(ctx: CommandContext, through: IsoDate): DraftShared {
  return { templates: new TemplateLibrary(ctx.templatesDir), chartSource: storeChartSource(ctx, through) };
}

/** The store through `through`, each series read at most once. */
function storeChartSource(ctx: CommandContext, through: IsoDate): ChartSource {
  const loaded = new Map<SymbolKey, Series | undefined>();
  return (key) => {
    if (!loaded.has(key)) loaded.set(key, ctx.store().loadSeries(key, through));
    return loaded.get(key);
  };
}

/** Sessions enough for any story's chart: twice its longest window (a year), for the gaps between series. */
const CHART_TAIL = 2 * (Math.max(...Object.values(STORY_WINDOWS)) + 1);

/**
 * The lead index and the benchmark, the two lines of a piece's chart, and the rates a story may
 * chart under the lead instead (the 2-year yield, in percent), through `asOf`. Each is cut to
 * its sessions after the lead's `CHART_TAIL`-th before `asOf`, so that a draft does not walk the
 * whole history (the S&P 500's goes back to 1927) for a year's chart; when the cut leaves the
 * indexes fewer shared sessions than the longest chart needs, the whole series go.
 */
function chartSeriesFor(ctx: CommandContext, source: ChartSource, asOf: IsoDate): ChartSeriesInput[] {
  const keys = [...new Set([ctx.config.indexes[0] ?? 'RUT', ctx.config.benchmark])];
  const load = (key: string, unit?: 'percent'): ChartSeriesInput[] => {
    const series = source(key);
    const name = ctx.registry.resolve(key)?.name ?? key;
    return series
      ? [{ symbol: key, name, dates: series.dates, closes: series.closes, ...(unit ? { unit } : {}) }]
      : [];
  };
  const indexes = keys.flatMap((key) => load(key));
  const whole = [...indexes, ...CHART_RATES.flatMap((key) => load(key, 'percent'))];
  const lead = indexes[0];
  if (!lead) return whole;
  const end = indexOnOrBefore(lead, asOf);
  if (end < CHART_TAIL) return whole;
  const from = lead.dates[end - CHART_TAIL]!;
  const cutSeries = (s: ChartSeriesInput): ChartSeriesInput => {
    const first = indexOnOrBefore(s, from) + 1;
    const last = indexOnOrBefore(s, asOf) + 1;
    return { ...s, dates: s.dates.slice(first, last), closes: s.closes.slice(first, last) };
  };
  const cut = indexes.map(cutSeries);
  const held = cut.map((s) => new Set(s.dates.filter((_, i) => s.closes[i]! > 0)));
  const shared = [...held[0]!].filter((date) => held.every((dates) => dates.has(date)));
  return shared.length > Math.max(...Object.values(STORY_WINDOWS)) ? whole.map(cutSeries) : whole;
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
  const factSet = factSetFor(ctx, asOf, inputs, draftGroups(ctx, options));
  reportInputProblems(ctx, factSet.warnings ?? []);
  const held = heldSession(ctx, inputs, factSet.asOf);
  hooks.onFacts?.(factSet);
  const checks = gateDraft(ctx, factSet, options.force === true);
  hooks.beforeDrafts?.(factSet);
  const results = await draftsFor(ctx, factSet, { ...options, checks, held }, inputs);
  return { factSet, checks, results, held };
}
