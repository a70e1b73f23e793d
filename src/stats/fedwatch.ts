/**
 * Rate-cut odds by the CME FedWatch method: per-meeting rates from fed funds futures
 * (fedwatch-rates.ts), the probability tree across meetings (fedwatch-tree.ts), and the stats
 * the desk quotes: the chance of a cut at the next meeting, and its change since a stored snapshot.
 */
import { toDayNumber } from '../calendar/dates.ts';
import type { IsoDate } from '../types.ts';
import { type MeetingRates, monthOf, monthRates, type RateAnchor, solveMeeting } from './fedwatch-rates.ts';
import {
  convolve,
  directionProbabilities,
  meetingSteps,
  type RangeProbability,
  STEP,
  type StepDistribution,
  type TargetRange,
  targetRanges,
} from './fedwatch-tree.ts';
import { computed, missing } from './results.ts';
import type { StatInput, StatResult } from './types.ts';

export type { RateAnchor } from './fedwatch-rates.ts';
export type { RangeProbability, TargetRange } from './fedwatch-tree.ts';

export interface FedFundsFuture {
  /** Contract month, `YYYY-MM`. */
  month: string;
  price: number;
  /** Session of the price, for provenance; as-of when absent. */
  date?: IsoDate;
}

export interface FedWatchInput {
  asOf: IsoDate;
  /** The target range in force on as-of, percent; `date` is the FRED observation read. */
  currentTarget: TargetRange & { date?: IsoDate };
  futures: readonly FedFundsFuture[];
  /** Decision dates as known on as-of, past ones included (see `fomcCalendarAsOf`). */
  meetings: readonly IsoDate[];
}

export interface FedWatchMeeting {
  date: IsoDate;
  /** Contract months read, `YYYY-MM`: this meeting's and its anchor's. */
  contracts: string[];
  anchor: RateAnchor;
  /** Implied effective rate before and after the meeting, percent. */
  rateStart: number;
  rateEnd: number;
  expectedChangeBp: number;
  /** This meeting alone: the two moves around its expected change, in basis points. */
  moves: Array<{ changeBp: number; probability: number }>;
  /** Target ranges after this meeting, every earlier meeting's outcomes included. */
  probabilities: RangeProbability[];
  /** Probability of a range below (equal to, above) the current one after this meeting. */
  cutProbability: number;
  unchangedProbability: number;
  hikeProbability: number;
}

export interface FedWatchResult {
  asOf: IsoDate;
  currentTarget: TargetRange;
  /** Upcoming meetings in date order, up to the first one that could not be priced. */
  meetings: FedWatchMeeting[];
  /** The first upcoming meeting that could not be priced, and why: later ones need it. */
  stopped: { date: IsoDate; reason: string } | null;
}

export function fedWatch(input: FedWatchInput): FedWatchResult {
  const { asOf } = input;
  const currentTarget = { lower: input.currentTarget.lower, upper: input.currentTarget.upper };
  const months = monthRates(asOf, input.futures, input.meetings);
  const upcoming = [...new Set(input.meetings)].filter((m) => m > asOf).sort();
  const solved = new Map<string, MeetingRates>();
  const meetings: FedWatchMeeting[] = [];
  let tree: StepDistribution = [{ steps: 0, probability: 1 }];
  for (const date of upcoming) {
    const rates = solveMeeting(monthOf(date), months, solved);
    if ('reason' in rates) return { asOf, currentTarget, meetings, stopped: { date, reason: rates.reason } };
    solved.set(monthOf(date), rates);
    const moves = meetingSteps((rates.end - rates.start) / STEP);
    tree = convolve(tree, moves);
    const probabilities = targetRanges(tree, currentTarget);
    const { cut, unchanged, hike } = directionProbabilities(probabilities);
    meetings.push({
      date,
      contracts: rates.contracts,
      anchor: rates.anchor,
      rateStart: rates.start,
      rateEnd: rates.end,
      expectedChangeBp: (rates.end - rates.start) * 100,
      moves: moves.map((m) => ({ changeBp: m.steps * 25, probability: m.probability })),
      probabilities,
      cutProbability: cut,
      unchangedProbability: unchanged,
      hikeProbability: hike,
    });
  }
  return { asOf, currentTarget, meetings, stopped: null };
}

/**
 * `cut_probability.next`: the probability that the next meeting leaves the target range below
 * the current one (a fraction), with the contracts and target limits it read.
 */
export function fedWatchStats(input: FedWatchInput): StatResult[] {
  const id = 'cut_probability.next';
  const result = fedWatch(input);
  const next = result.meetings[0];
  if (!next) {
    const reason = result.stopped
      ? `cannot price the ${result.stopped.date} FOMC meeting: ${result.stopped.reason}`
      : `no FOMC meeting after ${input.asOf} among the ${input.meetings.length} meeting dates given`;
    return [missing(id, reason)];
  }
  const targetDate = input.currentTarget.date ?? input.asOf;
  const inputs: StatInput[] = [
    ...next.contracts.map((month) => {
      const future = input.futures.find((f) => f.month === month)!;
      return { series: `ZQ_${month.replace('-', '')}`, date: future.date ?? input.asOf, close: future.price };
    }),
    { series: 'DFEDTARL', date: targetDate, close: input.currentTarget.lower },
    { series: 'DFEDTARU', date: targetDate, close: input.currentTarget.upper },
  ];
  return [computed(id, next.cutProbability, inputs)];
}

export interface CutProbabilitySnapshot {
  date: IsoDate;
  /** Next-meeting cut probability stored that day, a fraction. */
  cutProbability: number;
  /** The meeting it was for: odds for different meetings are not comparable. */
  meeting?: IsoDate;
}

/** Snapshots further than this from the requested date are not "the odds then". */
export const SNAPSHOT_MAX_DISTANCE_DAYS = 5;

/**
 * Change of the cut probability since the stored snapshot closest to `target` (strictly before
 * `now`), in probability points as a fraction (0.12 = 12 points). Ties go to the earlier
 * snapshot, which was known on `target`.
 */
export function cutProbabilityChange(
  now: CutProbabilitySnapshot,
  snapshots: readonly CutProbabilitySnapshot[],
  target: IsoDate,
  maxDistanceDays: number = SNAPSHOT_MAX_DISTANCE_DAYS,
): { change: number; snapshot: CutProbabilitySnapshot; distanceDays: number } | { missing: string } {
  const targetDay = toDayNumber(target);
  let best: { snapshot: CutProbabilitySnapshot; distanceDays: number } | undefined;
  for (const snapshot of snapshots) {
    if (snapshot.date >= now.date) continue;
    const distanceDays = Math.abs(toDayNumber(snapshot.date) - targetDay);
    const closer =
      !best ||
      distanceDays < best.distanceDays ||
      (distanceDays === best.distanceDays && snapshot.date < best.snapshot.date);
    if (closer) best = { snapshot, distanceDays };
  }
  if (!best || best.distanceDays > maxDistanceDays) {
    const nearest = best ? `; the nearest is ${best.snapshot.date}` : '';
    return {
      missing: `needs a stored cut-probability snapshot within ${maxDistanceDays} days of ${target}${nearest}`,
    };
  }
  const { snapshot } = best;
  if (now.meeting !== undefined && snapshot.meeting !== undefined && now.meeting !== snapshot.meeting) {
    return {
      missing: `the snapshot of ${snapshot.date} priced the ${snapshot.meeting} meeting; the next meeting is now ${now.meeting}`,
    };
  }
  return { change: now.cutProbability - snapshot.cutProbability, snapshot, distanceDays: best.distanceDays };
}

/** `cut_probability.change` as a stat; its input is the snapshot compared with. */
export function cutProbabilityChangeStat(
  now: CutProbabilitySnapshot,
  snapshots: readonly CutProbabilitySnapshot[],
  target: IsoDate,
  maxDistanceDays: number = SNAPSHOT_MAX_DISTANCE_DAYS,
): StatResult {
  const id = 'cut_probability.change';
  const change = cutProbabilityChange(now, snapshots, target, maxDistanceDays);
  if ('missing' in change) return missing(id, change.missing);
  const series = 'FED.cut_probability.next';
  return computed(id, change.change, [
    { series, date: change.snapshot.date, close: change.snapshot.cutProbability },
    { series, date: now.date, close: now.cutProbability },
  ]);
}
