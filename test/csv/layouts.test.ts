import { describe, expect, it } from 'vitest';
import { symbolFromFileName } from '../../src/fetchers/csv/file-symbol.ts';
import { detectLayout } from '../../src/fetchers/csv/layouts.ts';
import { testRegistry } from './test-registry.ts';

const registry = testRegistry();
const detect = (header: string, symbol?: string) =>
  detectLayout(header.split(','), { file: 'x.csv', line: 1, registry, ...(symbol ? { symbol } : {}) });

// Headers as the vendors write them: Yahoo (Close second in RUT.csv), Yahoo with Adj Close,
// IBKR lower case with wap/count, IBKR futures (ZQ), Stooq in English and in Polish, Stooq's old
// bracketed ASCII format, FRED single-series and wide tables. Column indexes counted by hand.
describe('detectLayout: OHLC and close-only', () => {
  it.each([
    {
      header: 'Date,Close,High,Low,Open,Volume',
      layout: 'ohlc',
      prices: { date: 0, open: 4, high: 2, low: 3, close: 1, volume: 5 },
      ignored: [],
    },
    {
      header: 'Date,Open,High,Low,Close,Adj Close,Volume',
      layout: 'ohlc',
      prices: { date: 0, open: 1, high: 2, low: 3, close: 4, volume: 6 },
      ignored: ['Adj Close'],
    },
    {
      header: 'date,open,high,low,close,volume,wap,count',
      layout: 'ohlc',
      prices: { date: 0, open: 1, high: 2, low: 3, close: 4, volume: 5 },
      ignored: ['wap', 'count'],
    },
    {
      header: 'date,open,high,low,close,volume,average,barCount',
      layout: 'ohlc',
      prices: { date: 0, open: 1, high: 2, low: 3, close: 4, volume: 5 },
      ignored: ['average', 'barCount'],
    },
    {
      header: 'Data,Otwarcie,Najwyzszy,Najnizszy,Zamkniecie,Wolumen',
      layout: 'ohlc',
      prices: { date: 0, open: 1, high: 2, low: 3, close: 4, volume: 5 },
      ignored: [],
    },
    {
      header: '<TICKER>,<PER>,<DATE>,<TIME>,<OPEN>,<HIGH>,<LOW>,<CLOSE>,<VOL>,<OPENINT>',
      layout: 'ohlc',
      prices: { date: 2, open: 4, high: 5, low: 6, close: 7, volume: 8 },
      ignored: ['<TICKER>', '<PER>', '<TIME>', '<OPENINT>'],
    },
    {
      header: ' DATE , CLOSE ',
      layout: 'close-only',
      prices: { date: 0, open: -1, high: -1, low: -1, close: 1, volume: -1 },
      ignored: [],
    },
    {
      header: 'Volume,Close,Date',
      layout: 'close-only',
      prices: { date: 2, open: -1, high: -1, low: -1, close: 1, volume: 0 },
      ignored: [],
    },
    {
      header: 'Datetime,Open,High,Low,Close,Volume,Dividends,Stock Splits',
      layout: 'ohlc',
      prices: { date: 0, open: 1, high: 2, low: 3, close: 4, volume: 5 },
      ignored: ['Dividends', 'Stock Splits'],
    },
  ])('$header → $layout', ({ header, layout, prices, ignored }) => {
    const found = detect(header);
    expect(found.layout).toBe(layout);
    if (found.layout !== 'ohlc' && found.layout !== 'close-only') return;
    expect({ date: found.date, ...found.prices }).toEqual(prices);
    expect(found.ignoredColumns).toEqual(ignored);
    expect(found.problems).toEqual([]);
  });
});

describe('detectLayout: wide tables', () => {
  it.each([
    { header: 'observation_date,DGS2', symbol: undefined, series: [['DGS2', 'DGS2', 1]], ignored: [] },
    { header: 'DATE,DGS10', symbol: undefined, series: [['DGS10', 'DGS10', 1]], ignored: [] },
    {
      header: 'date,FEDFUNDS,DFF,DFEDTARL,SOFR',
      symbol: undefined,
      series: [
        ['DFF', 'DFF', 2],
        ['DFEDTARL', 'DFEDTARL', 3],
      ],
      ignored: ['FEDFUNDS', 'SOFR'],
    },
    {
      header: 'date,SPX,NDX,RUT,BTC,SPX_volume',
      symbol: undefined,
      series: [
        ['SPX', 'SPX', 1],
        ['NDX', 'NDX', 2],
        ['RUT', 'RUT', 3],
      ],
      ignored: ['BTC', 'SPX_volume'],
    },
    // `^GSPC` resolves to SPX: the header is kept as written, the symbol is the key.
    {
      header: 'Date,^GSPC,^RUT',
      symbol: undefined,
      series: [
        ['SPX', '^GSPC', 1],
        ['RUT', '^RUT', 2],
      ],
      ignored: [],
    },
    // One value column and --symbol: the column is that series, whatever its header.
    { header: 'DATE,VALUE', symbol: 'DGS2', series: [['DGS2', 'VALUE', 1]], ignored: [] },
  ])('$header', ({ header, symbol, series, ignored }) => {
    const found = detect(header, symbol);
    expect(found.layout).toBe('wide');
    if (found.layout !== 'wide') return;
    expect(found.series.map((s) => [s.symbol, s.header, s.index])).toEqual(series);
    expect(found.ignoredColumns).toEqual(ignored);
    expect(found.problems).toEqual([]);
  });
});

describe('detectLayout: unusable headers', () => {
  it.each([
    { header: 'Day,Price,Shares', code: 'csv/no-date-column', says: 'has no date column' },
    { header: '2024-01-02,2030.0,3100000000', code: 'csv/no-date-column', says: 'no header line' },
    { header: 'Date,Open,High,Low', code: 'csv/no-value-column', says: 'no Close column' },
    { header: 'Date,Price', code: 'csv/no-value-column', says: '(Price)' },
    { header: 'Date,Adj Close', code: 'csv/no-value-column', says: 'no value column' },
    { header: 'Date', code: 'csv/no-value-column', says: 'no value column' },
  ])('$header → $code', ({ header, code, says }) => {
    const found = detect(header);
    expect(found.layout).toBe('unknown');
    expect(found.problems).toHaveLength(1);
    expect(found.problems[0]).toMatchObject({ code, severity: 'error', line: 1 });
    expect(found.problems[0]!.message).toContain(says);
  });

  it.each([
    { header: 'Date,Close,Close', ignored: ['Close'], column: 'Close' },
    { header: 'date,SPX,^GSPC', ignored: ['^GSPC'], column: '^GSPC' },
  ])('a repeated column is a warning and the first one is used: $header', ({ header, ignored, column }) => {
    const found = detect(header);
    expect(found.layout).not.toBe('unknown');
    expect(found.ignoredColumns).toEqual(ignored);
    expect(found.problems).toMatchObject([{ code: 'csv/duplicate-column', severity: 'warning', column }]);
  });
});

// The aliases are those of DEFAULT_SYMBOLS in src/symbols.ts; fed funds contracts resolve by pattern.
describe('symbolFromFileName', () => {
  it.each([
    ['GSPC.csv', 'SPX'],
    ['^GSPC.csv', 'SPX'],
    ['SPX.csv', 'SPX'],
    ['data/market/^RUT.csv', 'RUT'],
    ['C:\\data\\RUT_ibkr.csv', 'RUT'],
    ['rut.csv', 'RUT'],
    ['ZQ_202612.csv', 'ZQ_202612'],
    ['ZQ/ZQ_202807.csv', 'ZQ_202807'],
    ['IWM_to2025-09.csv', 'IWM'],
    ['^spx_d.csv', 'SPX'],
    ['iwm.us.csv', 'IWM'],
    ['DGS2', 'DGS2'],
    // Adjusted prices must not pass as IWM's closes; unknown vendors need an alias.
    ['IWM_adjusted.csv', undefined],
    ['IXIC_ibkr.csv', undefined],
    ['prices.csv', undefined],
  ])('%s → %s', (file, symbol) => {
    expect(symbolFromFileName(file, registry)).toBe(symbol);
  });
});
