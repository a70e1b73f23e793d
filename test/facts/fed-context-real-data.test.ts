/**
 * The Fed and the 2-year yield from stored data alone (no futures): FRED_rates.csv imported as
 * the desk imports it. Expected values are read off the file by hand:
 *
 * DFEDTARU changes (date = FRED's effective day, the day after the decision):
 *   2018-12-20 2.50 (+25) · 2019-08-01 2.25 (−25, the first cut in the file, ranges start
 *   2008-12-16) · 2020-03-04 1.25 (−50) · 2020-03-16 0.25 (−100, decided Sunday 2020-03-15) ·
 *   2022-03-17 0.50 (+25) · 2023-05-04 5.25 · 2023-07-27 5.50 (+25) · 2024-09-19 5.00 (−50) ·
 *   2024-11-08 4.75 (−25) · 2025-10-30 4.00 (−25) · 2025-12-11 3.75.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, symbolRegistry } from '../../src/config.ts';
import { buildFactSet } from '../../src/facts/build.ts';
import { explainFact } from '../../src/facts/explain.ts';
import type { FactSet } from '../../src/facts/types.ts';
import { importCsvFile } from '../../src/fetchers/csv-import.ts';
import { MarketStore } from '../../src/store/market-store.ts';
import { HAS_MARKET_DATA, MARKET_DATA } from '../support/cli.ts';

const config = loadConfig({}, {}, tmpdir());
const registry = symbolRegistry(config);

describe.skipIf(!HAS_MARKET_DATA)('Fed context and yield moves on real FRED data', () => {
  let store: MarketStore;
  const factsOn = (asOf: string): FactSet =>
    buildFactSet(store, { asOf, indexes: ['RUT'], benchmark: 'SPX', registry });
  beforeAll(() => {
    store = MarketStore.open(join(mkdtempSync(join(tmpdir(), 'wirecopy-fed-')), 'market.db'));
    importCsvFile(join(MARKET_DATA, 'FRED_rates.csv'), store, registry);
  });
  afterAll(() => store.close());

  it.each([
    // session, last change's decision day, size bp, cut, first since (undefined: missing)
    // 2024-09-18 is a decision day: FRED shows the cut from 09-19, so the 2023 hike is still the last.
    ['2024-09-18', '2023-07-26', 25, false, undefined],
    ['2024-09-19', '2024-09-18', -50, true, '2020-03-15'],
    ['2024-11-08', '2024-11-07', -25, true, undefined],
    ['2019-08-01', '2019-07-31', -25, true, null],
    ['2020-03-16', '2020-03-15', -100, true, undefined],
    ['2022-03-17', '2022-03-16', 25, false, '2018-12-19'],
    ['2025-11-28', '2025-10-29', -25, true, undefined],
  ] as const)('%s: last change decided %s, %i bp, cut %s, first since %s', (asOf, date, bp, cut, since) => {
    const f = factsOn(asOf).facts;
    expect(f['FED.target.last_change_date']?.value).toBe(date);
    expect(f['FED.target.last_change_bp']?.value).toBe(bp);
    expect(f['FED.target.last_change_cut']?.value).toBe(cut);
    if (since === undefined) expect(f['FED.target.first_since']).toBeUndefined();
    else expect(f['FED.target.first_since']?.value).toBe(since);
  });

  it('a change that continues a run says why it is no "first cut since"', () => {
    const missing = factsOn('2024-11-08').missing.find((m) => m.id === 'FED.target.first_since');
    expect(missing?.reason).toBe(
      'the cut decided 2024-11-07 continued the cuts of 2024-09-18: not a first cut since anything',
    );
  });

  it.each([
    // NYSE sessions after the as-of session through the decision day, counted on a calendar:
    // 2025-11-28 → Dec. 1-5, 8, 9, 10 = 8; 2024-07-16 → July 17-19, 22-26, 29-31 = 11;
    // 2025-08-29 → Sept. 2-5 (Labor Day Sept. 1 closed), 8-12, 15-17 = 12.
    ['2025-11-28', '2025-12-10', 8, 3.75, 4.0],
    ['2024-07-16', '2024-07-31', 11, 5.25, 5.5],
    ['2025-08-29', '2025-09-17', 12, 4.25, 4.5],
    // On a decision day the next meeting is the one after it: Dec. 11-31 has 14 sessions
    // (Christmas closed), Jan. 2-28 has 18 (New Year's Day and MLK Day closed).
    ['2025-12-10', '2026-01-28', 32, 3.75, 4.0],
  ] as const)(
    '%s: next meeting %s in %i sessions; range %s-%s%%',
    (asOf, meeting, sessions, lower, upper) => {
      const f = factsOn(asOf).facts;
      expect(f['FED.next_meeting']?.value).toBe(meeting);
      expect(f['FED.next_meeting.sessions']?.value).toBe(sessions);
      expect(f['FED.target.lower']?.value).toBe(lower);
      expect(f['FED.target.upper']?.value).toBe(upper);
    },
  );

  it.each([
    // DGS2 column of FRED_rates.csv. 2025-11-28: 3.47; 11-26 (Thanksgiving 11-27) 3.45; five
    // sessions back 11-20 3.55; 21 back 10-29 3.59; Oct.'s last session 10-31 3.60; 2024-12-31 4.25.
    ['2025-11-28', 2, -8, -12, -13, -78],
    // 2024-07-16: 4.43; 07-15 4.44; 07-09 4.62; 21 back (July 4 and June 19 closed) 06-13 4.68;
    // 06-28 4.71; 2023-12-29 4.23.
    ['2024-07-16', -1, -19, -25, -28, 20],
  ] as const)(
    '%s: DGS2 moved %i bp on the day, %i in 5 sessions, %i in 21, %i MTD, %i YTD',
    (asOf, d1, d5, d21, mtd, ytd) => {
      const f = factsOn(asOf).facts;
      expect(f['DGS2.change.1d']?.value).toBeCloseTo(d1, 9);
      expect(f['DGS2.change.5d']?.value).toBeCloseTo(d5, 9);
      expect(f['DGS2.change.21d']?.value).toBeCloseTo(d21, 9);
      expect(f['DGS2.change.mtd']?.value).toBeCloseTo(mtd, 9);
      expect(f['DGS2.change.ytd']?.value).toBeCloseTo(ytd, 9);
      expect(f['DGS2.change.1d']?.unit).toBe('basis_points');
    },
  );

  it('--explain works the last change out from the two FRED rows', () => {
    const text = explainFact(factsOn('2024-09-19'), 'FED.target.last_change_bp');
    expect(text).toContain('DFEDTARU close on 2024-09-18: 5.50');
    expect(text).toContain('DFEDTARU close on 2024-09-19: 5.00');
    expect(text).toContain('Worked: (5% − 5.5%) × 100 = -50.00 → -50');
  });

  it('before ranges began (2008-12-16) and the calendar (2015) the Fed facts are missing, with reasons', () => {
    const set = factsOn('2005-06-01');
    expect(set.facts['FED.target.upper']).toBeUndefined();
    expect(set.missing.map((m) => m.id)).toContain('FED.target.last_change_date');
    // The calendar's first meeting after 2005-06-01 is 2015-01-28: not the next meeting.
    expect(set.missing.find((m) => m.id === 'FED.next_meeting')?.reason).toMatch(
      /the FOMC calendar in the repo starts 2015-01-28/,
    );
  });
});
