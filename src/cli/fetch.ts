/**
 * `wirecopy fetch`: brings the store up to date from the live providers, incrementally. Per
 * series it asks only for what is missing, plus the last few stored sessions again (providers
 * revise recent closes); a series with nothing stored starts at `fetch.historyFrom`. Each series
 * is stored as its own transaction as soon as it arrives: one that fails, or comes back with
 * errors among its rows, leaves the store as it was and the others still land. Retries, timeouts
 * and the time limit per series are the fetch core's (src/fetchers/http.ts); the whole fetch has
 * a time limit too (`fetch.runTimeoutMs`), past which the series still out keep what they had.
 */
import { Command } from 'commander';
import { addDays, isIsoDate, newYorkDate } from '../calendar/dates.ts';
import { CALENDAR_FIRST, CALENDAR_LAST, previousSession } from '../calendar/nyse.ts';
import { Errors, isWirecopyError, WirecopyError } from '../errors.ts';
import { type FetchTask, planFetches, runFetches, storeOutcome } from '../fetchers/fetch-all.ts';
import { type FetchDeps, type FetchResult, fetchErrors, type ProviderName } from '../fetchers/pipeline.ts';
import { probeProviders } from '../fetchers/probe.ts';
import type { OptionsSnapshotResult } from '../fetchers/yahoo-options.ts';
import { clockOf } from '../jobs/clock.ts';
import type { InputProblem, IsoDate, SymbolKey } from '../types.ts';
import type { CommandContext } from './context.ts';
import { thousands } from './format-table.ts';
import { printJson } from './json.ts';
import { fetchProgress } from './progress.ts';

export interface FetchSelection {
  /** Comma-separated keys or aliases; `ZQ` means the front month and every contract month. */
  symbols?: string;
  since?: string;
  source?: ProviderName;
}

export interface FetchFailure {
  label: string;
  error: unknown;
}

/** A series that came back with errors among its rows, and so was not stored. */
export interface FetchRejection {
  label: string;
  errors: InputProblem[];
}

export interface FetchSummary {
  planned: number;
  stored: number;
  bars: number;
  /** HTTP requests, the reachability probes included. */
  requests: number;
  failed: FetchFailure[];
  rejected: FetchRejection[];
  /** Series not fetched because the run reached `fetch.runTimeoutMs` (in flight or not started). */
  stopped: string[];
  runTimeoutMs: number;
  /** Providers the probe could not reach, and why. */
  unreachable: Map<ProviderName, string>;
  /** No provider could be reached, so nothing was tried. */
  offline: boolean;
  seconds: number;
}

const CONCURRENCY = 4;
const PROVIDERS: readonly string[] = ['yahoo', 'fred', 'stooq'] satisfies ProviderName[];

/** Fetches the selection into the store, printing a line per series. Throws only on a bad selection. */
export async function fetchToStore(
  ctx: CommandContext,
  selection: FetchSelection = {},
): Promise<FetchSummary> {
  const started = performance.now();
  const now = clockOf(ctx);
  const tasks = planIncremental(ctx, selection, now);
  const { runTimeoutMs } = ctx.config.fetch;
  // From the start, probes included: the limit is the daily job's budget for fetching.
  const runLimit = { signal: AbortSignal.timeout(runTimeoutMs), ms: runTimeoutMs };
  const deps = { ...fetchDeps(ctx, now), runLimit };
  const providers = [...new Set(tasks.map(providerOf))];
  const probe = await probeProviders(providers, deps, ctx.config.fetch.probeTimeoutMs);
  const summary: FetchSummary = {
    planned: tasks.length,
    stored: 0,
    bars: 0,
    requests: probe.requests,
    failed: [],
    rejected: [],
    stopped: [],
    runTimeoutMs,
    unreachable: probe.unreachable,
    offline: providers.every((p) => probe.unreachable.has(p)),
    seconds: 0,
  };
  if (summary.offline) return summary;

  const progress = fetchProgress(ctx, tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const task = tasks[next++]!;
      const label = labelOf(task);
      if (runLimit.signal.aborted) {
        summary.stopped.push(label);
        progress.finished(label, [`${label} not fetched: the fetch had reached its time limit`]);
        continue;
      }
      progress.started(label);
      progress.finished(label, await fetchOne(ctx, task, deps, summary));
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, tasks.length) }, worker));
  } finally {
    progress.stop();
  }
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

/** One task: fetch, store in its own transaction, and the lines that say how it went. */
async function fetchOne(
  ctx: CommandContext,
  task: FetchTask,
  deps: FetchDeps,
  summary: FetchSummary,
): Promise<string[]> {
  const label = labelOf(task);
  const fail = (error: unknown) => {
    if (isWirecopyError(error) && error.code === Errors.FetchStopped.name) {
      summary.stopped.push(label);
      return [`${label} not fetched: ${error.message}`];
    }
    summary.failed.push({ label, error });
    return [`${label} FAILED: ${isWirecopyError(error) ? error.message : String(error)}`];
  };
  const unreachable = summary.unreachable.get(providerOf(task));
  if (unreachable !== undefined) {
    return fail(
      new WirecopyError(
        Errors.FetchFailed,
        `${providerOf(task)} could not be reached (${unreachable}), so ${label} was not fetched.`,
        { hint: 'Check the network connection and try again; the store was not changed.' },
      ),
    );
  }
  const run = await runFetches([task], deps, 1);
  summary.requests += run.requests;
  const outcome = run.outcomes[0]!;
  if (!outcome.ok) return fail(outcome.error);
  const store = ctx.store();
  if ('snapshot' in outcome.result) {
    try {
      storeOutcome(store, outcome);
    } catch (error) {
      return fail(error);
    }
    summary.stored++;
    return [optionsLine(label, outcome.result)];
  }
  const result = outcome.result;
  const errors = fetchErrors(result);
  if (errors.length > 0) {
    summary.rejected.push({ label, errors });
    return rejectedLines(task, result, newYorkDate(deps.now));
  }
  const before = new Map(store.loadBars(result.symbol, result.source).map((b) => [b.date, b.close]));
  try {
    storeOutcome(store, outcome);
  } catch (error) {
    return fail(error);
  }
  summary.stored++;
  summary.bars += result.bars.length;
  return seriesLines(task, result, before, newYorkDate(deps.now));
}

function seriesLines(
  task: FetchTask,
  result: FetchResult,
  before: ReadonlyMap<IsoDate, number>,
  today: IsoDate,
): string[] {
  const fresh = result.bars.filter((b) => !before.has(b.date)).length;
  const revised = result.bars.filter((b) => before.has(b.date) && before.get(b.date) !== b.close).length;
  const from = task.kind === 'series' ? task.request.from : undefined;
  const noun = result.bars.length === 1 ? 'bar' : 'bars';
  const lines = [
    `${labelOf(task)} ${from ?? ''}..${today} +${result.bars.length} ${noun} (${fresh} new, ${revised} revised)`,
  ];
  return [...lines, ...problemLines(result)];
}

function rejectedLines(task: FetchTask, result: FetchResult, today: IsoDate): string[] {
  const from = task.kind === 'series' ? task.request.from : undefined;
  const errors = fetchErrors(result).length;
  return [
    `${labelOf(task)} ${from ?? ''}..${today} fetched with errors (${errors === 1 ? '1 error' : `${errors} errors`}): nothing stored`,
    ...problemLines(result),
  ];
}

function problemLines(result: FetchResult): string[] {
  // `fetch/empty` is what "+0 bars" already says.
  const problems = result.problems.filter((p) => p.code !== 'fetch/empty');
  const lines = problems.slice(0, 5).map((p) => `  ${p.severity} ${p.code}: ${p.message}`);
  if (problems.length > 5) lines.push(`  ... and ${problems.length - 5} more problems`);
  return lines;
}

function optionsLine(label: string, result: OptionsSnapshotResult): string {
  const { snapshot } = result;
  return `${label} ${snapshot.date} snapshot, ${snapshot.expiries} expiries, ${thousands(snapshot.callVolume + snapshot.putVolume)} contracts traded`;
}

function labelOf(task: FetchTask): string {
  return task.kind === 'options'
    ? `${task.request.symbol} options`
    : `${task.request.symbol} ${task.provider}`;
}

function providerOf(task: FetchTask): ProviderName {
  return task.kind === 'options' ? 'yahoo' : task.provider;
}

export function fetchDeps(ctx: CommandContext, now: Date): FetchDeps {
  const { timeoutMs, totalMs, maxAnswerBytes, urls } = ctx.config.fetch;
  return {
    now,
    baseUrls: urls,
    keys: ctx.config.keys,
    registry: ctx.registry,
    allowFutureRows: ctx.env['WIRECOPY_ALLOW_FUTURE_ROWS'] === '1',
    http: {
      ...(timeoutMs ? { timeoutMs } : {}),
      ...(totalMs ? { totalMs } : {}),
      ...(maxAnswerBytes ? { maxAnswerBytes } : {}),
    },
  };
}

/** The tasks of the daily fetch, narrowed to the selection, each starting where its series needs it. */
export function planIncremental(ctx: CommandContext, selection: FetchSelection, now: Date): FetchTask[] {
  const today = newYorkDate(now);
  const since = checkSince(selection.since, today);
  if (selection.source !== undefined && !PROVIDERS.includes(selection.source)) {
    throw new WirecopyError(
      Errors.Usage,
      `--source ${selection.source} is not a provider wirecopy fetches from.`,
      {
        hint: 'Use yahoo, fred or stooq (Stooq needs STOOQ_API_KEY).',
      },
    );
  }
  if (selection.source === 'stooq' && !ctx.config.keys.stooq) {
    throw new WirecopyError(Errors.Usage, '--source stooq needs a Stooq API key, and none is set.', {
      hint: 'Set STOOQ_API_KEY in the environment (Stooq requires a key since 2026), or fetch from yahoo or fred.',
    });
  }
  const { fetch } = ctx.config;
  const wanted = selection.symbols === undefined ? undefined : parseSymbols(ctx, selection.symbols);
  const tasks = planFetches(ctx.registry, {
    now,
    futureMonths: fetch.futureMonths,
    optionsSymbols: fetch.optionsSymbols,
    stooqKey: ctx.config.keys.stooq,
  }).filter(
    (task) =>
      (selection.source === undefined || providerOf(task) === selection.source) &&
      (wanted === undefined ||
        wanted.has(task.request.symbol) ||
        (wanted.has('ZQ') && task.request.symbol.startsWith('ZQ_'))),
  );
  const planned = new Set(tasks.map((t) => t.request.symbol));
  const unplanned = [...(wanted ?? [])].filter((s) => !planned.has(s));
  if (unplanned.length > 0 || tasks.length === 0) {
    throw new WirecopyError(
      Errors.Usage,
      `Nothing to fetch for ${unplanned.join(', ') || 'that selection'}${selection.source ? ` from ${selection.source}` : ''}: no live source carries it.`,
      {
        hint: 'Import such series from a file (wirecopy import); `wirecopy fetch` alone fetches every series that has a provider ticker.',
      },
    );
  }
  const lastStored = new Map(
    ctx
      .store()
      .summary()
      .filter((s) => s.dataset === 'live')
      .map((s) => [`${s.symbol}|${s.source}`, s.last]),
  );
  return tasks.map((task) => {
    if (task.kind === 'options') return task;
    const last = lastStored.get(`${task.request.symbol}|${task.provider}`);
    const from =
      since ?? (last ? sessionsBefore(last, fetch.revisionSessions) : undefined) ?? fetch.historyFrom;
    return { ...task, request: { ...task.request, from } };
  });
}

/** `n` NYSE sessions before `date`: the start of the window fetched again for revisions. */
function sessionsBefore(date: IsoDate, n: number): IsoDate {
  if (date <= CALENDAR_FIRST || date > CALENDAR_LAST) return addDays(date, -2 * n);
  let start = date;
  for (let i = 0; i < n && start > CALENDAR_FIRST; i++) start = previousSession(start);
  return start;
}

function checkSince(since: string | undefined, today: IsoDate): IsoDate | undefined {
  if (since === undefined) return undefined;
  if (!isIsoDate(since) || since > today) {
    throw new WirecopyError(Errors.Usage, `--since ${since} is not a date on or before today (${today}).`, {
      hint: 'Write it as YYYY-MM-DD, e.g. --since 2025-11-03.',
    });
  }
  return since;
}

/** `RUT,^GSPC,zq` → `{RUT, SPX, ZQ}`; an unknown name is a usage error. */
function parseSymbols(ctx: CommandContext, text: string): Set<SymbolKey> {
  const keys = new Set<SymbolKey>();
  for (const name of text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const key = name.toUpperCase() === 'ZQ' ? 'ZQ' : ctx.registry.resolve(name)?.key;
    if (key === undefined) {
      throw new WirecopyError(Errors.UnknownSymbol, `--symbols ${name} is not a configured series.`, {
        hint: `Use keys or aliases of ${ctx.registry.keys().join(', ')}, ZQ (fed funds futures) or ZQ_YYYYMM; or add the series under "symbols" in the config.`,
      });
    }
    keys.add(key);
  }
  return keys;
}

/**
 * The error a fetch with failures or rejected series ends with (null when there were none):
 * every such series, why, and what to do.
 */
export function fetchIncomplete(
  summary: FetchSummary,
  options: { stoppedFails: boolean } = { stoppedFails: true },
): WirecopyError | null {
  const { failed, rejected, planned } = summary;
  const stopped = options.stoppedFails ? summary.stopped : [];
  if (failed.length === 0 && rejected.length === 0 && stopped.length === 0) return null;
  const details = [
    ...(stopped.length > 0
      ? [
          `not fetched before the time limit of ${summary.runTimeoutMs / 1000} s: ${stopped.join(', ')}`,
          '  The providers are slow or not answering: try again later, or allow more time with fetch.runTimeoutMs.',
        ]
      : []),
    ...failed.flatMap(({ label, error }) => {
      const message = isWirecopyError(error) ? error.message : String(error);
      const hint = isWirecopyError(error) && error.hint ? [`  ${error.hint}`] : [];
      return [`${label}: ${message}`, ...hint];
    }),
    ...rejected.flatMap(({ label, errors }) => [
      ...errors.slice(0, 5).map((p) => `${label}: ${p.code}: ${p.message} (${problemPlace(p)})`),
      ...(errors.length > 5 ? [`${label}: ... and ${errors.length - 5} more errors`] : []),
      ...(errors[0]?.hint ? [`  ${errors[0].hint}`] : []),
    ]),
  ];
  const parts = [
    ...(failed.length + stopped.length > 0
      ? [`${failed.length + stopped.length} of ${planned} series could not be fetched`]
      : []),
    ...(rejected.length > 0
      ? [
          `${rejected.length} of ${planned} series ${rejected.length === 1 ? 'was' : 'were'} fetched with errors`,
        ]
      : []),
  ];
  return new WirecopyError(
    failed.length + stopped.length > 0 ? Errors.FetchIncomplete : Errors.FetchedWithErrors,
    `${parts.join(' and ')}; the store holds none of their new data and everything else that was fetched.`,
    {
      details,
      hint: 'Fix what each line names, then run `wirecopy fetch` again: it fetches only what is missing.',
    },
  );
}

/** `RUT, 2025-11-13, http://...`: where a fetched row's problem is (the label names the provider). */
function problemPlace(problem: InputProblem): string {
  return [problem.symbol, problem.date, problem.file].filter(Boolean).join(', ');
}

/** Why nothing was fetched: every provider was out of reach. */
export function networkUnreachable(summary: FetchSummary): WirecopyError {
  return new WirecopyError(
    Errors.NetworkUnreachable,
    `No data provider could be reached (${unreachableText(summary)}); nothing was fetched and the store was not changed.`,
    { hint: 'Check the network connection (and WIRECOPY_*_URL if set), then fetch again.' },
  );
}

export function unreachableText(summary: FetchSummary): string {
  return [...summary.unreachable].map(([provider, why]) => `${provider}: ${why}`).join('; ');
}

export function fetchSummaryLine(ctx: CommandContext, summary: FetchSummary): string {
  const rejected = summary.rejected.length;
  const withErrors = rejected > 0 ? `; ${rejected} fetched with errors, not stored` : '';
  const stopped = summary.stopped.length;
  const cut = stopped > 0 ? `; ${stopped} not fetched: ${timeLimitText(summary)}` : '';
  return `Fetched ${summary.stored} of ${summary.planned} series into ${ctx.config.store}: +${thousands(summary.bars)} bars, ${summary.requests} requests, ${summary.seconds.toFixed(1)} s${withErrors}${cut}.`;
}

/** `the fetch reached its time limit of 300 s (fetch.runTimeoutMs)`. */
export function timeLimitText(summary: FetchSummary): string {
  return `the fetch reached its time limit of ${summary.runTimeoutMs / 1000} s (fetch.runTimeoutMs)`;
}

export function fetchCommand(context: () => CommandContext): Command {
  return new Command('fetch')
    .description('bring the store up to date from Yahoo Finance, FRED (and Stooq with a key), incrementally')
    .option('--symbols <keys>', 'comma-separated series, e.g. RUT,SPX,DGS2 (default: every configured one)')
    .option(
      '--since <date>',
      'fetch from this date, YYYY-MM-DD (default: 5 sessions before the last stored one)',
    )
    .option('--source <name>', 'only this provider: yahoo, fred or stooq')
    .option('--json', 'print one JSON object: the fetch summary (stored, failed, rejected, stopped...)')
    .action(async (options: FetchSelection & { json?: boolean }) => {
      const ctx = context();
      await ctx.lock('store', 'fetch');
      const summary = await fetchToStore(ctx, options);
      if (summary.offline) throw networkUnreachable(summary);
      if (options.json) {
        printJson(ctx, {
          store: ctx.config.store,
          ...summary,
          unreachable: Object.fromEntries(summary.unreachable),
        });
      } else ctx.io.out(fetchSummaryLine(ctx, summary));
      const incomplete = fetchIncomplete(summary);
      if (incomplete !== null) throw incomplete;
    });
}
