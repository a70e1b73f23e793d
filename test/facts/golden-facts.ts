/**
 * The fact sets the stats engine gave on real data before its indexes were made lazy (issue 14),
 * kept as the oracle for every later speed-up: `test/fixtures/facts/golden-<date>.json` holds
 * each fact's value, unit and display text, each missing fact's reason, and a SHA-256 of
 * everything else (inputs, definitions, provenance), so a change that moves one input shows.
 *
 * Regenerate only when a fact is meant to change, and say why in the commit:
 *
 *   npm exec -- node test/facts/golden-facts.ts
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, symbolRegistry } from '../../src/config.ts';
import { buildFactSet, type FactSetOptions } from '../../src/facts/build.ts';
import type { FactSet } from '../../src/facts/types.ts';
import { importCsvFile } from '../../src/fetchers/csv-import.ts';
import { MarketStore } from '../../src/store/market-store.ts';
import { MARKET_DATA } from '../support/cli.ts';

/**
 * Sessions that reach most branches: the October 2008 crash (worst-since, droughts), the March
 * 2020 rebound, the day after the September 2024 cut (the Fed's first cut since 2020), a record
 * close with fed funds futures stored (2025-09-18), and the Nov. 28 half-day.
 */
export const GOLDEN_DATES = ['2008-10-10', '2020-03-24', '2024-09-19', '2025-09-18', '2025-11-28'] as const;

export const FIXTURES = fileURLToPath(new URL('../fixtures/facts/', import.meta.url));

/** The bench's store: every configured index the data has, yields, the Fed's range, IWM, fed funds futures. */
export function goldenStore(): { store: MarketStore; options: Omit<FactSetOptions, 'asOf'> } {
  const config = loadConfig({}, {}, tmpdir());
  const registry = symbolRegistry(config);
  const store = MarketStore.open(join(mkdtempSync(join(tmpdir(), 'wirecopy-golden-')), 'market.db'));
  for (const f of ['RUT.csv', 'GSPC.csv', 'NDX.csv', 'IWM_to2025-09.csv', 'FRED_rates.csv'])
    importCsvFile(join(MARKET_DATA, f), store, registry);
  for (const f of readdirSync(join(MARKET_DATA, 'ZQ')).sort())
    importCsvFile(join(MARKET_DATA, 'ZQ', f), store, registry);
  const options = {
    indexes: config.indexes,
    benchmark: config.benchmark,
    registry,
    signals: config.signals,
  };
  return { store, options };
}

export interface GoldenFacts {
  asOf: string;
  dataset: string;
  facts: Record<string, [FactSet['facts'][string]['value'], string, string]>;
  missing: Record<string, string>;
  /** SHA-256 of the whole fact set: inputs, definitions, series provenance, warnings. */
  digest: string;
}

/** A fact set in the fixture's form; ids sorted so the order facts are added in does not count. */
export function goldenOf(set: FactSet): GoldenFacts {
  const ids = Object.keys(set.facts).sort();
  const facts = Object.fromEntries(
    ids.map((id) => {
      const f = set.facts[id]!;
      return [id, [f.value, f.unit, f.display] as GoldenFacts['facts'][string]];
    }),
  );
  const missing = Object.fromEntries(
    [...set.missing].sort((a, b) => a.id.localeCompare(b.id)).map((m) => [m.id, m.reason]),
  );
  const whole = {
    asOf: set.asOf,
    dataset: set.dataset,
    facts: ids.map((id) => set.facts[id]),
    missing,
    series: set.series,
    warnings: set.warnings ?? [],
  };
  const digest = createHash('sha256').update(JSON.stringify(whole)).digest('hex');
  return { asOf: set.asOf, dataset: set.dataset, facts, missing, digest };
}

/** One fact (one missing reason) a line, so a diff of the fixture names the facts that moved. */
function lineEach(golden: GoldenFacts): string {
  const block = (record: Record<string, unknown>) =>
    Object.entries(record)
      .map(([id, value]) => `    ${JSON.stringify(id)}: ${JSON.stringify(value)}`)
      .join(',\n');
  return [
    '{',
    `  "asOf": ${JSON.stringify(golden.asOf)},`,
    `  "dataset": ${JSON.stringify(golden.dataset)},`,
    `  "digest": ${JSON.stringify(golden.digest)},`,
    `  "facts": {\n${block(golden.facts)}\n  },`,
    `  "missing": {\n${block(golden.missing)}\n  }`,
    '}',
    '',
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { store, options } = goldenStore();
  for (const asOf of GOLDEN_DATES) {
    const golden = goldenOf(buildFactSet(store, { ...options, asOf }));
    writeFileSync(join(FIXTURES, `golden-${asOf}.json`), lineEach(golden));
    console.log(`golden-${asOf}.json: ${Object.keys(golden.facts).length} facts, ${golden.digest}`);
  }
  store.close();
}
