/**
 * A backfill reads many sessions from one load (FactSetBuilder); each FactSet must equal the one
 * built for that session alone from a store cut at that session, since the stats only look back.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, symbolRegistry } from '../../src/config.ts';
import { buildFactSet, FactSetBuilder } from '../../src/facts/build.ts';
import type { FactSet } from '../../src/facts/types.ts';
import { importCsvFile } from '../../src/fetchers/csv-import.ts';
import { MarketStore } from '../../src/store/market-store.ts';
import { HAS_MARKET_DATA, MARKET_DATA } from '../support/cli.ts';

const config = loadConfig({}, {}, tmpdir());
const registry = symbolRegistry(config);
const options = { indexes: config.indexes, benchmark: config.benchmark, registry, signals: config.signals };
const comparable = (f: FactSet) => ({
  asOf: f.asOf,
  dataset: f.dataset,
  series: f.series,
  facts: Object.fromEntries(Object.values(f.facts).map((x) => [x.id, [x.value, x.display, x.inputs]])),
  missing: [...f.missing].sort((a, b) => a.id.localeCompare(b.id)),
});

describe.skipIf(!HAS_MARKET_DATA)('FactSetBuilder', () => {
  let store: MarketStore;
  beforeAll(() => {
    store = MarketStore.open(join(mkdtempSync(join(tmpdir(), 'wirecopy-builder-')), 'market.db'));
    for (const f of ['RUT.csv', 'GSPC.csv', 'FRED_rates.csv'])
      importCsvFile(join(MARKET_DATA, f), store, registry);
  });
  afterAll(() => store.close());

  it.each(['1995-03-15', '2008-10-10', '2021-11-08', '2025-04-04', '2025-09-18'])(
    'at(%s) from one load through 2025-12-31 equals the FactSet built for that session alone',
    (asOf) => {
      const builder = new FactSetBuilder(store, { ...options, through: '2025-12-31' });
      expect(comparable(builder.at(asOf))).toEqual(comparable(buildFactSet(store, { ...options, asOf })));
    },
  );
});
