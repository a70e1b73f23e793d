/**
 * A fixed symbol registry for the CSV parser's unit tests, so they do not change meaning when the
 * project's default symbols gain aliases or series. Specs follow src/symbols.ts.
 */
import { SymbolRegistry, type SymbolSpec } from '../../src/symbols.ts';

const TEST_SYMBOLS: SymbolSpec[] = [
  { key: 'RUT', name: 'Russell 2000', kind: 'index', aliases: ['^RUT', 'RUT_ibkr'] },
  { key: 'SPX', name: 'S&P 500', kind: 'index', aliases: ['^GSPC', 'GSPC', '^SPX', 'GSPC_ohlc', 'SPX_ibkr'] },
  { key: 'NDX', name: 'Nasdaq-100', kind: 'index', aliases: ['^NDX'] },
  { key: 'IWM', name: 'iShares Russell 2000 ETF', kind: 'etf', aliases: ['IWM_to2025-09'] },
  { key: 'DGS2', name: '2-year Treasury yield', kind: 'rate', aliases: [] },
  { key: 'DGS10', name: '10-year Treasury yield', kind: 'rate', aliases: [] },
  { key: 'DFF', name: 'Effective federal funds rate', kind: 'rate', aliases: [] },
  { key: 'DFEDTARL', name: 'Fed funds target range, lower limit', kind: 'rate', aliases: [] },
  { key: 'DFEDTARU', name: 'Fed funds target range, upper limit', kind: 'rate', aliases: [] },
];

export function testRegistry(): SymbolRegistry {
  return new SymbolRegistry(TEST_SYMBOLS);
}
