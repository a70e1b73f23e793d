/**
 * A series' lead over its benchmark over rolling windows, and the year-to-date race.
 *
 * A lead is measured two ways, and each fact says which:
 * - `spread.Nd`, in points: S's N-session return minus B's (0.03 = 3 percentage points), the
 *   way desks quote "beat the S&P 500 by 3 points";
 * - `relative.Nd`, as a ratio: (1 + S's return) ÷ (1 + B's return) − 1, S's close-to-close
 *   ratio against B's, which compounds and does not depend on the level of the market.
 * `….widest_since` names the end of the most recent earlier, non-overlapping window with a lead
 * at least as wide (see rolling-since.ts); windows run over the sessions both series have.
 *
 * The race: `spread.ytd.change.5d|21d` is how the year-to-date spread moved, with the race
 * level (0) at the start of the year when the earlier session is in the year before; the
 * `ytd_race.*` flags read it with the thresholds in `facts.ytdRace`.
 */
import { priorPeriodClose } from './periods.ts';
import type { LazySince } from './recent-at-least.ts';
import type { PairAnalysis } from './relative.ts';
import { closeInput, computed, missing, rangeInput } from './results.ts';
import { laggedSince } from './rolling-since.ts';
import { DEFAULT_SUPERLATIVE_MIN_PERIODS, isNotable, type SuperlativeMinPeriods } from './superlatives.ts';
import type { StatInputs, StatResult } from './types.ts';

export const LEAD_WINDOWS = [5, 21] as const;
type LeadWindow = (typeof LEAD_WINDOWS)[number];
type LeadMeasure = 'spread' | 'relative';

export interface YtdRaceThresholds {
  nearlyCaughtUp: number;
  gapMove: number;
}

export const DEFAULT_YTD_RACE: YtdRaceThresholds = { nearlyCaughtUp: 0.01, gapMove: 0.01 };

/** Per window and measure, over common sessions: the lead at a common session, and the widest-since answer. */
export type LeadIndex = Record<
  LeadMeasure,
  Record<LeadWindow, { lead: (k: number) => number; since: LazySince }>
>;

type Pair = Pick<PairAnalysis, 's' | 'b' | 'commonS' | 'commonB'>;

/** Nothing is computed here: each lead and answer is worked out when asked for (`LazySince`). */
export function indexLeads(p: Pair): LeadIndex {
  const n = p.commonS.length;
  const out = { spread: {}, relative: {} } as LeadIndex;
  for (const w of LEAD_WINDOWS) {
    const sGrowth = (k: number) => p.s.closes[p.commonS[k]!]! / p.s.closes[p.commonS[k - w]!]!;
    const bGrowth = (k: number) => p.b.closes[p.commonB[k]!]! / p.b.closes[p.commonB[k - w]!]!;
    const spread = (k: number) => (k < w ? Number.NaN : sGrowth(k) - bGrowth(k));
    const relative = (k: number) => (k < w ? Number.NaN : sGrowth(k) / bGrowth(k) - 1);
    out.spread[w] = { lead: spread, since: laggedSince(n, w, spread) };
    out.relative[w] = { lead: relative, since: laggedSince(n, w, relative) };
  }
  return out;
}

/** `vs.B.spread|relative.5d|21d`, each with `.widest_since` and `.widest_since.notable`. */
export function leadStatsAt(
  p: PairAnalysis,
  i: number,
  j: number,
  prefix: string,
  min: SuperlativeMinPeriods = DEFAULT_SUPERLATIVE_MIN_PERIODS,
): StatResult[] {
  const k = p.commonOfS[i]!;
  const results: StatResult[] = [];
  for (const measure of ['spread', 'relative'] as const) {
    for (const w of LEAD_WINDOWS) {
      const id = `${prefix}${measure}.${w}d`;
      if (k < w) {
        const reason = `needs ${w + 1} sessions that both ${p.s.symbol} and ${p.b.symbol} have, through ${p.s.dates[i]}; has ${k + 1}`;
        results.push(
          missing(id, reason),
          missing(`${id}.widest_since`, reason),
          missing(`${id}.widest_since.notable`, reason),
        );
        continue;
      }
      const { lead, since } = p.leads[measure][w];
      const value = lead(k);
      const inputs: StatInputs = [
        closeInput(p.s, p.commonS[k - w]!),
        closeInput(p.s, i),
        closeInput(p.b, p.commonB[k - w]!),
        closeInput(p.b, j),
      ];
      const end = since.at(k);
      const sinceInputs: StatInputs = [...inputs];
      if (end >= 0)
        sinceInputs.push(
          closeInput(p.s, p.commonS[end - w]!),
          closeInput(p.s, p.commonS[end]!),
          closeInput(p.b, p.commonB[end - w]!),
          closeInput(p.b, p.commonB[end]!),
        );
      else sinceInputs.push(rangeInput(p.s, p.commonS[0]!, i), rangeInput(p.b, p.commonB[0]!, j));
      const at = (c: number) => ({ index: c, date: p.s.dates[p.commonS[c]!]! });
      const kind = w === 5 ? 'window5' : 'window21';
      results.push(
        computed(id, value, inputs),
        computed(`${id}.widest_since`, end >= 0 ? at(end).date : null, sinceInputs),
        computed(
          `${id}.widest_since.notable`,
          isNotable(kind, min, value > 0, end >= 0 ? at(end) : null, at(k), at(0)),
          sinceInputs,
        ),
      );
    }
  }
  return results;
}

/** S's year-to-date return minus B's at common session `c`, with the closes it read; a reason when a base is missing. */
function ytdSpreadAt(p: PairAnalysis, c: number): { value: number; inputs: StatInputs } | string {
  const i = p.commonS[c]!;
  const j = p.commonB[c]!;
  const sBase = priorPeriodClose(p.s, p.sPeriods, 'year', i);
  const bBase = priorPeriodClose(p.b, p.bPeriods, 'year', j);
  if (typeof sBase === 'string') return sBase;
  if (typeof bBase === 'string') return bBase;
  return {
    // The same expression as `spread.ytd`.
    value: p.s.closes[i]! / p.s.closes[sBase]! - p.b.closes[j]! / p.b.closes[bBase]!,
    inputs: [closeInput(p.s, sBase), closeInput(p.s, i), closeInput(p.b, bBase), closeInput(p.b, j)],
  };
}

/**
 * `vs.B.spread.ytd.change.5d|21d` and the race flags `vs.B.ytd_race.nearly_caught_up`,
 * `.widening`, `.narrowing`, `.lead_changed` at S's session `i`.
 */
export function ytdRaceStatsAt(
  p: PairAnalysis,
  i: number,
  prefix: string,
  thresholds: YtdRaceThresholds = DEFAULT_YTD_RACE,
): StatResult[] {
  const ids = [
    'spread.ytd.change.5d',
    'spread.ytd.change.21d',
    'ytd_race.nearly_caught_up',
    'ytd_race.widening',
    'ytd_race.narrowing',
    'ytd_race.lead_changed',
  ].map((id) => prefix + id);
  const k = p.commonOfS[i]!;
  const now = ytdSpreadAt(p, k);
  if (typeof now === 'string') return ids.map((id) => missing(id, now));
  const year = p.s.dates[i]!.slice(0, 4);
  const earlier = (w: number): { value: number; inputs: StatInputs } | string => {
    if (k < w)
      return `needs ${w + 1} sessions that both ${p.s.symbol} and ${p.b.symbol} have, through ${p.s.dates[i]}`;
    const c = k - w;
    // Before the year began the race stood level.
    if (p.s.dates[p.commonS[c]!]!.slice(0, 4) !== year) return { value: 0, inputs: [] };
    return ytdSpreadAt(p, c);
  };
  const five = earlier(5);
  const month = earlier(21);
  const results: StatResult[] = [];
  const change = (id: string, then: typeof five) =>
    typeof then === 'string'
      ? missing(id, then)
      : computed(id, now.value - then.value, [...then.inputs, ...now.inputs]);
  results.push(change(ids[0]!, five), change(ids[1]!, month));
  if (typeof month === 'string') results.push(missing(ids[2]!, month));
  else {
    const close = now.value < 0 && -now.value <= thresholds.nearlyCaughtUp && now.value > month.value;
    results.push(computed(ids[2]!, close, [...month.inputs, ...now.inputs]));
  }
  if (typeof five === 'string') {
    for (const id of ids.slice(3)) results.push(missing(id, five));
    return results;
  }
  const inputs = [...five.inputs, ...now.inputs];
  const sameLeader = Math.sign(now.value) === Math.sign(five.value) && now.value !== 0;
  const grew = Math.abs(now.value) - Math.abs(five.value);
  results.push(
    computed(ids[3]!, sameLeader && grew >= thresholds.gapMove, inputs),
    computed(ids[4]!, sameLeader && -grew >= thresholds.gapMove, inputs),
    computed(
      ids[5]!,
      five.value !== 0 && now.value !== 0 && Math.sign(now.value) !== Math.sign(five.value),
      inputs,
    ),
  );
  return results;
}
