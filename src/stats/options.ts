/**
 * Options positioning from the stored daily snapshots (call and put volume and open interest,
 * summed over every expiry): `options.cp_volume_ratio`, `options.cp_oi_ratio`, and
 * `options.cp_volume_ratio.highest_since`.
 *
 * Snapshots cannot be backfilled (providers only give today's chain), so history grows one day
 * at a time; "highest since" waits for enough of it to mean something.
 */
import type { IsoDate, SymbolKey } from '../types.ts';
import { computed, missing } from './results.ts';
import type { StatRange, StatResult } from './types.ts';

export interface OptionsSnapshot {
  date: IsoDate;
  callVolume: number;
  putVolume: number;
  callOpenInterest: number;
  putOpenInterest: number;
}

/** Snapshots needed before `highest_since` is quoted: with fewer, every day is a "high". */
export const HIGHEST_SINCE_MIN_SNAPSHOTS = 20;

/**
 * The ratios on `asOf` (the snapshot must be that day's) and the date of the most recent earlier
 * snapshot with a volume ratio at least as high (null: the highest on record). `snapshots` must
 * be in ascending date order, one per date.
 */
export function optionsStatsAt(
  symbol: SymbolKey,
  snapshots: readonly OptionsSnapshot[],
  asOf: IsoDate,
  minSnapshots: number = HIGHEST_SINCE_MIN_SNAPSHOTS,
): StatResult[] {
  assertAscending(symbol, snapshots);
  const ids = ['options.cp_volume_ratio', 'options.cp_oi_ratio', 'options.cp_volume_ratio.highest_since'];
  const last = lastIndexOnOrBefore(snapshots, asOf);
  const today = snapshots[last];
  if (!today || today.date !== asOf) {
    const latest = today ? `; the latest on or before it is ${today.date}` : '';
    return ids.map((id) => missing(id, `no ${symbol} options snapshot for ${asOf}${latest}`));
  }
  const series = `${symbol}.options`;
  const read = (from: IsoDate, to: IsoDate, sessions: number): StatRange => ({ series, from, to, sessions });
  const volumeRatio = ratio(today.callVolume, today.putVolume);
  const oiRatio = ratio(today.callOpenInterest, today.putOpenInterest);
  const todayInput = [read(asOf, asOf, 1)];
  const noPuts = (what: string) => `the ${symbol} options snapshot for ${asOf} has no put ${what}`;

  const results: StatResult[] = [
    volumeRatio === null ? missing(ids[0]!, noPuts('volume')) : computed(ids[0]!, volumeRatio, todayInput),
    oiRatio === null ? missing(ids[1]!, noPuts('open interest')) : computed(ids[1]!, oiRatio, todayInput),
  ];
  const stored = last + 1;
  if (volumeRatio === null) results.push(missing(ids[2]!, noPuts('volume')));
  else if (stored < minSnapshots) {
    results.push(missing(ids[2]!, `needs ${minSnapshots} stored snapshots, has ${stored}`));
  } else {
    const since = highestSince(snapshots, last, volumeRatio);
    const first = snapshots[0]!.date;
    const inputs =
      since === null ? [read(first, asOf, stored)] : [read(since.date, asOf, last - since.index + 1)];
    results.push(computed(ids[2]!, since?.date ?? null, inputs));
  }
  return results;
}

/** Calls per put; null without puts (no ratio, not an infinite one). */
export function ratio(calls: number, puts: number): number | null {
  return puts > 0 ? calls / puts : null;
}

/**
 * The most recent snapshot before `last` whose volume ratio is at least `value`. A day without
 * put volume has no ratio and never counts: it is a gap in the data, not a record.
 */
function highestSince(
  snapshots: readonly OptionsSnapshot[],
  last: number,
  value: number,
): { date: IsoDate; index: number } | null {
  for (let j = last - 1; j >= 0; j--) {
    const s = snapshots[j]!;
    const r = ratio(s.callVolume, s.putVolume);
    if (r !== null && r >= value) return { date: s.date, index: j };
  }
  return null;
}

function lastIndexOnOrBefore(snapshots: readonly OptionsSnapshot[], date: IsoDate): number {
  let lo = 0;
  let hi = snapshots.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (snapshots[mid]!.date <= date) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

function assertAscending(symbol: SymbolKey, snapshots: readonly OptionsSnapshot[]): void {
  for (let i = 1; i < snapshots.length; i++) {
    if (!(snapshots[i - 1]!.date < snapshots[i]!.date)) {
      throw new RangeError(
        `${symbol} options snapshots must ascend, but ${snapshots[i]!.date} follows ${snapshots[i - 1]!.date}`,
      );
    }
  }
}
