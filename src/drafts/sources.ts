/**
 * Where a piece's numbers came from: the provenance list for its front matter (file names and
 * providers, for editors) and the credit line readers see (index owner and provider, only for
 * the series the piece prints).
 */
import type { FactSet } from '../facts/types.ts';
import type { SymbolRegistry } from '../symbols.ts';

const PROVIDER_NAMES: Record<string, string> = {
  demo: 'wirecopy demo data (generated)',
  yahoo: 'Yahoo Finance',
  fred: 'FRED, Federal Reserve Bank of St. Louis',
  stooq: 'Stooq',
};

export function sourceName(source: string): string {
  // `csv:RUT.csv@3189f0b4b2e1`: readers need the file's name, not the hash of its content.
  if (source.startsWith('csv:')) return `imported file ${source.slice(4).replace(/@[0-9a-f]+$/, '')}`;
  return PROVIDER_NAMES[source] ?? source;
}

export function describeSources(factSet: FactSet, registry: SymbolRegistry) {
  const list = Object.entries(factSet.series).map(([symbol, used]) => ({
    symbol,
    name: registry.resolve(symbol)?.name ?? symbol,
    sources: used.sources,
    first: used.first,
    last: used.last,
  }));
  const names = [...new Set(list.flatMap((s) => s.sources.map(sourceName)))];
  return { list, text: names.join('; ') || 'none' };
}

/** Who owns each index a piece may quote: readers are owed the index owner, not a file name. */
const INDEX_OWNERS: Record<string, string> = {
  RUT: 'FTSE Russell',
  RUJ: 'FTSE Russell',
  RUO: 'FTSE Russell',
  SPX: 'S&P Dow Jones Indices',
  NDX: 'Nasdaq',
  IXIC: 'Nasdaq',
  IWM: 'iShares (BlackRock)',
  IWM_ADJ: 'iShares (BlackRock)',
  IWN: 'iShares (BlackRock)',
};

/** "via Yahoo Finance" for fetched series; an imported file names no provider readers know. */
function viaProvider(sources: readonly string[]): string {
  const providers = [...new Set(sources.filter((s) => !s.startsWith('csv:')).map(sourceName))];
  return providers.length > 0 ? `, via ${providers.join(' and ')}` : '';
}

/**
 * The credit line: "Russell 2000: FTSE Russell, via Yahoo Finance; Treasury yields and the fed
 * funds target: Federal Reserve Bank of St. Louis (FRED)". `printed` is the ids of the facts the
 * body prints; a series the piece never quotes is not credited.
 */
export function readerSources(printed: Iterable<string>, factSet: FactSet, registry: SymbolRegistry): string {
  if (factSet.dataset === 'demo') return PROVIDER_NAMES['demo']!;
  const prefixes = new Set([...printed].map((id) => id.split('.')[0]!));
  const credits: string[] = [];
  for (const [symbol, used] of Object.entries(factSet.series)) {
    const owner = INDEX_OWNERS[symbol];
    if (!owner || !prefixes.has(symbol)) continue;
    const name = registry.resolve(symbol)?.name ?? symbol;
    credits.push(`${name}: ${owner}${viaProvider(used.sources)}`);
  }
  const yields = [...prefixes].some((p) => /^DGS\d+$/.test(p));
  const printedIds = [...printed];
  const target = printedIds.some((id) => id.startsWith('FED.target') || id === 'DFF.level');
  const rates = [yields ? 'Treasury yields' : '', target ? 'the fed funds target' : '']
    .filter(Boolean)
    .join(' and ');
  if (rates)
    credits.push(`${rates[0]!.toUpperCase()}${rates.slice(1)}: Federal Reserve Bank of St. Louis (FRED)`);
  if (
    printedIds.some((id) => id.startsWith('FED.cut_probability') || id.startsWith('FED.hike_probability'))
  ) {
    credits.push('Rate-cut odds: computed from CME Group fed funds futures');
  }
  return credits.join('; ') || 'wirecopy market data';
}
