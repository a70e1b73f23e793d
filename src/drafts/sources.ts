/** Where a piece's numbers came from, for its front matter and its closing line. */
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
