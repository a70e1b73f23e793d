import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMarketCsv } from '../../src/fetchers/csv/parse.ts';
import { testRegistry } from './test-registry.ts';

const registry = testRegistry();

/** Four sessions of the Russell 2000, Nov. 4-9, 2021, copied from RUT_ibkr.csv (2-decimal prices). */
const COLUMNS = ['Date', 'Open', 'High', 'Low', 'Close', 'Volume'];
const ROWS = [
  ['2021-11-04', '2404.68', '2423.83', '2395.5', '2402.43', '4462300000.0'],
  ['2021-11-05', '2403.13', '2449.14', '2403.13', '2437.08', '4467180000.0'],
  ['2021-11-08', '2438.36', '2458.86', '2438.06', '2442.74', '4269710000.0'],
  ['2021-11-09', '2442.22', '2442.22', '2414.43', '2427.29', '4117080000.0'],
];

/** The same table with its columns in `order` (a permutation of COLUMNS' indexes). */
function csvInOrder(order: number[], header = COLUMNS, rows = ROWS): string {
  const line = (cells: string[]) => order.map((i) => cells[i]).join(',');
  return [line(header), ...rows.map(line)].join('\n');
}

const parse = (text: string) => parseMarketCsv(text, { file: 'RUT.csv', registry });

describe('column order independence', () => {
  const baseline = parse(csvInOrder([0, 1, 2, 3, 4, 5]));

  it('reads the baseline (Yahoo/Stooq order) as written', () => {
    // 2021-11-08 is the Russell 2000's published record close, 2,442.74.
    expect(baseline.problems).toEqual([]);
    expect(baseline.series[0]!.bars[2]).toEqual({
      date: '2021-11-08',
      open: 2438.36,
      high: 2458.86,
      low: 2438.06,
      close: 2442.74,
      volume: 4269710000,
    });
  });

  it.each([
    { name: 'RUT.csv order: Date,Close,High,Low,Open,Volume', order: [0, 4, 2, 3, 1, 5] },
    { name: 'date last, volume first', order: [5, 4, 3, 2, 1, 0] },
    {
      name: 'IBKR order, lower-cased headers',
      order: [0, 1, 2, 3, 4, 5],
      header: COLUMNS.map((c) => c.toLowerCase()),
    },
  ])('$name gives identical bars', ({ order, header }) => {
    const result = parse(csvInOrder(order, header));
    expect(result.problems).toEqual([]);
    // Only the `column` label differs (it is the header as written: Close or close).
    expect(result.series.map((s) => [s.symbol, s.firstLine, s.bars])).toEqual(
      baseline.series.map((s) => [s.symbol, s.firstLine, s.bars]),
    );
  });

  it('any permutation of the six columns gives identical bars (property)', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([0, 1, 2, 3, 4, 5], { minLength: 6, maxLength: 6 }), (order) => {
        const result = parse(csvInOrder(order));
        expect(result.layout).toBe('ohlc');
        expect(result.series[0]!.bars).toEqual(baseline.series[0]!.bars);
      }),
    );
  });

  it('a wide table gives the same series whatever the order of its columns', () => {
    // SPX and RUT closes of 2024-01-05 and 2024-01-08 (from SPX_ibkr.csv and RUT_ibkr.csv).
    const a = parseMarketCsv('date,SPX,RUT\n2024-01-05,4697.24,1951.14\n2024-01-08,4763.54,1989.01\n', {
      file: 'wide.csv',
      registry,
    });
    const b = parseMarketCsv('RUT,date,SPX\n1951.14,2024-01-05,4697.24\n1989.01,2024-01-08,4763.54\n', {
      file: 'wide.csv',
      registry,
    });
    const bySymbol = (r: typeof a) => Object.fromEntries(r.series.map((s) => [s.symbol, s.bars]));
    expect(Object.keys(bySymbol(a)).sort()).toEqual(['RUT', 'SPX']);
    expect(bySymbol(b)).toEqual(bySymbol(a));
    expect(bySymbol(a)['RUT']!.map((bar) => bar.close)).toEqual([1951.14, 1989.01]);
  });
});
