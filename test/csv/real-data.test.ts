import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isWeekend } from '../../src/calendar/dates.ts';
import { type CsvParseResult, parseMarketCsv } from '../../src/fetchers/csv/parse.ts';
import { DEFAULT_SYMBOLS, SymbolRegistry, type SymbolSpec } from '../../src/symbols.ts';

// The shared real history sits next to the repository: <repo>/../shared/data/market/.
const MARKET = new URL('../../../shared/data/market/', import.meta.url);
const MARKET_PATH = fileURLToPath(MARKET);
const HAS_MARKET = existsSync(new URL('RUT.csv', MARKET));
const TITLE = HAS_MARKET
  ? `real market history in ${MARKET_PATH}`
  : `real market history: SKIPPED, ${MARKET_PATH} not found (see its README for what belongs there)`;

// The default symbols plus the series only some files need, so the test does not depend on
// whether the project's defaults list them.
const EXTRA_SYMBOLS: SymbolSpec[] = [
  { key: 'IXIC', name: 'Nasdaq Composite', kind: 'index', aliases: ['IXIC_ibkr'] },
  { key: 'IWN', name: 'iShares Russell 2000 Value ETF', kind: 'etf', aliases: ['IWN_to2025-09'] },
  { key: 'IWM_ADJ', name: 'IWM, adjusted closes', kind: 'etf', aliases: ['IWM_adjusted'] },
];
const registry = new SymbolRegistry([...DEFAULT_SYMBOLS, ...EXTRA_SYMBOLS]);

const cache = new Map<string, CsvParseResult>();
function parseMarketFile(file: string): CsvParseResult {
  let result = cache.get(file);
  if (result === undefined) {
    result = parseMarketCsv(readFileSync(new URL(file, MARKET), 'utf8'), { file, registry });
    cache.set(file, result);
  }
  return result;
}

function codes(result: CsvParseResult): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const p of result.problems)
    counts[`${p.code} ${p.severity}`] = (counts[`${p.code} ${p.severity}`] ?? 0) + 1;
  return counts;
}

function closeOn(result: CsvParseResult, symbol: string, date: string): number | undefined {
  return result.series.find((s) => s.symbol === symbol)?.bars.find((b) => b.date === date)?.close;
}

describe.skipIf(!HAS_MARKET)(TITLE, () => {
  // Rows = `wc -l` minus the header (every file ends with a newline except IWM_to2025-09.csv and
  // IWN_to2025-09.csv, counted by hand); first/last dates from `head -2`/`tail -1`; ignored columns
  // from the header lines. Problem counts: zero-volume rows after the first non-zero volume,
  // counted with awk (17 for RUT.csv, as the README says; RUT_ibkr.csv: 2023-07-05, 07-18, 07-25
  // and its last row; SPX_ibkr.csv and GSPC.csv: 2023-05-24).
  it.each([
    {
      file: 'RUT.csv',
      layout: 'ohlc',
      symbol: 'RUT',
      rows: 9686,
      first: '1987-09-10',
      last: '2026-02-23',
      ignored: [],
      problems: { 'csv/zero-volume warning': 17 },
    },
    {
      file: 'RUT_ibkr.csv',
      layout: 'ohlc',
      symbol: 'RUT',
      rows: 2552,
      first: '2016-06-28',
      last: '2026-08-21',
      ignored: ['wap', 'count'],
      problems: { 'csv/zero-volume warning': 4 },
    },
    {
      file: 'GSPC.csv',
      layout: 'close-only',
      symbol: 'SPX',
      rows: 24777,
      first: '1927-12-30',
      last: '2026-08-21',
      ignored: [],
      problems: { 'csv/zero-volume warning': 1 },
    },
    {
      file: 'GSPC_ohlc.csv',
      layout: 'ohlc',
      symbol: 'SPX',
      rows: 24748,
      first: '1927-12-30',
      last: '2026-07-13',
      ignored: [],
      problems: {},
    },
    {
      file: 'SPX_ibkr.csv',
      layout: 'ohlc',
      symbol: 'SPX',
      rows: 2552,
      first: '2016-06-28',
      last: '2026-08-21',
      ignored: ['wap', 'count'],
      problems: { 'csv/zero-volume warning': 1 },
    },
    {
      file: 'NDX.csv',
      layout: 'ohlc',
      symbol: 'NDX',
      rows: 10273,
      first: '1985-10-01',
      last: '2026-07-13',
      ignored: [],
      problems: {},
    },
    {
      file: 'IXIC_ibkr.csv',
      layout: 'ohlc',
      symbol: 'IXIC',
      rows: 2552,
      first: '2016-06-28',
      last: '2026-08-21',
      ignored: ['wap', 'count'],
      problems: {},
    },
    {
      file: 'IWM_adjusted.csv',
      layout: 'ohlc',
      symbol: 'IWM_ADJ',
      rows: 6473,
      first: '2000-05-26',
      last: '2026-02-23',
      ignored: [],
      problems: {},
    },
    {
      file: 'IWM_to2025-09.csv',
      layout: 'ohlc',
      symbol: 'IWM',
      rows: 6372,
      first: '2000-05-26',
      last: '2025-09-26',
      ignored: ['Adj Close'],
      problems: {},
    },
    {
      file: 'IWN_to2025-09.csv',
      layout: 'ohlc',
      symbol: 'IWN',
      rows: 6329,
      first: '2000-07-28',
      last: '2025-09-26',
      ignored: ['Adj Close'],
      problems: {},
    },
  ])(
    '$file: $layout, $symbol, $rows rows $first to $last',
    ({ file, layout, symbol, rows, first, last, ignored, problems }) => {
      const result = parseMarketFile(file);
      expect(result.layout).toBe(layout);
      expect(result.rowsRead).toBe(rows);
      expect(result.ignoredColumns).toEqual(ignored);
      expect(codes(result)).toEqual(problems);
      expect(result.series).toHaveLength(1);
      const [series] = result.series;
      expect(series!.symbol).toBe(symbol);
      expect(series!.bars).toHaveLength(rows);
      expect([series!.bars[0]!.date, series!.bars.at(-1)!.date]).toEqual([first, last]);
      expect(series!.firstLine).toBe(2);
    },
  );

  it.each([
    // Published: the Russell 2000's record close of 2,442.74 on 2021-11-08, beaten on 2025-09-18
    // at 2,467.70 (README; financial press).
    { file: 'RUT.csv', symbol: 'RUT', date: '2021-11-08', close: 2442.74 },
    { file: 'RUT.csv', symbol: 'RUT', date: '2025-09-18', close: 2467.7 },
    { file: 'RUT_ibkr.csv', symbol: 'RUT', date: '2021-11-08', close: 2442.74 },
    { file: 'asset_prices_yf.csv', symbol: 'RUT', date: '2025-09-18', close: 2467.7 },
    // Published: Black Monday, 1987-10-19, the S&P 500 closed at 224.84.
    { file: 'GSPC.csv', symbol: 'SPX', date: '1987-10-19', close: 224.84 },
    { file: 'GSPC_ohlc.csv', symbol: 'SPX', date: '1987-10-19', close: 224.84 },
    // Published: the S&P 500's record close of 6,631.96 on 2025-09-18.
    { file: 'SPX_ibkr.csv', symbol: 'SPX', date: '2025-09-18', close: 6631.96 },
    // Published: the Nasdaq-100's dot-com peak close, 4,704.73 on 2000-03-27.
    { file: 'NDX.csv', symbol: 'NDX', date: '2000-03-27', close: 4704.73 },
    // Published: the Nasdaq Composite's record close of 16,057.44 on 2021-11-19.
    { file: 'IXIC_ibkr.csv', symbol: 'IXIC', date: '2021-11-19', close: 16057.44 },
    // Read off the files: IWM's first unadjusted close (45 23/32) and its adjusted counterpart.
    { file: 'IWM_to2025-09.csv', symbol: 'IWM', date: '2000-05-26', close: 45.71875 },
    { file: 'IWM_adjusted.csv', symbol: 'IWM_ADJ', date: '2000-05-26', close: 32.929141998291016 },
    { file: 'IWN_to2025-09.csv', symbol: 'IWN', date: '2025-09-26', close: 176.119995 },
    // Published (FRED, Federal Reserve): the 10-year yield's record low close of 0.52% on
    // 2020-08-04; the target range set at 0-0.25% on 2008-12-16 and 5.25-5.50% from 2023-07-27.
    { file: 'FRED_rates.csv', symbol: 'DGS10', date: '2020-08-04', close: 0.52 },
    { file: 'FRED_rates.csv', symbol: 'DFEDTARL', date: '2008-12-16', close: 0 },
    { file: 'FRED_rates.csv', symbol: 'DFEDTARU', date: '2008-12-16', close: 0.25 },
    { file: 'FRED_rates.csv', symbol: 'DFEDTARU', date: '2023-07-27', close: 5.5 },
    // Read off the files: ZQ Dec-2026's first and last closes.
    { file: 'ZQ/ZQ_202612.csv', symbol: 'ZQ_202612', date: '2024-07-31', close: 96.435 },
    { file: 'ZQ/ZQ_202612.csv', symbol: 'ZQ_202612', date: '2026-07-31', close: 96.03 },
  ])('$file: $symbol closed at $close on $date', ({ file, symbol, date, close }) => {
    // Float32 artefacts are kept (2442.739990234375): equal to the published close to the cent.
    expect(closeOn(parseMarketFile(file), symbol, date)).toBeCloseTo(close, 2);
  });

  it("keeps RUT.csv's wrong intraday close of 2025-09-08 as written, and flags its row", () => {
    // README: 2393.69 in the file, 2394.89 official; its Volume is 0 (line 9572).
    const result = parseMarketFile('RUT.csv');
    expect(closeOn(result, 'RUT', '2025-09-08')).toBe(2393.690185546875);
    const flagged = result.problems.filter((p) => p.code === 'csv/zero-volume');
    expect(flagged.find((p) => p.date === '2025-09-08')).toMatchObject({ line: 9572, symbol: 'RUT' });
    expect(flagged.map((p) => p.line).slice(0, 3)).toEqual([9040, 9097, 9352]);
    expect(flagged.at(-1)).toMatchObject({ line: 9687, date: '2026-02-23' });
  });

  it('FRED_rates.csv: a wide table with DFF, DFEDTARL, DFEDTARU, DGS2, DGS10 and no problems', () => {
    // Value counts and first/last dates of each column counted with Python's csv module;
    // 24 columns (FEDFUNDS, SOFR*, OBFR, IORB, ..., BGCR) are not configured symbols.
    const result = parseMarketFile('FRED_rates.csv');
    expect(result.layout).toBe('wide');
    expect(result.rowsRead).toBe(26353);
    expect(result.problems).toEqual([]);
    expect(result.ignoredColumns).toHaveLength(23);
    expect(result.ignoredColumns).toContain('FEDFUNDS');
    const summary = result.series.map((s) => [
      s.symbol,
      s.bars.length,
      s.bars[0]!.date,
      s.bars.at(-1)!.date,
      s.firstLine,
    ]);
    expect(summary).toEqual([
      ['DFF', 26349, '1954-07-01', '2026-08-20', 2],
      ['DFEDTARL', 6458, '2008-12-16', '2026-08-21', 19894],
      ['DFEDTARU', 6458, '2008-12-16', '2026-08-21', 19894],
      ['DGS2', 12552, '1976-06-01', '2026-08-20', 8008],
      ['DGS10', 16144, '1962-01-02', '2026-08-20', 2744],
    ]);
  });

  it('asset_prices_yf.csv: SPX, NDX and RUT; blank weekend and holiday cells give no bars', () => {
    // 504 non-blank cells per index column (Python), 2024-08-22 (line 3) to 2026-08-21.
    const result = parseMarketFile('asset_prices_yf.csv');
    expect(result.layout).toBe('wide');
    expect(result.rowsRead).toBe(732);
    expect(result.problems).toEqual([]);
    expect(result.ignoredColumns).toHaveLength(69);
    expect(
      result.series.map((s) => [s.symbol, s.bars.length, s.bars[0]!.date, s.bars.at(-1)!.date, s.firstLine]),
    ).toEqual([
      ['SPX', 504, '2024-08-22', '2026-08-21', 3],
      ['NDX', 504, '2024-08-22', '2026-08-21', 3],
      ['RUT', 504, '2024-08-22', '2026-08-21', 3],
    ]);
    // 2024-08-24 (Saturday, line 5) and 2024-11-28 (Thanksgiving, line 101) are blank for all three.
    for (const series of result.series) {
      const dates = series.bars.map((b) => b.date);
      expect(dates).not.toContain('2024-08-24');
      expect(dates).not.toContain('2024-11-28');
    }
  });

  it('asset_prices_yf.csv: three weekend rows carry copied index values, caught as non-sessions', () => {
    // 2026-08-01 (Sat, line 712), 2026-08-02 (Sun, 713) and 2026-08-15 (Sat, 726) repeat Friday's
    // close rounded to 4 decimals (7489.7202 for SPX): 3 rows x 3 indexes.
    const text = readFileSync(new URL('asset_prices_yf.csv', MARKET), 'utf8');
    const isNonSession = (date: string) => (isWeekend(date) ? 'weekend' : null);
    const result = parseMarketCsv(text, { file: 'asset_prices_yf.csv', registry, isNonSession });
    expect(result.problems.map((p) => `${p.code}@${p.line}:${p.symbol}`)).toEqual(
      [712, 713, 726].flatMap((line) => ['SPX', 'NDX', 'RUT'].map((s) => `csv/non-session@${line}:${s}`)),
    );
    expect(result.series.map((s) => s.bars.length)).toEqual([501, 501, 501]);
  });

  // Rows (`wc -l` minus 1) and first/last dates (head/tail) of each contract file. Futures are not
  // indexes: their many zero-volume rows (indicative quotes) are not flagged.
  it.each([
    ['ZQ_202607', 497, '2024-07-31', '2026-07-30'],
    ['ZQ_202608', 499, '2024-07-31', '2026-07-31'],
    ['ZQ_202609', 498, '2024-07-31', '2026-07-31'],
    ['ZQ_202610', 499, '2024-07-31', '2026-07-31'],
    ['ZQ_202611', 498, '2024-07-31', '2026-07-31'],
    ['ZQ_202612', 498, '2024-07-31', '2026-07-31'],
    ['ZQ_202701', 498, '2024-07-31', '2026-07-31'],
    ['ZQ_202702', 498, '2024-07-31', '2026-07-31'],
    ['ZQ_202703', 498, '2024-07-31', '2026-07-31'],
    ['ZQ_202704', 501, '2024-07-31', '2026-07-31'],
    ['ZQ_202705', 501, '2024-07-31', '2026-07-31'],
    ['ZQ_202706', 501, '2024-07-31', '2026-07-31'],
    ['ZQ_202707', 501, '2024-07-31', '2026-07-31'],
    ['ZQ_202708', 501, '2024-07-31', '2026-07-31'],
    ['ZQ_202709', 497, '2024-07-31', '2026-07-31'],
    ['ZQ_202710', 497, '2024-07-31', '2026-07-31'],
    ['ZQ_202711', 496, '2024-07-31', '2026-07-30'],
    ['ZQ_202712', 495, '2024-07-31', '2026-07-30'],
    ['ZQ_202801', 500, '2024-07-31', '2026-07-30'],
    ['ZQ_202802', 500, '2024-07-31', '2026-07-30'],
    ['ZQ_202803', 500, '2024-07-31', '2026-07-30'],
    ['ZQ_202804', 500, '2024-07-31', '2026-07-30'],
    ['ZQ_202805', 500, '2024-07-31', '2026-07-30'],
    ['ZQ_202806', 500, '2024-07-31', '2026-07-30'],
    ['ZQ_202807', 498, '2024-08-01', '2026-07-30'],
  ])('ZQ/%s.csv: %i rows %s to %s', (symbol, rows, first, last) => {
    const result = parseMarketFile(`ZQ/${symbol}.csv`);
    expect(result.layout).toBe('ohlc');
    expect(result.problems).toEqual([]);
    expect(result.ignoredColumns).toEqual(['average', 'barCount']);
    expect(result.series.map((s) => [s.symbol, s.bars.length, s.bars[0]!.date, s.bars.at(-1)!.date])).toEqual(
      [[symbol, rows, first, last]],
    );
  });
});
