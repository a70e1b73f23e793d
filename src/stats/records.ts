/**
 * Record closes: a close strictly above every earlier close in the series. Records are measured
 * within the history the series holds, so its first session is (vacuously) a record: the high
 * every later close is compared with.
 *
 * A drought is the stretch of sessions without a record. The drought ended by record r lasts
 * the sessions strictly between r and the record before it. "The most recent earlier drought at
 * least as long" is found with a monotonic stack of past droughts (see `indexRecords`), so the
 * whole history is indexed in linear time.
 */
import type { Series } from '../types.ts';
import type { PeriodIndex } from './periods.ts';
import { closeInput, computed, missing, needsCloseBefore, rangeInput } from './results.ts';
import type { StatInputs, StatResult } from './types.ts';

export interface RecordIndex {
  /** 1 where the close is a record. */
  isRecord: Uint8Array;
  /** Index of the latest record on or before each session. */
  lastRecord: Int32Array;
  /** Records in the session's calendar year, through the session. */
  countInYear: Int32Array;
  /**
   * Index of the record that ended the most recent earlier drought at least as long as the
   * current one (the drought ended today on a record day, else the one running since the last
   * record); -1 if there is none, or no drought today (the first session).
   */
  earlierDroughtEnd: Int32Array;
}

export function indexRecords(closes: readonly number[], periods: PeriodIndex): RecordIndex {
  const n = closes.length;
  const isRecord = new Uint8Array(n);
  const lastRecord = new Int32Array(n);
  const countInYear = new Int32Array(n);
  const earlierDroughtEnd = new Int32Array(n).fill(-1);
  // Past droughts that can still answer a query: an older drought no longer than a newer one
  // never can (the newer one is as long and more recent), so it is popped. What remains has
  // strictly decreasing lengths from bottom to top, and increasing end indexes.
  const stackEnd = new Int32Array(n);
  const stackLength = new Int32Array(n);
  let top = -1;
  // The answer for the current drought: the topmost entry at least as long. The current
  // drought only grows until the next record, so this pointer only moves down, and every entry
  // it passes is shorter than the drought that is running, so the next push pops it: linear.
  let answer = -1;
  let high = Number.NEGATIVE_INFINITY;
  let last = -1;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const close = closes[i]!;
    const record = close > high;
    if (i > 0 && periods.priorYearEnd[i] !== periods.priorYearEnd[i - 1]) count = 0;
    // Every session but the first has a record before it; the first ends no drought.
    if (last >= 0) {
      const drought = record ? i - last - 1 : i - last;
      while (answer >= 0 && stackLength[answer]! < drought) answer--;
      earlierDroughtEnd[i] = answer >= 0 ? stackEnd[answer]! : -1;
      if (record) {
        while (top >= 0 && stackLength[top]! <= drought) top--;
        top++;
        stackEnd[top] = i;
        stackLength[top] = drought;
        answer = top;
      }
    }
    if (record) {
      isRecord[i] = 1;
      high = close;
      last = i;
      count++;
    }
    lastRecord[i] = last;
    countInYear[i] = count;
  }
  return { isRecord, lastRecord, countInYear, earlierDroughtEnd };
}

export function recordStatsAt(
  series: Series,
  periods: PeriodIndex,
  records: RecordIndex,
  i: number,
): StatResult[] {
  const close = series.closes[i]!;
  const last = records.lastRecord[i]!;
  const today = records.isRecord[i] === 1;
  const priorHigh = i > 0 ? records.lastRecord[i - 1]! : -1;
  const yearStart = periods.priorYearEnd[i]! + 1;
  return [
    computed(
      'record.today',
      today,
      priorHigh >= 0 ? [closeInput(series, priorHigh), closeInput(series, i)] : [closeInput(series, i)],
    ),
    // A year whose start history doesn't reach would undercount its records.
    yearStart > 0
      ? computed('record.count_ytd', records.countInYear[i]!, [rangeInput(series, yearStart, i)])
      : missing('record.count_ytd', needsCloseBefore(series, series.dates[i]!.slice(0, 4))),
    computed('record.last_date', series.dates[last]!, [closeInput(series, last)]),
    computed('record.last_close', series.closes[last]!, [closeInput(series, last)]),
    computed('record.pct_below', close / series.closes[last]! - 1, [
      closeInput(series, last),
      closeInput(series, i),
    ]),
    computed('record.sessions_since', i - last, [rangeInput(series, last, i)]),
    ...droughtStatsAt(series, records, i),
    ...recentDroughtStatsAt(series, records, i),
  ];
}

/** Sessions back, the as-of included, in which a record counts as recent: about a quarter. */
export const RECENT_RECORD_SESSIONS = 63;

/**
 * `record.recent_drought.sessions`, `.ended`, `.longest_since`: of the records in the last
 * `RECENT_RECORD_SESSIONS` sessions, the one that ended the longest drought, so a piece in
 * the weeks after a record ("the run of records that began Sept. 18 ended a 967-session
 * drought") still has it once `record.drought_sessions` counts from the latest record. On the
 * record day itself it equals `record.drought_sessions` and `record.drought_longest_since`.
 * O(window) per session.
 */
function recentDroughtStatsAt(series: Series, records: RecordIndex, i: number): StatResult[] {
  const ids = [
    'record.recent_drought.sessions',
    'record.recent_drought.ended',
    'record.recent_drought.longest_since',
  ];
  const from = Math.max(1, i - RECENT_RECORD_SESSIONS + 1);
  let best = -1;
  let longest = 0;
  for (let r = records.lastRecord[i]!; r >= from; r = records.lastRecord[r - 1]!) {
    const drought = r - records.lastRecord[r - 1]! - 1;
    if (drought > longest) {
      longest = drought;
      best = r;
    }
  }
  if (best < 0) {
    const reason = `no record close of ${series.symbol} that ended a drought in the ${RECENT_RECORD_SESSIONS} sessions through ${series.dates[i]}`;
    return ids.map((id) => missing(id, reason));
  }
  const start = records.lastRecord[best - 1]!;
  const ended = rangeInput(series, start, best);
  const end = records.earlierDroughtEnd[best]!;
  const longestInputs: StatInputs =
    end >= 0
      ? [ended, rangeInput(series, records.lastRecord[end - 1]!, end)]
      : [ended, rangeInput(series, 0, best)];
  return [
    computed(ids[0]!, longest, [ended]),
    computed(ids[1]!, series.dates[best]!, [closeInput(series, start), closeInput(series, best)]),
    computed(ids[2]!, end >= 0 ? series.dates[end]! : null, longestInputs),
  ];
}

function droughtStatsAt(series: Series, records: RecordIndex, i: number): StatResult[] {
  const today = records.isRecord[i] === 1;
  // Today's drought runs from the record before it: the previous record on a record day.
  const start = today ? (i > 0 ? records.lastRecord[i - 1]! : -1) : records.lastRecord[i]!;
  if (start < 0) {
    const reason = `needs a record close of ${series.symbol} before ${series.dates[i]}, the first session of history`;
    return [missing('record.drought_sessions', reason), missing('record.drought_longest_since', reason)];
  }
  const current = rangeInput(series, start, i);
  const sessions = today ? i - start - 1 : i - start;
  const end = records.earlierDroughtEnd[i]!;
  const longestInputs: StatInputs =
    end >= 0
      ? [current, rangeInput(series, records.lastRecord[end - 1]!, end)]
      : [current, rangeInput(series, 0, i)];
  return [
    computed('record.drought_sessions', sessions, [current]),
    computed('record.drought_longest_since', end >= 0 ? series.dates[end]! : null, longestInputs),
  ];
}
