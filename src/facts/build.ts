/**
 * Builds the FactSet for one as-of session: loads each configured series through the as-of
 * date, runs the pure stats engine once per series (and once per series vs the benchmark),
 * and turns its values into facts with units, house-style text and definitions.
 */
import {
  analyzePair,
  analyzeSeries,
  indexOnOrBefore,
  indexStatsAt,
  moveRankStatsAt,
  type PairAnalysis,
  pairStatsAt,
  patternsStatsAt,
  type SeriesAnalysis,
  type SignalConfig,
  sinceStatsAt,
} from '../stats/analysis.ts';
import type { YtdRaceThresholds } from '../stats/lead-since.ts';
import type { OptionsSnapshot } from '../stats/options.ts';
import type { SuperlativeMinPeriods } from '../stats/superlatives.ts';
import type { PriceTarget } from '../stats/targets.ts';
import type { StatResult } from '../stats/types.ts';
import type { StoredSeries } from '../store/market-store.ts';
import type { SymbolRegistry } from '../symbols.ts';
import type { Dataset, IsoDate, SymbolKey } from '../types.ts';
import { catalogueEntry, catalogueIds, describe } from './catalogue.ts';
import { formatFactValue } from './format.ts';
import { allGroups, type FactGroup } from './groups.ts';
import {
  fedContextGroup,
  fedGroup,
  type MacroSource,
  optionsGroup,
  RECENT_SERIES,
  rateGroups,
  recentFrom,
  targetGroups,
} from './macro.ts';
import type { Fact, FactSet, MissingFact } from './types.ts';

export interface SeriesSource extends MacroSource {
  /** `from`: the closes from the last one before it on (see `MarketStore.loadSeries`). */
  loadSeries(symbol: SymbolKey, through?: IsoDate, from?: IsoDate): StoredSeries | undefined;
}

export interface FactSetOptions {
  asOf: IsoDate;
  indexes: readonly SymbolKey[];
  benchmark: SymbolKey;
  registry: SymbolRegistry;
  /** Event-study signals (`S.pattern.<id>.*`); default: three-day-surge. */
  signals?: readonly SignalConfig[];
  /** Analyst targets from the desk's inputs (`S.target.<org>.upside`). */
  targets?: readonly PriceTarget[];
  targetMaxAgeDays?: number;
  /** FOMC decision dates beyond the calendar in the repo (the desk's notes). */
  extraMeetings?: readonly IsoDate[];
  /** When a superlative is notable, and how the year-to-date race is read: the config's `facts`. */
  superlatives?: SuperlativeMinPeriods;
  ytdRace?: YtdRaceThresholds;
  /** The parts to build (groups.ts); default: every one. A draft builds what its stories read. */
  groups?: readonly FactGroup[];
}

export function buildFactSet(source: SeriesSource, options: FactSetOptions): FactSet {
  return new FactSetBuilder(source, { ...options, through: options.asOf, from: options.asOf }).at(
    options.asOf,
  );
}

/**
 * FactSets for many sessions from one load: each series is read from the store and analyzed
 * once (through the last session wanted), then `at(asOf)` reads the stats at that session in
 * O(1) per stat. The stats engine only looks back from a session, so a FactSet built this way
 * equals the one built for that session alone. This is how backfills stay linear.
 */
export class FactSetBuilder {
  private readonly source: SeriesSource;
  private readonly options: Omit<FactSetOptions, 'asOf'> & { from?: IsoDate };
  private readonly analyses = new Map<SymbolKey, SeriesAnalysis | null>();
  private readonly pairs = new Map<SymbolKey, PairAnalysis>();
  /** The groups this builder computes (groups.ts). */
  readonly groups: ReadonlySet<FactGroup>;

  /**
   * `through`: the last session `at` will be asked for. `from`: the first; series whose facts
   * look back only weeks (`RECENT_SERIES`) are then read from shortly before it, not from 1962.
   */
  constructor(
    source: SeriesSource,
    options: Omit<FactSetOptions, 'asOf'> & { through: IsoDate; from?: IsoDate },
  ) {
    this.source = cachedSource(source, options.through, options.from);
    this.options = options;
    this.groups = new Set(options.groups ?? allGroups(options.indexes));
  }

  private analysisOf(symbol: SymbolKey): SeriesAnalysis | null {
    if (!this.analyses.has(symbol)) {
      const series = this.source.loadSeries(symbol);
      const { signals, superlatives } = this.options;
      const options = { ...(signals ? { signals } : {}), ...(superlatives ? { superlatives } : {}) };
      this.analyses.set(symbol, series ? analyzeSeries(series, options) : null);
    }
    return this.analyses.get(symbol)!;
  }

  private pairOf(symbol: SymbolKey, s: SeriesAnalysis, b: SeriesAnalysis): PairAnalysis {
    let pair = this.pairs.get(symbol);
    if (!pair) {
      const { superlatives, ytdRace } = this.options;
      pair = analyzePair(s.series, b.series, {
        periods: { s: s.periods, b: b.periods },
        ...(superlatives ? { superlatives } : {}),
        ...(ytdRace ? { ytdRace } : {}),
      });
      this.pairs.set(symbol, pair);
    }
    return pair;
  }

  at(asOf: IsoDate): FactSet {
    const { indexes, benchmark, registry, from } = this.options;
    if (from !== undefined && asOf < from)
      throw new RangeError(`this FactSetBuilder reads sessions from ${from} on; ${asOf} is before`);
    const source = this.source;
    const facts: Record<string, Fact> = {};
    const missing: MissingFact[] = [];
    const datasets = new Set<Dataset>();
    const used: FactSet['series'] = {};
    const nameOf = (key: SymbolKey) => registry.resolve(key)?.name ?? key;
    const wants = (group: FactGroup) => this.groups.has(group);

    // Each series' index of the as-of session, or why it has none.
    const sessionIndex = new Map<SymbolKey, number>();
    const unavailable = new Map<SymbolKey, string>();
    for (const symbol of new Set([...indexes, benchmark])) {
      const analysis = this.analysisOf(symbol);
      const i = analysis ? indexOnOrBefore(analysis.series, asOf) : -1;
      if (!analysis || i < 0) {
        unavailable.set(
          symbol,
          `no ${symbol} data in the store; run \`wirecopy import\`, \`wirecopy fetch\` or \`wirecopy demo\``,
        );
      } else if (analysis.series.dates[i] !== asOf) {
        unavailable.set(
          symbol,
          `${symbol} has no close for ${asOf} (its latest close on or before it is ${analysis.series.dates[i]})`,
        );
      } else {
        sessionIndex.set(symbol, i);
      }
    }

    const add = (symbol: SymbolKey, idPrefix: string, results: StatResult[], benchmarkName = '') => {
      for (const result of results) {
        const id = `${idPrefix}.${result.id}`;
        if ('missing' in result) {
          missing.push({ id, reason: result.missing });
          continue;
        }
        const entry = catalogueEntry(result.id, idPrefix);
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

    const noteProvenance = (symbol: SymbolKey, analysis: SeriesAnalysis, i: number) => {
      const stored = analysis.series as StoredSeries;
      const seen = firstAppearances(stored);
      for (const [dataset, first] of seen.datasets) if (first <= i) datasets.add(dataset);
      const sources = [...seen.sources].filter(([, first]) => first <= i).map(([name]) => name);
      return { sources, first: stored.dates[0]!, last: asOf, symbol };
    };

    const benchmarkAnalysis = sessionIndex.has(benchmark) ? this.analysisOf(benchmark) : null;
    for (const symbol of indexes) {
      const vsWanted = symbol !== benchmark && wants(`${symbol}.vs`);
      const i = sessionIndex.get(symbol);
      const analysis = this.analysisOf(symbol);
      if (i === undefined || !analysis) {
        const reason = unavailable.get(symbol)!;
        // Missing are the facts of the groups asked for (own and history stats share the catalogue).
        const asked = (id: string) =>
          id.includes('.pattern.') ? wants(`${symbol}.patterns`) : id.includes('.vs.') ? vsWanted : true;
        for (const id of catalogueIds([symbol], benchmark, this.options.signals))
          if (asked(id)) missing.push({ id, reason });
        continue;
      }
      const { sources, first, last } = noteProvenance(symbol, analysis, i);
      used[symbol] = { sources, first, last };
      // In the order `seriesStatsAt` gives them: own stats, since, patterns, ranks.
      const history = wants(`${symbol}.history`);
      add(symbol, symbol, [
        ...(wants(symbol) ? indexStatsAt(analysis, i) : []),
        ...(history ? sinceStatsAt(analysis, i) : []),
        ...(wants(`${symbol}.patterns`) ? patternsStatsAt(analysis, i) : []),
        ...(history ? moveRankStatsAt(analysis.series, analysis.ranks, i) : []),
      ]);
      if (symbol === benchmark || !wants(`${symbol}.vs`)) continue;
      if (!benchmarkAnalysis) {
        const reason = unavailable.get(benchmark)!;
        for (const id of catalogueIds([symbol], benchmark).filter((x) => x.includes('.vs.')))
          missing.push({ id, reason });
        continue;
      }
      add(
        symbol,
        symbol,
        pairStatsAt(this.pairOf(symbol, analysis, benchmarkAnalysis), asOf),
        nameOf(benchmark),
      );
    }
    if (benchmarkAnalysis && !indexes.includes(benchmark))
      noteProvenance(benchmark, benchmarkAnalysis, sessionIndex.get(benchmark)!);

    // Rates, the Fed, options positioning, targets and style: facts beyond one index's closes.
    const { extraMeetings } = this.options;
    for (const group of [
      ...(wants('rates') ? rateGroups(source, asOf) : []),
      ...(wants('fed')
        ? [fedContextGroup(source, asOf, extraMeetings), fedGroup(source, asOf, extraMeetings)]
        : []),
      ...(wants('options') ? [optionsGroup(source, asOf)] : []),
    ]) {
      add(group.prefix, group.prefix, group.results);
    }
    const closes = [...sessionIndex].map(([symbol, index]) => ({
      symbol,
      series: this.analysisOf(symbol)!.series,
      index,
    }));
    const targets = wants('targets')
      ? targetGroups(this.options.targets ?? [], closes, this.options.targetMaxAgeDays)
      : { groups: [], problems: [] };
    for (const group of targets.groups) add(group.prefix, group.prefix, group.results);
    if (wants('style')) addStyleSpread(facts, asOf);

    return {
      asOf,
      dataset: datasetLabel(datasets),
      facts,
      missing,
      series: used,
      ...(targets.problems.length > 0 ? { warnings: targets.problems } : {}),
    };
  }
}

/** Where each source and dataset first appears in a series: provenance up to any session in O(sources). */
const appearances = new WeakMap<
  StoredSeries,
  { sources: Map<string, number>; datasets: Map<Dataset, number> }
>();
function firstAppearances(series: StoredSeries) {
  let seen = appearances.get(series);
  if (!seen) {
    seen = { sources: new Map(), datasets: new Map() };
    for (let k = 0; k < series.dates.length; k++) {
      if (!seen.sources.has(series.sources[k]!)) seen.sources.set(series.sources[k]!, k);
      if (!seen.datasets.has(series.datasets[k]!)) seen.datasets.set(series.datasets[k]!, k);
    }
    appearances.set(series, seen);
  }
  return seen;
}

/**
 * A source that reads each series from the store once, through `through`, and serves it from
 * memory. It hands out the whole series even when asked for less: everything built on it looks
 * a session up on or before its date (`indexOnOrBefore`), so later closes are never read, and
 * copying a prefix for every session would make a backfill quadratic. With `from` (the first
 * session wanted), the `RECENT_SERIES` are read only from `recentFrom(from)` on.
 */
function cachedSource(source: SeriesSource, through: IsoDate, from?: IsoDate): SeriesSource {
  const full = new Map<SymbolKey, StoredSeries | undefined>();
  const recent = from === undefined ? undefined : recentFrom(from);
  const options = new Map<SymbolKey, OptionsSnapshot[]>();
  let symbols: SymbolKey[] | undefined;
  return {
    loadSeries(symbol, upTo) {
      if (!full.has(symbol)) {
        const since = recent !== undefined && RECENT_SERIES.includes(symbol) ? recent : undefined;
        full.set(
          symbol,
          since ? source.loadSeries(symbol, through, since) : source.loadSeries(symbol, through),
        );
      }
      const series = full.get(symbol);
      // Nothing on or before `upTo`: as the store would answer.
      if (series && upTo !== undefined && series.dates[0]! > upTo) return undefined;
      return series;
    },
    symbols() {
      symbols ??= source.symbols?.() ?? [];
      return symbols;
    },
    loadOptionsSnapshots(symbol) {
      if (!options.has(symbol)) options.set(symbol, source.loadOptionsSnapshots?.(symbol) ?? []);
      return options.get(symbol)!;
    },
  };
}

/** `RUJ.vs.RUO.spread.ytd`: value's year-to-date return minus growth's, when both are known. */
function addStyleSpread(facts: Record<string, Fact>, asOf: IsoDate): void {
  const value = facts['RUJ.return.ytd'];
  const growth = facts['RUO.return.ytd'];
  if (typeof value?.value !== 'number' || typeof growth?.value !== 'number') return;
  const id = 'RUJ.vs.RUO.spread.ytd';
  const spread = value.value - growth.value;
  facts[id] = {
    id,
    value: spread,
    unit: 'fraction',
    display: formatFactValue(spread, 'fraction', asOf),
    asOf,
    inputs: [...value.inputs, ...growth.inputs],
    definition: "Russell 2000 Value's year-to-date return minus Russell 2000 Growth's.",
  };
}

/** Demo taints everything it touches; otherwise the real datasets joined (`csv`, `csv+live`). */
export function datasetLabel(datasets: ReadonlySet<Dataset>): string {
  if (datasets.has('demo')) return 'demo';
  if (datasets.size === 0) return 'none';
  return [...datasets].sort().join('+');
}
