/**
 * Facts that are not about one index's closes: Treasury yields on NYSE sessions, the odds of a
 * Fed cut from fed funds futures (CME FedWatch method), IWM options positioning, analyst
 * targets from the desk's inputs, and value against growth. Each returns stat results under the
 * prefix its facts carry (`DGS2`, `FED`, `IWM`, `RUT`, ...).
 */
import { addDays, toDayNumber } from '../calendar/dates.ts';
import { fomcCalendarAsOf } from '../calendar/fomc.ts';
import { isSession, previousSession, sessionsBetween } from '../calendar/nyse.ts';
import { nextMeetingStatsAt, targetChangeStatsAt } from '../stats/fed-target.ts';
import { cutProbabilityChangeStat, type FedFundsFuture, fedWatch, fedWatchStats } from '../stats/fedwatch.ts';
import { type OptionsSnapshot, optionsStatsAt } from '../stats/options.ts';
import { indexOnOrBefore } from '../stats/periods.ts';
import { alignedIndex, RATE_CHANGE_WINDOWS, rateStatsAt } from '../stats/rates.ts';
import { closeInput } from '../stats/results.ts';
import { type PriceTarget, targetUpsideStats } from '../stats/targets.ts';
import type { StatResult } from '../stats/types.ts';
import type { InputProblem, IsoDate, Series, SymbolKey } from '../types.ts';

export interface MacroSource {
  /**
   * The series through `through` (it may hold later closes too: every reader here looks a
   * session up on or before its date).
   */
  loadSeries(symbol: SymbolKey, through?: IsoDate, from?: IsoDate): Series | undefined;
  /** Keys of every series in the store (to find the fed funds contracts held). */
  symbols?(): SymbolKey[];
  loadOptionsSnapshots?(symbol: SymbolKey): OptionsSnapshot[];
}

/**
 * Series whose facts at a session read back at most to the last session of the prior year
 * (`change.ytd`; `change.21d` and the target range's level a few weeks): a build needs them only
 * from `recentFrom` of its first session on. The upper limit of the target range is not one of
 * them: the last change and the first cut since reach back to 2008.
 */
export const RECENT_SERIES: readonly SymbolKey[] = ['DGS2', 'DGS10', 'DFEDTARL'];

/** Nov. 1 of the year before `session`: earlier than any base a recent series' fact reads. */
export function recentFrom(session: IsoDate): IsoDate {
  return `${Number(session.slice(0, 4)) - 1}-11-01`;
}

export interface StatGroup {
  prefix: string;
  results: StatResult[];
}

/** `DGS2.level`, `DGS2.change.1d|5d|21d|mtd|ytd` (basis points), likewise DGS10. */
export function rateGroups(source: MacroSource, asOf: IsoDate, symbols = ['DGS2', 'DGS10']): StatGroup[] {
  if (!isSession(asOf)) return [];
  return symbols.map((symbol) => {
    const series = source.loadSeries(symbol, asOf);
    if (!series) {
      const reason = `no ${symbol} data in the store; run \`wirecopy fetch --source fred\` or import FRED_rates.csv`;
      return {
        prefix: symbol,
        results: ['level', ...RATE_CHANGE_WINDOWS.map((w) => w.id)].map((id) => ({ id, missing: reason })),
      };
    }
    // The stats are in percentage points; copy speaks of basis points.
    const results = rateStatsAt(series, asOf).map((r) =>
      r.id.startsWith('change.') && 'value' in r && typeof r.value === 'number'
        ? { ...r, value: Math.round(r.value * 10_000) / 100 }
        : r,
    );
    return { prefix: symbol, results };
  });
}

/** The fed funds contracts held (`ZQ_202612` → month `2026-12`), each loaded once. */
function loadFutures(source: MacroSource, through: IsoDate): Array<{ month: string; series: Series }> {
  const held: Array<{ month: string; series: Series }> = [];
  for (const symbol of source.symbols?.() ?? []) {
    const month = /^ZQ_(\d{4})(\d{2})$/.exec(symbol);
    const series = month ? source.loadSeries(symbol, through) : undefined;
    if (month && series) held.push({ month: `${month[1]}-${month[2]}`, series });
  }
  return held.sort((a, b) => a.month.localeCompare(b.month));
}

/** Each contract's settlement on or before `date`; one more than 4 days old is not that day's market. */
function futuresOn(held: ReadonlyArray<{ month: string; series: Series }>, date: IsoDate): FedFundsFuture[] {
  const futures: FedFundsFuture[] = [];
  for (const { month, series } of held) {
    const i = indexOnOrBefore(series, date);
    if (i < 0 || toDayNumber(date) - toDayNumber(series.dates[i]!) > 4) continue;
    futures.push({ month, price: series.closes[i]!, date: series.dates[i]! });
  }
  return futures;
}

function targetRangeOn(
  source: MacroSource,
  date: IsoDate,
): { lower: number; upper: number; date: IsoDate } | string {
  const lower = source.loadSeries('DFEDTARL', date);
  const upper = source.loadSeries('DFEDTARU', date);
  if (!lower || !upper)
    return 'no fed funds target range (DFEDTARL, DFEDTARU) in the store; fetch or import FRED data';
  const i = alignedIndex(lower, date);
  const j = alignedIndex(upper, date);
  if (typeof i === 'string') return i;
  if (typeof j === 'string') return j;
  return { lower: lower.closes[i]!, upper: upper.closes[j]!, date: lower.dates[i]! };
}

/** The FOMC decision days known on `date`: the calendar in the repo and the desk's notes. */
function meetingsKnownOn(date: IsoDate, extraMeetings: readonly IsoDate[]): IsoDate[] {
  return [...new Set([...fomcCalendarAsOf(date), ...extraMeetings])].sort();
}

/**
 * The Fed from stored data alone, futures or not: `FED.next_meeting` and the sessions until it,
 * the target range (`FED.target.lower`, `.upper`), its last change (`FED.target.last_change_*`)
 * and `FED.target.first_since` (see src/stats/fed-target.ts).
 */
export function fedContextGroup(
  source: MacroSource,
  asOf: IsoDate,
  extraMeetings: readonly IsoDate[] = [],
): StatGroup {
  const results = nextMeetingStatsAt(asOf, meetingsKnownOn(asOf, extraMeetings));
  const lower = source.loadSeries('DFEDTARL', asOf);
  const upper = source.loadSeries('DFEDTARU', asOf);
  const range = targetRangeOn(source, asOf);
  const rangeIds = ['target.lower', 'target.upper'];
  const changeIds = [
    'target.last_change_date',
    'target.last_change_bp',
    'target.last_change_cut',
    'target.first_since',
  ];
  if (typeof range === 'string' || !lower || !upper) {
    const reason = typeof range === 'string' ? range : 'no fed funds target range in the store';
    return {
      prefix: 'FED',
      results: [...results, ...[...rangeIds, ...changeIds].map((id) => ({ id, missing: reason }))],
    };
  }
  const i = indexOnOrBefore(lower, asOf);
  const j = indexOnOrBefore(upper, asOf);
  results.push(
    { id: 'target.lower', value: range.lower, inputs: [closeInput(lower, i)] },
    { id: 'target.upper', value: range.upper, inputs: [closeInput(upper, j)] },
    ...targetChangeStatsAt(upper, asOf),
  );
  return { prefix: 'FED', results };
}

/** `FED.cut_probability.next` and `.change` (since the odds about a week earlier). */
export function fedGroup(
  source: MacroSource,
  asOf: IsoDate,
  extraMeetings: readonly IsoDate[] = [],
  changeDays = 7,
): StatGroup {
  const meetingsOn = (date: IsoDate) => meetingsKnownOn(date, extraMeetings);
  const ids = ['cut_probability.next', 'hike_probability.next', 'cut_probability.change'];
  const held = loadFutures(source, asOf);
  const futures = futuresOn(held, asOf);
  const target = targetRangeOn(source, asOf);
  const why =
    typeof target === 'string'
      ? target
      : futures.length === 0
        ? `no fed funds futures (ZQ contracts) with a settlement within 4 days of ${asOf}; fetch or import them`
        : undefined;
  if (why !== undefined || typeof target === 'string')
    return { prefix: 'FED', results: ids.map((id) => ({ id, missing: why! })) };
  const input = { asOf, currentTarget: target, futures, meetings: meetingsOn(asOf) };
  const [next] = fedWatchStats(input);
  const now = fedWatch(input).meetings[0];
  if (!next || !now || !('value' in next)) {
    // Every odds fact fails for the same reason: say it once per fact, in the pricer's words.
    const reason = next && 'missing' in next ? next.missing : 'no FOMC meeting could be priced';
    return { prefix: 'FED', results: ids.map((id) => ({ id, missing: reason })) };
  }
  // Earlier odds are worked out the same way from the settlements stored for those sessions.
  const wanted = addDays(asOf, -changeDays);
  const snapshots = sessionsBetween(addDays(wanted, -5), previousSession(asOf)).flatMap((date) => {
    const range = targetRangeOn(source, date);
    const then = futuresOn(held, date);
    if (typeof range === 'string' || then.length === 0) return [];
    const meeting = fedWatch({
      asOf: date,
      currentTarget: range,
      futures: then,
      meetings: meetingsOn(date),
    }).meetings[0];
    return meeting ? [{ date, cutProbability: meeting.cutProbability, meeting: meeting.date }] : [];
  });
  const change = cutProbabilityChangeStat(
    { date: asOf, cutProbability: now.cutProbability, meeting: now.date },
    snapshots,
    wanted,
  );
  const hike = { id: 'hike_probability.next', value: now.hikeProbability, inputs: next.inputs };
  return { prefix: 'FED', results: [next, hike, change] };
}

/** `IWM.options.*` from the stored daily snapshots. */
export function optionsGroup(source: MacroSource, asOf: IsoDate, symbol = 'IWM'): StatGroup {
  const snapshots = source.loadOptionsSnapshots?.(symbol) ?? [];
  return { prefix: symbol, results: optionsStatsAt(symbol, snapshots, asOf) };
}

/** `S.target.<org>.upside` for each index with a close, and the problems with the targets. */
export function targetGroups(
  targets: readonly PriceTarget[],
  closes: ReadonlyArray<{ symbol: SymbolKey; series: Series; index: number }>,
  maxAgeDays?: number,
): { groups: StatGroup[]; problems: InputProblem[] } {
  const groups: StatGroup[] = [];
  const problems: InputProblem[] = [];
  for (const { symbol, series, index } of closes) {
    if (!targets.some((t) => t.index === symbol)) continue;
    const result = targetUpsideStats(targets, closeInput(series, index), maxAgeDays);
    groups.push({ prefix: symbol, results: result.results });
    problems.push(...result.problems);
  }
  return { groups, problems };
}
