/**
 * The calendar against real trading history: the dates of ../shared/data/market/ files must be
 * exactly the calendar's sessions over each file's span (DESIGN.md, "Checking against real data").
 *
 * What the data showed (checked 1980-2026): every file below agrees with the calendar day for day,
 * with no missing sessions and no extra rows, so the lists of known faults are empty. In
 * particular GSPC.csv has no 1980-11-04 row (the exchange closed for the 1980 presidential
 * election) but has 1984-11-06; it has 1999-12-31 and 2021-12-31 (Saturday New Year's Days are not
 * observed) and lacks 1999-12-24 (Saturday Christmas observed on the Friday). GSPC.csv before
 * 1988 (1980-1987) agrees as well. Despite the README's caveat, GSPC.csv has no Saturday rows at
 * all (it skips the pre-1952 Saturday sessions), which does not matter from 1980.
 * The README's data faults (intraday last rows, one wrong RUT close) are about values, not dates.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CALENDAR_LAST, sessionsBetween } from '../../src/calendar/nyse.ts';

const MARKET_DIR = fileURLToPath(new URL('../../../shared/data/market/', import.meta.url));
const HAVE_DATA = existsSync(MARKET_DIR);

const columns = new Map<string, string[]>();

/** The first column of a CSV with a header row: only the dates, parsed no further. */
function dateColumn(file: string): string[] {
  let dates = columns.get(file);
  if (dates === undefined) {
    const lines = readFileSync(`${MARKET_DIR}${file}`, 'utf8').split(/\r?\n/).slice(1);
    dates = lines.filter((line) => line !== '').map((line) => line.slice(0, line.indexOf(',')));
    columns.set(file, dates);
  }
  return dates;
}

interface DateMismatch {
  date: string;
  reason: string;
}

/**
 * Known date faults per file, each with its reason; none found so far. A fault would be a row on
 * a day the exchange was closed (`extraRows`) or a session without a row (`missingSessions`).
 */
const KNOWN_FAULTS: Record<string, { extraRows: DateMismatch[]; missingSessions: DateMismatch[] }> = {};

function compareWithCalendar(file: string, from: string) {
  const rows = dateColumn(file).filter((date) => date >= from && date <= CALENDAR_LAST);
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  const sessions = sessionsBetween(first, last);
  const rowSet = new Set(rows);
  const sessionSet = new Set(sessions);
  return {
    first,
    last,
    rows,
    extraRows: rows.filter((date) => !sessionSet.has(date)),
    missingSessions: sessions.filter((date) => !rowSet.has(date)),
    duplicates: rows.length - rowSet.size,
  };
}

const SUITE = HAVE_DATA
  ? `NYSE calendar vs real data in ${MARKET_DIR}`
  : `NYSE calendar vs real data: skipped, ${MARKET_DIR} not found (see DESIGN.md, "Checking against real data")`;

describe.skipIf(!HAVE_DATA)(SUITE, () => {
  it.each([
    ['RUT.csv', '1988-01-01', 'task spec span'],
    ['GSPC.csv', '1988-01-01', 'task spec span'],
    ['GSPC.csv', '1980-01-01', 'the whole calendar range, incl. the 1980 election and 1985 Gloria'],
    ['RUT.csv', '1980-01-01', 'from its first row, 1987-09-10'],
    ['NDX.csv', '1980-01-01', 'from its first row, 1985-10-01'],
    ['GSPC_ohlc.csv', '1980-01-01', 'a second S&P 500 source'],
    ['RUT_ibkr.csv', '1980-01-01', 'Interactive Brokers, 2016-06-28 on'],
    ['IWM_to2025-09.csv', '1980-01-01', 'an ETF, 2000-05-26 on'],
  ])('%s from %s matches the sessions day for day (%s)', (file, from) => {
    const result = compareWithCalendar(file, from);
    const known = KNOWN_FAULTS[file] ?? { extraRows: [], missingSessions: [] };
    if (result.extraRows.length > 0 || result.missingSessions.length > 0) {
      console.log(`${file} ${result.first}..${result.last}:`, {
        extraRows: result.extraRows,
        missingSessions: result.missingSessions,
      });
    }
    expect(result.duplicates).toBe(0);
    expect(result.extraRows).toEqual(known.extraRows.map((f) => f.date));
    expect(result.missingSessions).toEqual(known.missingSessions.map((f) => f.date));
    expect(result.rows.length).toBeGreaterThan(2000);
  });

  it.each([
    ['1980-11-03', true, 'Monday before the 1980 election'],
    ['1980-11-04', false, '1980 presidential election day: closed'],
    ['1980-11-05', true, 'Wednesday after'],
    ['1984-11-06', true, '1984 presidential election day: open'],
    ['1985-09-27', false, 'Hurricane Gloria'],
    ['1999-12-24', false, 'Christmas 1999 (a Saturday) observed on Friday'],
    ['1999-12-31', true, 'New Year 2000 (a Saturday) not observed'],
    ['2021-12-31', true, 'New Year 2022 (a Saturday) not observed'],
    ['2021-06-18', true, 'Juneteenth not yet an NYSE holiday'],
    ['2022-06-20', false, 'Juneteenth 2022 observed Monday'],
  ])('GSPC.csv has a %s row: %s (%s)', (date, expected) => {
    expect(dateColumn('GSPC.csv').includes(date)).toBe(expected);
  });
});
