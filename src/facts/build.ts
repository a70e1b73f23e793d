/**
 * Builds the FactSet for one as-of session: loads each configured series through the as-of
 * date, runs the pure stats engine once per series (and once per series vs the benchmark),
 * and turns its values into facts with units, house-style text and definitions.
 */
import {
  analyzePair,
  analyzeSeries,
  pairStatsAt,
  type SignalConfig,
  seriesStatsAt,
} from '../stats/analysis.ts';
import type { StatResult } from '../stats/types.ts';
import type { StoredSeries } from '../store/market-store.ts';
import type { SymbolRegistry } from '../symbols.ts';
import type { Dataset, IsoDate, SymbolKey } from '../types.ts';
import { catalogueEntry, catalogueIds, describe } from './catalogue.ts';
import { formatFactValue } from './format.ts';
import type { Fact, FactSet, MissingFact } from './types.ts';

export interface SeriesSource {
  loadSeries(symbol: SymbolKey, through?: IsoDate): StoredSeries | undefined;
}

export interface FactSetOptions {
  asOf: IsoDate;
  indexes: readonly SymbolKey[];
  benchmark: SymbolKey;
  registry: SymbolRegistry;
  /** Event-study signals (`S.pattern.<id>.*`); default: three-day-surge. */
  signals?: readonly SignalConfig[];
}

export function buildFactSet(source: SeriesSource, options: FactSetOptions): FactSet {
  const { asOf, indexes, benchmark, registry } = options;
  const facts: Record<string, Fact> = {};
  const missing: MissingFact[] = [];
  const datasets = new Set<Dataset>();
  const used: FactSet['series'] = {};
  const nameOf = (key: SymbolKey) => registry.resolve(key)?.name ?? key;

  const loaded = new Map<SymbolKey, StoredSeries>();
  const unavailable = new Map<SymbolKey, string>();
  for (const symbol of new Set([...indexes, benchmark])) {
    const series = source.loadSeries(symbol, asOf);
    const last = series?.dates.at(-1);
    if (!series || last === undefined) {
      unavailable.set(
        symbol,
        `no ${symbol} data in the store; run \`wirecopy import\`, \`wirecopy fetch\` or \`wirecopy demo\``,
      );
    } else if (last !== asOf) {
      unavailable.set(
        symbol,
        `${symbol} has no close for ${asOf} (its latest close on or before it is ${last})`,
      );
    } else {
      loaded.set(symbol, series);
    }
  }

  const add = (symbol: SymbolKey, idPrefix: string, results: StatResult[], benchmarkName = '') => {
    for (const result of results) {
      const id = `${idPrefix}.${result.id}`;
      if ('missing' in result) {
        missing.push({ id, reason: result.missing });
        continue;
      }
      const entry = catalogueEntry(result.id);
      if (!entry)
        throw new Error(`stat ${result.id} has no catalogue entry: add it to src/facts/catalogue.ts`);
      facts[id] = {
        id,
        value: result.value,
        unit: entry.unit,
        display: formatFactValue(result.value, entry.unit, asOf),
        asOf,
        inputs: result.inputs,
        definition: describe(entry, nameOf(symbol), benchmarkName),
      };
    }
  };

  const benchmarkSeries = loaded.get(benchmark);
  for (const symbol of indexes) {
    const series = loaded.get(symbol);
    if (!series) {
      const reason = unavailable.get(symbol)!;
      for (const id of catalogueIds([symbol], benchmark, options.signals)) missing.push({ id, reason });
      continue;
    }
    for (const d of series.datasets) datasets.add(d);
    used[symbol] = { sources: [...new Set(series.sources)], first: series.dates[0]!, last: asOf };
    const analysis = analyzeSeries(series, options.signals ? { signals: options.signals } : {});
    add(symbol, symbol, seriesStatsAt(analysis, series.dates.length - 1));
    if (symbol === benchmark) continue;
    if (!benchmarkSeries) {
      const reason = unavailable.get(benchmark)!;
      for (const id of catalogueIds([symbol], benchmark).filter((i) => i.includes('.vs.')))
        missing.push({ id, reason });
      continue;
    }
    add(symbol, symbol, pairStatsAt(analyzePair(series, benchmarkSeries), asOf), nameOf(benchmark));
  }
  if (benchmarkSeries && !indexes.includes(benchmark)) {
    for (const d of benchmarkSeries.datasets) datasets.add(d);
  }

  return { asOf, dataset: datasetLabel(datasets), facts, missing, series: used };
}

/** Demo taints everything it touches; otherwise the real datasets joined (`csv`, `csv+live`). */
export function datasetLabel(datasets: ReadonlySet<Dataset>): string {
  if (datasets.has('demo')) return 'demo';
  if (datasets.size === 0) return 'none';
  return [...datasets].sort().join('+');
}
