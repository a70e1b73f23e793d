/**
 * From a provider's dated rows to the bars the store keeps. A bar belongs to its America/New_York
 * date. A bar for a session that has not closed yet is left out (its "close" is only the latest
 * price), so the store never holds a moving close. Rows that cannot be right are errors: a row
 * without a close, a bar on an NYSE holiday, a row dated after today (a session that has not
 * happened), two rows for one date that disagree. A fetch with any error is stored not at all
 * (see `storeFetch`): what the provider sent is in doubt, and the next fetch asks again.
 */
import { addDays, isWeekend, newYorkDate, newYorkTime } from '../calendar/dates.ts';
import { CALENDAR_FIRST, CALENDAR_LAST, closureReason, earlyClose } from '../calendar/nyse.ts';
import type { DailyBar, InputProblem, IsoDate, SymbolKey } from '../types.ts';

/** A row as a provider gives it, already dated; any price may be missing. */
export interface DatedRow {
  date: IsoDate;
  open: number | null;
  high: number | null;
  low: number | null;
  close: number | null;
  volume: number | null;
}

/**
 * Which clock a series runs on. `nyse`: NYSE sessions (indexes, ETFs), closing at 16:00 ET or
 * the early close. `cme`: futures, whose trade date ends with CME's daily halt at 16:00 CT
 * (17:00 ET) and whose holidays differ from NYSE's. `observations`: rates, on any calendar
 * (weekends too); a day's observation counts once that day's NYSE close has passed.
 */
export type SeriesClock = 'nyse' | 'cme' | 'observations';

export interface SessionBarsOptions {
  symbol: SymbolKey;
  clock: SeriesClock;
  now: Date;
  /** Rows outside [from, to] are left out silently: providers pad ranges. */
  from?: IsoDate;
  to?: IsoDate;
  /** Names the payload in problems (a scrubbed URL). */
  file: string;
  /**
   * Keep rows whatever the clock says: dated after today, or of a session still open. Only for
   * tests that replay recorded answers against an earlier clock (env WIRECOPY_ALLOW_FUTURE_ROWS=1).
   */
  allowFutureRows?: boolean;
}

const CME_DAILY_HALT = '17:00';
const CME_REOPEN = '18:00:00';

/**
 * True once the session of `date` has closed at `now`: any earlier date, or today after the close.
 * Used for bars and for the options snapshot, which is only complete after the close.
 */
export function isSessionClosed(date: IsoDate, now: Date, clock: SeriesClock): boolean {
  const today = newYorkDate(now);
  if (date < today) return true;
  if (date > today) return false;
  return newYorkTime(now) > `${closeTime(date, clock)}:00`;
}

/** `HH:MM` (ET) the session of `date` closes. */
export function closeTime(date: IsoDate, clock: SeriesClock): string {
  if (clock === 'cme') return CME_DAILY_HALT;
  if (clock === 'observations') return '16:00';
  return (inCalendar(date) ? earlyClose(date) : null) ?? '16:00';
}

export function toSessionBars(
  rows: readonly DatedRow[],
  options: SessionBarsOptions,
): {
  bars: DailyBar[];
  problems: InputProblem[];
} {
  const problems: InputProblem[] = [];
  const report = (
    severity: InputProblem['severity'],
    code: string,
    date: IsoDate,
    message: string,
    hint: string,
  ) => problems.push({ severity, code, message, hint, file: options.file, symbol: options.symbol, date });
  const byDate = new Map<IsoDate, DailyBar>();
  const conflicts = new Set<IsoDate>();
  const today = newYorkDate(options.now);
  for (const row of rows) {
    const { date } = row;
    // Before the range check: a range ends today at the latest, and a row past today is no padding.
    if (date > lastOpenDate(today, options.now, options.clock) && !options.allowFutureRows) {
      report(
        'error',
        'fetch/future-date',
        date,
        `${options.symbol} has a row for ${date}, after today (${today}, ${newYorkTime(options.now)} ET): a session that has not happened yet.`,
        "Check the provider's dates, and this machine's clock and time zone; fetch again later.",
      );
      continue;
    }
    if (
      (options.from !== undefined && date < options.from) ||
      (options.to !== undefined && date > options.to)
    )
      continue;
    if (row.close === null) {
      report(
        'error',
        'fetch/null-price',
        date,
        `${options.symbol} has no close for ${date}.`,
        'Fetch again later: providers fill a missing close after the fact. If it stays missing, import the close from another source.',
      );
      continue;
    }
    if (options.clock === 'nyse' && inCalendar(date)) {
      const closed = closureReason(date);
      if (closed !== null) {
        report(
          'error',
          'fetch/non-session',
          date,
          `${options.symbol} has a bar for ${date}, when NYSE was closed (${closed}).`,
          "Nothing to do unless it repeats: then check the provider's timestamps against the NYSE calendar.",
        );
        continue;
      }
    }
    if (!options.allowFutureRows && !isSessionClosed(date, options.now, options.clock)) {
      report(
        'warning',
        'fetch/session-open',
        date,
        options.clock === 'observations'
          ? `${options.symbol}'s observation for ${date} was left out: that day's NYSE close (${closeTime(date, options.clock)} ET) had not passed at ${newYorkTime(options.now)} ET.`
          : `${options.symbol}'s bar for ${date} was left out: that session had not closed at ${newYorkTime(options.now)} ET (it closes at ${closeTime(date, options.clock)}).`,
        'Fetch again after the close to store it.',
      );
      continue;
    }
    const bar = { date, open: row.open, high: row.high, low: row.low, close: row.close, volume: row.volume };
    const earlier = byDate.get(date);
    if (earlier !== undefined) {
      const differs = differingField(earlier, bar);
      if (differs === null) {
        report(
          'warning',
          'fetch/duplicate-date',
          date,
          `${options.symbol} has two identical rows for ${date}; one was kept.`,
          'Nothing to do: providers repeat the last bar while it updates.',
        );
        continue;
      }
      // As the CSV importer does: nothing says which copy is right, so neither is kept.
      report(
        'error',
        'fetch/duplicate-conflict',
        date,
        `${options.symbol} has two rows for ${date} that disagree (${differs} ${earlier[differs]} vs ${bar[differs]}${changeText(earlier[differs], bar[differs])}).`,
        'Fetch again later: the provider may still be revising the session. If it repeats, import the close from another source (wirecopy import).',
      );
      conflicts.add(date);
      continue;
    }
    byDate.set(date, bar);
  }
  for (const date of conflicts) byDate.delete(date);
  const bars = [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { bars, problems };
}

const FIELDS = ['close', 'open', 'high', 'low', 'volume'] as const;

/** The first field two rows of one date disagree on, the close first; null when identical. */
function differingField(a: DailyBar, b: DailyBar): (typeof FIELDS)[number] | null {
  return FIELDS.find((field) => a[field] !== b[field]) ?? null;
}

/** `, +5.0%`: how far the second value is from the first. */
function changeText(a: number | null, b: number | null): string {
  if (a === null || b === null || a === 0) return '';
  const change = (b / a - 1) * 100;
  return `, ${change >= 0 ? '+' : ''}${change.toFixed(1)}%`;
}

/**
 * The latest date a row can carry at `now`. CME opens the next trade date at 18:00 ET the
 * evening before (Sunday evening for Monday), and Yahoo stamps its live bar with that date: that
 * session is open, not in the future. Everything else ends today.
 */
function lastOpenDate(today: IsoDate, now: Date, clock: SeriesClock): IsoDate {
  const tomorrow = addDays(today, 1);
  if (clock === 'cme' && !isWeekend(tomorrow) && newYorkTime(now) >= CME_REOPEN) return tomorrow;
  return today;
}

function inCalendar(date: IsoDate): boolean {
  return date >= CALENDAR_FIRST && date <= CALENDAR_LAST;
}
