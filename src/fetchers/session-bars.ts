/**
 * From a provider's dated rows to the bars the store keeps. A bar belongs to its America/New_York
 * date; a row without a close is dropped and reported; a bar for a session that has not closed
 * yet is dropped (its "close" is only the latest price), so the store never holds a moving close.
 */
import { newYorkDate, newYorkTime } from '../calendar/dates.ts';
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
 * (17:00 ET) and whose holidays differ from NYSE's. `observations`: rates, whose every dated
 * observation is final when published, on any calendar.
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
}

const CME_DAILY_HALT = '17:00';

/**
 * True once the session of `date` has closed at `now`: any earlier date, or today after the close.
 * Used for bars and for the options snapshot, which is only complete after the close.
 */
export function isSessionClosed(date: IsoDate, now: Date, clock: SeriesClock): boolean {
  const today = newYorkDate(now);
  if (clock === 'observations' || date < today) return true;
  if (date > today) return false;
  return newYorkTime(now) > `${closeTime(date, clock)}:00`;
}

/** `HH:MM` (ET) the session of `date` closes. */
export function closeTime(date: IsoDate, clock: SeriesClock): string {
  if (clock === 'cme') return CME_DAILY_HALT;
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
  for (const row of rows) {
    const { date } = row;
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
        `${options.symbol} has no close for ${date}; the row was dropped.`,
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
          `${options.symbol} has a bar for ${date}, when NYSE was closed (${closed}); it was dropped.`,
          "Nothing to do unless it repeats: then check the provider's timestamps against the NYSE calendar.",
        );
        continue;
      }
    }
    if (!isSessionClosed(date, options.now, options.clock)) {
      report(
        'warning',
        'fetch/session-open',
        date,
        `${options.symbol}'s bar for ${date} was left out: that session had not closed at ${newYorkTime(options.now)} ET (it closes at ${closeTime(date, options.clock)}).`,
        'Fetch again after the close to store it.',
      );
      continue;
    }
    if (byDate.has(date)) {
      report(
        'warning',
        'fetch/duplicate-date',
        date,
        `${options.symbol} has two rows for ${date}; the later one was kept.`,
        'Nothing to do: providers repeat the last bar while it updates.',
      );
    }
    byDate.set(date, {
      date,
      open: row.open,
      high: row.high,
      low: row.low,
      close: row.close,
      volume: row.volume,
    });
  }
  const bars = [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { bars, problems };
}

function inCalendar(date: IsoDate): boolean {
  return date >= CALENDAR_FIRST && date <= CALENDAR_LAST;
}
