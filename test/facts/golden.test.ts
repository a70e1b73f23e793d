/**
 * Every fact, unchanged by the speed-ups of issue 14: the fact sets of five real sessions equal
 * the ones the engine gave before its indexes became lazy (test/fixtures/facts/, written by
 * golden-facts.ts from the code at 8f8aa94). Both ways of answering are held to it: one session
 * alone (direct lookups), and a builder that has answered a whole year first (full indexes).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionsBetween } from '../../src/calendar/nyse.ts';
import { buildFactSet, FactSetBuilder, type FactSetOptions } from '../../src/facts/build.ts';
import type { MarketStore } from '../../src/store/market-store.ts';
import { HAS_MARKET_DATA } from '../support/cli.ts';
import { FIXTURES, GOLDEN_DATES, type GoldenFacts, goldenOf, goldenStore } from './golden-facts.ts';

const golden = (asOf: string): GoldenFacts =>
  JSON.parse(readFileSync(join(FIXTURES, `golden-${asOf}.json`), 'utf8'));

describe.skipIf(!HAS_MARKET_DATA)('fact sets on real data, before and after the speed-ups', () => {
  let store: MarketStore;
  let options: Omit<FactSetOptions, 'asOf'>;
  let warmed: FactSetBuilder;
  beforeAll(() => {
    ({ store, options } = goldenStore());
    warmed = new FactSetBuilder(store, { ...options, through: '2025-12-31' });
    // Far more lookups than any lazy index answers directly: from here on, every index is whole.
    for (const asOf of sessionsBetween('2025-01-02', '2025-06-30')) warmed.at(asOf);
  });
  afterAll(() => store.close());

  it.each(GOLDEN_DATES)('%s alone equals the fixture', (asOf) => {
    expect(goldenOf(buildFactSet(store, { ...options, asOf }))).toEqual(golden(asOf));
  });

  it.each(GOLDEN_DATES)('%s from a builder that answered half of 2025 first equals the fixture', (asOf) => {
    expect(goldenOf(warmed.at(asOf))).toEqual(golden(asOf));
  });
});
