import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isWeekend } from '../../src/calendar/dates.ts';
import { type CsvParseResult, parseMarketCsv } from '../../src/fetchers/csv/parse.ts';
import { testRegistry } from './test-registry.ts';

const FIXTURES = new URL('../fixtures/csv/', import.meta.url);
const registry = testRegistry();
const weekendsOff = (date: string) => (isWeekend(date) ? 'Saturday or Sunday' : null);

function parseFixture(name: string, symbol: string | null = 'RUT', withCalendar = false): CsvParseResult {
  const text = readFileSync(new URL(name, FIXTURES), 'utf8');
  return parseMarketCsv(text, {
    file: name,
    registry,
    ...(symbol === null ? {} : { symbol }),
    ...(withCalendar ? { isNonSession: weekendsOff } : {}),
  });
}

/** `code@line` (or `code` for file-level problems) with `!` for an error, `?` for a warning. */
function summary(result: CsvParseResult): string[] {
  return result.problems.map(
    (p) => `${p.code}${p.line === undefined ? '' : `@${p.line}`}${p.severity === 'error' ? '!' : '?'}`,
  );
}

// Every fixture is a small hand-written file; the expected problems and the dates that survive are
// read off the fixture line by line (line 1 is the header).
describe('broken CSV corpus', () => {
  it.each([
    { file: 'empty.csv', layout: 'unknown', problems: ['csv/empty!'], dates: [] },
    { file: 'header-only.csv', layout: 'ohlc', problems: ['csv/empty@1!'], dates: [] },
    { file: 'no-header.csv', layout: 'unknown', problems: ['csv/no-date-column@1!'], dates: [] },
    { file: 'wrong-header.csv', layout: 'unknown', problems: ['csv/no-date-column@1!'], dates: [] },
    { file: 'no-close.csv', layout: 'unknown', problems: ['csv/no-value-column@1!'], dates: [] },
    {
      // 2024-02-30 (3), 01/04/2024 (4), 14:30 time (6), "yesterday" (8), blank (9), 0001-01-01 (10).
      file: 'bad-dates.csv',
      layout: 'ohlc',
      problems: [
        'csv/bad-date@3!',
        'csv/bad-date@4!',
        'csv/bad-date@6!',
        'csv/bad-date@8!',
        'csv/bad-date@9!',
        'csv/bad-date@10!',
      ],
      dates: ['2024-01-02', '2024-01-05', '2024-01-09'],
    },
    {
      file: 'duplicate-same.csv',
      layout: 'ohlc',
      problems: ['csv/duplicate-date@4?'],
      dates: ['2024-01-02', '2024-01-03', '2024-01-04'],
    },
    {
      // 2024-01-03 on line 3 (close 1995.6) and again, after 2024-01-04, on line 5 (close 1999.9):
      // out of order, and neither copy is kept.
      file: 'duplicate-different.csv',
      layout: 'ohlc',
      problems: ['csv/unsorted@5?', 'csv/duplicate-date@5!'],
      dates: ['2024-01-02', '2024-01-04'],
    },
    {
      // abc (3), "1,995.6" (4), 12% (5), 0x7D5 (6), volume -5 (7); null volume (8) is just missing.
      file: 'text-in-number.csv',
      layout: 'ohlc',
      problems: [
        'csv/bad-number@3!',
        'csv/bad-number@4!',
        'csv/bad-number@5!',
        'csv/bad-number@6!',
        'csv/bad-number@7!',
      ],
      dates: ['2024-01-02', '2024-01-10'],
    },
    { file: 'bom.csv', layout: 'ohlc', problems: [], dates: ['2024-01-02', '2024-01-03', '2024-01-04'] },
    { file: 'crlf.csv', layout: 'ohlc', problems: [], dates: ['2024-01-02', '2024-01-03', '2024-01-04'] },
    { file: 'quoted.csv', layout: 'ohlc', problems: [], dates: ['2024-01-02', '2024-01-03'] },
    { file: 'stooq-polish.csv', layout: 'ohlc', problems: [], dates: ['2024-01-02', '2024-01-03'] },
    {
      // Line 3 has 5 fields, line 4 has 7 (an unquoted 1,995.6): the header has 6.
      file: 'ragged.csv',
      layout: 'ohlc',
      problems: ['csv/ragged-row@3!', 'csv/ragged-row@4!'],
      dates: ['2024-01-02', '2024-01-05'],
    },
    {
      file: 'negative-price.csv',
      layout: 'ohlc',
      problems: ['csv/non-positive-price@3!', 'csv/non-positive-price@4!'],
      dates: ['2024-01-02', '2024-01-05'],
    },
    {
      // Line 3: high 1995 < open 2030. Line 4: low 1996 > close 1990. Line 5: high
      // 2029.469970703125 vs close 2029.47 differ by 1.5e-8 relative, float32 noise, not an error.
      file: 'ohlc-order.csv',
      layout: 'ohlc',
      problems: ['csv/ohlc-order@3!', 'csv/ohlc-order@4!'],
      dates: ['2024-01-02', '2024-01-05', '2024-01-08'],
    },
    {
      file: 'unsorted.csv',
      layout: 'close-only',
      problems: ['csv/unsorted@3?'],
      dates: ['2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05'],
    },
    {
      // Volume 0 on line 2 comes before any volume is reported; line 4's comes after.
      file: 'zero-volume.csv',
      layout: 'ohlc',
      problems: ['csv/zero-volume@4?'],
      dates: ['2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05'],
    },
    {
      // Blank close (3) and Yahoo's all-null row (4); a blank volume (5) is only missing.
      file: 'missing-close.csv',
      layout: 'ohlc',
      problems: ['csv/missing-close@3!', 'csv/missing-close@4!'],
      dates: ['2024-01-02', '2024-01-05'],
    },
    {
      file: 'unclosed-quote.csv',
      layout: 'close-only',
      problems: ['csv/unclosed-quote@3!'],
      dates: ['2024-01-02'],
    },
    {
      // Without a calendar the Saturday row is data like any other, but its volume of 0 after
      // days with volume looks like a row saved intraday.
      file: 'weekend.csv',
      layout: 'close-only',
      problems: ['csv/zero-volume@4?'],
      dates: ['2024-01-04', '2024-01-05', '2024-01-06', '2024-01-08'],
    },
  ])('$file', ({ file, layout, problems, dates }) => {
    const result = parseFixture(file);
    expect(result.layout).toBe(layout);
    expect(summary(result)).toEqual(problems);
    expect(result.series.flatMap((s) => s.bars.map((b) => b.date))).toEqual(dates);
  });

  it('reports a Saturday row (2024-01-06) as a non-session when the caller says so', () => {
    const result = parseFixture('weekend.csv', 'RUT', true);
    expect(summary(result)).toEqual(['csv/non-session@4!']);
    expect(result.problems[0]).toMatchObject({ symbol: 'RUT', date: '2024-01-06', column: 'Close' });
    expect(result.problems[0]!.message).toContain('Saturday or Sunday');
    expect(result.series[0]!.bars.map((b) => b.date)).toEqual(['2024-01-04', '2024-01-05', '2024-01-08']);
  });

  it('keeps zero and negative values of a rate, and skips FRED blanks and dots', () => {
    // Hand-written DFEDTARL-like series: 0.00 (2), 0.25 (3), '.' (4), -0.10 (5), blank (6).
    const result = parseFixture('fred-single.csv', null);
    expect(result.layout).toBe('wide');
    expect(summary(result)).toEqual([]);
    expect(result.series).toHaveLength(1);
    expect(result.series[0]!.symbol).toBe('DFEDTARL');
    expect(result.series[0]!.bars.map((b) => [b.date, b.close])).toEqual([
      ['2015-12-15', 0],
      ['2015-12-16', 0.25],
      ['2015-12-18', -0.1],
    ]);
  });

  it('reads a wide table cell by cell: one bad cell drops that value only', () => {
    // SPX: 4697.24 (2), blank on Saturday (3), 4763.54 (4), -1 (5: error).
    // RUT: 1964.42 (2), blank (3), "abc" (4: error), 1998.56 (5). FOO and Adj Close are ignored.
    const result = parseFixture('wide-unknown.csv', null);
    expect(result.layout).toBe('wide');
    expect(result.ignoredColumns).toEqual(['FOO', 'Adj Close']);
    expect(summary(result)).toEqual(['csv/bad-number@4!', 'csv/non-positive-price@5!']);
    expect(result.problems.map((p) => p.symbol)).toEqual(['RUT', 'SPX']);
    const closes = Object.fromEntries(
      result.series.map((s) => [s.symbol, s.bars.map((b) => [b.date, b.close])]),
    );
    expect(closes).toEqual({
      SPX: [
        ['2024-01-05', 4697.24],
        ['2024-01-08', 4763.54],
      ],
      RUT: [
        ['2024-01-05', 1964.42],
        ['2024-01-09', 1998.56],
      ],
    });
  });

  it('strips the byte-order mark and the CRs of the fixtures (which really have them)', () => {
    const bom = readFileSync(new URL('bom.csv', FIXTURES));
    const crlf = readFileSync(new URL('crlf.csv', FIXTURES), 'utf8');
    expect([...bom.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(crlf).toContain('\r\n');
    // bom.csv line 4 and crlf.csv line 4: 2024-01-04, volume 3200000000 (no stray \r).
    for (const file of ['bom.csv', 'crlf.csv']) {
      const bars = parseFixture(file).series[0]!.bars;
      expect(bars.at(-1)).toEqual({
        date: '2024-01-04',
        open: 1995.6,
        high: 2001,
        low: 1980,
        close: 1990,
        volume: 3200000000,
      });
    }
  });

  // Lenient imports keep the good rows of a file with errors: that is safe only if no errored
  // row ever became a bar. Checked on every fixture with a dated, per-symbol error.
  it.each([
    'bad-dates.csv',
    'duplicate-different.csv',
    'text-in-number.csv',
    'ragged.csv',
    'negative-price.csv',
    'ohlc-order.csv',
    'missing-close.csv',
    'weekend.csv',
    'wide-unknown.csv',
  ])('no bar comes from a row with an error: %s', (file) => {
    const result = parseFixture(file, file === 'wide-unknown.csv' ? null : 'RUT', true);
    const errors = result.problems.filter((p) => p.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
      const series = result.series.find((s) => s.symbol === error.symbol);
      const dates = series?.bars.map((b) => b.date) ?? [];
      if (error.date !== undefined) expect(dates).not.toContain(error.date);
    }
  });

  it.each([
    { file: 'bad-dates.csv', code: 'csv/bad-date', line: 3, column: 'Date', says: ['2024-02-30', 'line 3'] },
    {
      file: 'text-in-number.csv',
      code: 'csv/bad-number',
      line: 3,
      column: 'Close',
      says: ['"abc"', 'line 3', 'not a number'],
    },
    {
      file: 'ohlc-order.csv',
      code: 'csv/ohlc-order',
      line: 3,
      column: 'High',
      says: ['High 1995', 'below Open 2030'],
    },
    {
      file: 'ohlc-order.csv',
      code: 'csv/ohlc-order',
      line: 4,
      column: 'Low',
      says: ['Low 1996', 'above Close 1990'],
    },
    {
      file: 'duplicate-different.csv',
      code: 'csv/duplicate-date',
      line: 5,
      column: 'Close',
      says: ['line 3', 'line 5', 'close 1995.6 vs 1999.9'],
    },
    {
      file: 'zero-volume.csv',
      code: 'csv/zero-volume',
      line: 4,
      column: 'Volume',
      says: ['2024-01-04', 'intraday'],
    },
  ])('says what and where: $code in $file line $line', ({ file, code, line, column, says }) => {
    const problem = parseFixture(file).problems.find((p) => p.code === code && p.line === line);
    expect(problem).toMatchObject({ file, line, column });
    for (const text of says) expect(problem!.message).toContain(text);
    expect(problem!.hint).toBeTruthy();
  });
});

describe('symbol resolution', () => {
  it.each([
    { file: 'data/XYZ_vendor.csv', symbol: undefined, says: 'XYZ_vendor' },
    { file: 'RUT.csv', symbol: 'NOPE', says: '--symbol NOPE' },
  ])('an unknown symbol is an error with a way out: $file $symbol', ({ file, symbol, says }) => {
    const result = parseMarketCsv('Date,Close\n2024-01-02,2030.0\n', {
      file,
      registry,
      ...(symbol ? { symbol } : {}),
    });
    expect(summary(result)).toEqual(['csv/unknown-symbol!']);
    expect(result.problems[0]!.message).toContain(says);
    expect(result.problems[0]!.hint).toContain('--symbol');
    expect(result.problems[0]!.hint).toContain('wirecopy.config');
    expect(result.series).toEqual([]);
  });

  it.each([
    { file: '^GSPC.csv', symbol: undefined, expected: 'SPX' },
    { file: 'prices.csv', symbol: '^RUT', expected: 'RUT' },
    { file: 'GSPC.csv', symbol: 'NDX', expected: 'NDX' },
  ])('$file with --symbol $symbol is $expected', ({ file, symbol, expected }) => {
    const result = parseMarketCsv('Date,Close\n2024-01-02,2030.0\n', {
      file,
      registry,
      ...(symbol ? { symbol } : {}),
    });
    expect(result.problems).toEqual([]);
    expect(result.series.map((s) => s.symbol)).toEqual([expected]);
  });
});
