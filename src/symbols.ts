/**
 * The configured series: what each key means, what kind of instrument it is, and every name
 * the importer and providers know it by. The config file can add aliases or series.
 */
import type { SymbolKey, SymbolKind } from './types.ts';

export interface SymbolSpec {
  key: SymbolKey;
  /** The name a reader knows: "Russell 2000". */
  name: string;
  kind: SymbolKind;
  /** Other spellings, case-insensitive: file names, column headers, provider tickers. */
  aliases: string[];
  /** Yahoo Finance ticker, when Yahoo carries it. */
  yahoo?: string;
  /** FRED series id, for rates. */
  fred?: string;
}

export const DEFAULT_SYMBOLS: SymbolSpec[] = [
  {
    key: 'RUT',
    name: 'Russell 2000',
    kind: 'index',
    aliases: ['^RUT', 'RUT', 'RUT_ibkr', 'Russell 2000'],
    yahoo: '^RUT',
  },
  {
    key: 'SPX',
    name: 'S&P 500',
    kind: 'index',
    aliases: ['^GSPC', 'GSPC', 'SPX', '^SPX', 'GSPC_ohlc', 'SPX_ibkr', 'S&P 500'],
    yahoo: '^GSPC',
  },
  {
    key: 'NDX',
    name: 'Nasdaq-100',
    kind: 'index',
    aliases: ['^NDX', 'NDX', 'Nasdaq-100', 'Nasdaq 100'],
    yahoo: '^NDX',
  },
  { key: 'RUJ', name: 'Russell 2000 Value', kind: 'index', aliases: ['^RUJ', 'RUJ'], yahoo: '^RUJ' },
  { key: 'RUO', name: 'Russell 2000 Growth', kind: 'index', aliases: ['^RUO', 'RUO'], yahoo: '^RUO' },
  {
    key: 'IWM',
    name: 'iShares Russell 2000 ETF',
    kind: 'etf',
    aliases: ['IWM', 'IWM_to2025-09'],
    yahoo: 'IWM',
  },
  // Split- and dividend-adjusted closes are a different series from the traded price: kept apart
  // so that an adjusted file can never splice into IWM's unadjusted history.
  {
    key: 'IWM_ADJ',
    name: 'iShares Russell 2000 ETF, adjusted closes',
    kind: 'etf',
    aliases: ['IWM_adjusted', 'IWM adjusted'],
  },
  {
    key: 'IWN',
    name: 'iShares Russell 2000 Value ETF',
    kind: 'etf',
    aliases: ['IWN', 'IWN_to2025-09'],
    yahoo: 'IWN',
  },
  {
    key: 'IXIC',
    name: 'Nasdaq Composite',
    kind: 'index',
    aliases: ['^IXIC', 'IXIC', 'IXIC_ibkr'],
    yahoo: '^IXIC',
  },
  { key: 'DGS2', name: '2-year Treasury yield', kind: 'rate', aliases: ['DGS2'], fred: 'DGS2' },
  { key: 'DGS10', name: '10-year Treasury yield', kind: 'rate', aliases: ['DGS10'], fred: 'DGS10' },
  { key: 'DFF', name: 'Effective federal funds rate', kind: 'rate', aliases: ['DFF'], fred: 'DFF' },
  {
    key: 'DFEDTARL',
    name: 'Fed funds target range, lower limit',
    kind: 'rate',
    aliases: ['DFEDTARL'],
    fred: 'DFEDTARL',
  },
  {
    key: 'DFEDTARU',
    name: 'Fed funds target range, upper limit',
    kind: 'rate',
    aliases: ['DFEDTARU'],
    fred: 'DFEDTARU',
  },
];

/** `ZQ_202612`, `ZQZ26`, `ZQZ26.CBT`: 30-day fed funds futures by contract month. */
const FED_FUNDS_FUTURE = /^ZQ_(\d{4})(\d{2})$/i;
const FED_FUNDS_FUTURE_YAHOO = /^ZQ([FGHJKMNQUVXZ])(\d{2})(?:\.CBT)?$/i;
const MONTH_CODES = 'FGHJKMNQUVXZ';

export class SymbolRegistry {
  readonly specs: readonly SymbolSpec[];
  private readonly byAlias = new Map<string, SymbolSpec>();

  constructor(specs: readonly SymbolSpec[] = DEFAULT_SYMBOLS) {
    this.specs = specs;
    for (const spec of specs) {
      for (const name of [spec.key, ...spec.aliases]) this.byAlias.set(name.toLowerCase(), spec);
    }
  }

  /** The spec for a key or alias (`^GSPC` → SPX), or a fed funds contract; undefined if unknown. */
  resolve(name: string): SymbolSpec | undefined {
    const trimmed = name.trim();
    const known = this.byAlias.get(trimmed.toLowerCase());
    if (known) return known;
    return fedFundsContract(trimmed);
  }

  get(key: SymbolKey): SymbolSpec {
    const spec = this.resolve(key);
    if (!spec) throw new RangeError(`unknown symbol ${key}`);
    return spec;
  }

  keys(): SymbolKey[] {
    return this.specs.map((s) => s.key);
  }
}

function fedFundsContract(name: string): SymbolSpec | undefined {
  let year: number;
  let month: number;
  const plain = FED_FUNDS_FUTURE.exec(name);
  const yahoo = FED_FUNDS_FUTURE_YAHOO.exec(name);
  if (plain) {
    year = Number(plain[1]);
    month = Number(plain[2]);
  } else if (yahoo) {
    month = MONTH_CODES.indexOf(yahoo[1]!.toUpperCase()) + 1;
    year = 2000 + Number(yahoo[2]);
  } else {
    return undefined;
  }
  if (month < 1 || month > 12) return undefined;
  const mm = String(month).padStart(2, '0');
  const code = `${MONTH_CODES[month - 1]}${String(year % 100).padStart(2, '0')}`;
  return {
    key: `ZQ_${year}${mm}`,
    name: `30-day fed funds futures, ${year}-${mm}`,
    kind: 'future',
    aliases: [`ZQ${code}`, `ZQ${code}.CBT`],
    yahoo: `ZQ${code}.CBT`,
  };
}
