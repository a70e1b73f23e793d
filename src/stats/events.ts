/**
 * Event studies (`pattern.<id>.…`): when a configured signal fires, what followed its earlier
 * occurrences over 21, 63, 126 and 252 sessions, next to what followed every session (the
 * baseline). Signals are data, not code, so the config file can add one.
 *
 * Indexing is O(n log n) per signal (occurrences in one pass, prefix summaries per horizon, see
 * event-stats.ts); the stats at a session are O(1), so a backfill stays O(n log n) in all.
 */
import { z } from 'zod';
import type { Series } from '../types.ts';
import { LazyPrefixes, type SampleSummary } from './event-stats.ts';
import { computed, missing, needsSessions, rangeInput } from './results.ts';
import type { StatRange, StatResult } from './types.ts';

export const signalConfigSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a lowercase slug such as three-day-surge'),
  /** What copy calls it: "three-day surge". */
  name: z.string().min(1).optional(),
  kind: z.literal('consecutive-returns'),
  /** Consecutive sessions whose daily return is at least `minReturn` (a fraction: 0.015 = 1.5%). */
  sessions: z.number().int().min(1),
  minReturn: z.number(),
  /** After an occurrence, new ones within this many sessions are ignored. */
  cooldownSessions: z.number().int().min(0).optional(),
});

export type SignalConfig = z.infer<typeof signalConfigSchema>;

export const THREE_DAY_SURGE: SignalConfig = {
  id: 'three-day-surge',
  name: 'three-day surge',
  kind: 'consecutive-returns',
  sessions: 3,
  minReturn: 0.015,
};

export const DEFAULT_SIGNALS: readonly SignalConfig[] = [THREE_DAY_SURGE];

/** Forward windows, in sessions: about one month, a quarter, half a year and a year. */
export const PATTERN_HORIZONS = [21, 63, 126, 252] as const;
/** A signal on the as-of session or the 4 before it is news; an older one is history. */
export const RECENT_SESSIONS = 5;
/** Fewer occurrences than this and the study says so (`small_sample`). */
export const SMALL_SAMPLE = 10;
/** A 21-session median move within ±0.5% is "treading water". */
export const TREADED_WATER_BAND = 0.005;

/**
 * Slack for binary rounding only: 101.5 / 100 − 1 is 0.014999999999999902 in doubles, and a move
 * of exactly 1.5% must count. It is far below any real rounding of closes (float32 closes are
 * off by ~1e-7), so a return that rounds to 1.5% but is below it still does not count.
 */
const RETURN_SLACK = 1e-12;

export interface PatternIndex {
  config: SignalConfig;
  /** Session indexes of the occurrences, ascending. */
  occurrences: Int32Array;
  /** `countBefore[k]`: occurrences at session indexes below k, for k = 0..n. */
  countBefore: Int32Array;
  /** One per `PATTERN_HORIZONS` entry, in the same order. */
  horizons: HorizonIndex[];
}

interface HorizonIndex {
  sessions: number;
  /** Forward returns of the occurrences that have a full window in the series, in order. */
  events: LazyPrefixes;
  /** Forward returns of every session with a full window in the series, in order. */
  baseline: LazyPrefixes;
}

/** The rule in words, for the fact's definition and the draft's caveat. */
export function describeSignal(config: SignalConfig): string {
  const { sessions, minReturn } = config;
  const percent = `${Number((Math.abs(minReturn) * 100).toFixed(6))}%`;
  const move = minReturn >= 0 ? `up at least ${percent}` : `down no more than ${percent}`;
  const run = sessions === 1 ? `a session ${move}` : `${sessions} consecutive sessions each ${move}`;
  const cooldown = config.cooldownSessions
    ? `signals within ${config.cooldownSessions} sessions after an occurrence ignored`
    : 'no cooldown';
  return `${run} (unrounded), edge-triggered, ${cooldown}`;
}

/**
 * Session indexes where the signal fires. Edge-triggered: it fires on the first session the
 * condition holds after a session it did not, so a 4-session run of gains fires once, on its
 * 3rd session. An edge within the cooldown of the last occurrence is dropped, and does not
 * extend the cooldown: the run that caused it is the one already counted.
 */
export function findOccurrences(closes: readonly number[], config: SignalConfig): Int32Array {
  const { sessions, minReturn } = signalConfigSchema.parse(config);
  const cooldown = config.cooldownSessions ?? 0;
  const found: number[] = [];
  let run = 0;
  let held = false;
  let last = Number.NEGATIVE_INFINITY;
  for (let k = 1; k < closes.length; k++) {
    run = closes[k]! / closes[k - 1]! - 1 >= minReturn - RETURN_SLACK ? run + 1 : 0;
    const holds = run >= sessions;
    if (holds && !held && k - last > cooldown) {
      found.push(k);
      last = k;
    }
    held = holds;
  }
  return Int32Array.from(found);
}

export function indexPattern(closes: readonly number[], config: SignalConfig): PatternIndex {
  const occurrences = findOccurrences(closes, config);
  const n = closes.length;
  const countBefore = new Int32Array(n + 1);
  for (let k = 0, seen = 0; k < n; k++) {
    if (seen < occurrences.length && occurrences[seen] === k) seen++;
    countBefore[k + 1] = seen;
  }
  const horizons = PATTERN_HORIZONS.map((h): HorizonIndex => {
    // Plain loops over typed arrays: the baseline is a value per session of history, per horizon.
    const forward = (k: number) => closes[k + h]! / closes[k]! - 1;
    const events = Float64Array.from(occurrences.filter((k) => k + h < n));
    for (let e = 0; e < events.length; e++) events[e] = forward(events[e]!);
    const baseline = new Float64Array(Math.max(0, n - h));
    for (let k = 0; k < baseline.length; k++) baseline[k] = forward(k);
    return { sessions: h, events: new LazyPrefixes(events), baseline: new LazyPrefixes(baseline) };
  });
  return { config, occurrences, countBefore, horizons };
}

/** One index per signal; two signals with one id would report the same stat ids twice. */
export function indexPatterns(closes: readonly number[], signals: readonly SignalConfig[]): PatternIndex[] {
  assertUniqueSignals(signals);
  return signals.map((signal) => indexPattern(closes, signal));
}

export function assertUniqueSignals(signals: readonly SignalConfig[]): void {
  const ids = new Set<string>();
  for (const signal of signals) {
    if (ids.has(signal.id))
      throw new RangeError(`two signals are named ${signal.id}; pattern ids must be unique`);
    ids.add(signal.id);
  }
}

/**
 * The study at session `i`. The recent signal (if any) is what the study is about, so its
 * evidence is the occurrences strictly before it; with no recent signal, those through `i`.
 * Of those, only the ones whose window ends by `i` count: a study never reads past its as-of.
 */
export function patternStatsAt(series: Series, pattern: PatternIndex, i: number): StatResult[] {
  const prefix = `pattern.${pattern.config.id}.`;
  const through = pattern.countBefore[i + 1]!;
  const latest = through > 0 ? pattern.occurrences[through - 1]! : -1;
  const recent = latest >= 0 && latest > i - RECENT_SESSIONS ? latest : -1;
  const prior = pattern.countBefore[recent >= 0 ? recent : i + 1]!;
  // Occurrence detection reads the whole history (edges and cooldowns chain), and so does the baseline.
  const history = rangeInput(series, 0, i);
  const results = [
    computed(`${prefix}last_signal_date`, recent >= 0 ? series.dates[recent]! : null, [history]),
    computed(`${prefix}prior_occurrences`, prior, [history]),
    // The rule's own numbers, so copy that states the rule prints facts, not literals.
    computed(`${prefix}rule.sessions`, pattern.config.sessions, []),
    computed(`${prefix}rule.min_return`, pattern.config.minReturn, []),
  ];
  let monthMedian: number | string = '';
  for (const { sessions: h, events, baseline } of pattern.horizons) {
    // Occurrences with a full window by i are those at or before i − h: a prefix of the list,
    // as is the baseline (sessions 0 .. i − h).
    const n = Math.min(prior, pattern.countBefore[Math.max(0, i - h + 1)]!);
    const study = events.summary(n);
    const base = baseline.summary(i - h + 1);
    const why = study ? '' : noEarlierWindow(series, pattern.config.id, h, i, prior);
    const baseWhy = base ? '' : needsSessions(series, h + 1, i);
    const id = `${prefix}h${h}.`;
    results.push(
      computed(`${id}n`, n, [history]),
      computed(`${id}excluded`, prior - n, [history]),
      computed(`${id}small_sample`, n < SMALL_SAMPLE, [history]),
      ...summaryStats(id, study, why, history),
      computed(`${id}baseline.n`, base?.n ?? 0, [history]),
      ...summaryStats(`${id}baseline.`, base, baseWhy, history),
      study && base
        ? computed(`${id}beat_baseline`, study.mean > base.mean, [history])
        : missing(`${id}beat_baseline`, why || baseWhy),
    );
    if (h === PATTERN_HORIZONS[0]) monthMedian = study ? study.median : why;
  }
  results.push(
    typeof monthMedian === 'number'
      ? computed(`${prefix}treaded_water`, Math.abs(monthMedian) <= TREADED_WATER_BAND, [history])
      : missing(`${prefix}treaded_water`, monthMedian),
  );
  return results;
}

const SUMMARY_STATS = ['mean', 'median', 'hit_rate', 'min', 'max'] as const;

function summaryStats(
  prefix: string,
  summary: SampleSummary | undefined,
  reason: string,
  history: StatRange,
): StatResult[] {
  if (!summary) return SUMMARY_STATS.map((id) => missing(prefix + id, reason));
  const values = [summary.mean, summary.median, summary.hitRate, summary.min, summary.max];
  return SUMMARY_STATS.map((id, k) => computed(prefix + id, values[k]!, [history]));
}

function noEarlierWindow(series: Series, id: string, h: number, i: number, prior: number): string {
  const has = prior === 0 ? 'has none' : `has ${prior}, none with a full window`;
  return `needs an earlier ${id} signal of ${series.symbol} followed by ${h} sessions through ${series.dates[i]}; ${has}`;
}
