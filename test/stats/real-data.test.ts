/**
 * The engine on real history (../shared/data/market/, see its README): it must reproduce facts
 * the financial press published, and values checked by hand against the files.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  analyzePair,
  analyzeSeries,
  indexOnOrBefore,
  indexStatsAt,
  type PairAnalysis,
  relativeStatsAt,
  type SeriesAnalysis,
} from '../../src/stats/analysis.ts';
import type { Series } from '../../src/types.ts';
import { valueFor } from './helpers.ts';
import { HAVE_MARKET, loadCloses, MARKET } from './market-files.ts';

describe.skipIf(!HAVE_MARKET)(
  `real history${HAVE_MARKET ? '' : ` (skipped: ${MARKET} is absent; it holds the shared real market data)`}`,
  () => {
    // Loaded in beforeAll: a skipped describe still runs its body to collect the tests.
    let rut: Series;
    let spx: Series;
    let rutAnalysis: SeriesAnalysis;
    let pair: PairAnalysis;
    beforeAll(() => {
      rut = loadCloses('RUT.csv', 'RUT');
      spx = loadCloses('GSPC.csv', 'SPX');
      rutAnalysis = analyzeSeries(rut);
      pair = analyzePair(rut, spx);
    });
    const rutAt = (date: string) => {
      const i = indexOnOrBefore(rut, date);
      expect(rut.dates[i]).toBe(date);
      return indexStatsAt(rutAnalysis, i);
    };

    it('loads both files whole', () => {
      // README: RUT.csv runs 1987-09-10 to 2026-02-23, GSPC.csv 1927-12-30 to 2026-08-21.
      expect([rut.dates[0], rut.dates.at(-1), spx.dates[0], spx.dates.at(-1)]).toEqual([
        '1987-09-10',
        '2026-02-23',
        '1927-12-30',
        '2026-08-21',
      ]);
      expect(() => analyzeSeries(spx)).not.toThrow();
    });

    it("finds the Russell 2000's record close before 2025: 2,442.74 on 2021-11-08 (published)", () => {
      const stats = rutAt('2024-12-31');
      expect(valueFor(stats, 'record.last_date')).toBe('2021-11-08');
      // The file stores float32 artefacts: 2442.739990234375.
      expect(Math.round((valueFor(stats, 'record.last_close') as number) * 100) / 100).toBe(2442.74);
    });

    it.each([
      // Published: 967 trading days strictly between the record closes of 2021-11-08 and 2025-09-18.
      // On 2025-09-17 the same 967 sessions have passed since the record, none of them a record.
      // The most recent earlier drought at least as long, by hand from the file with
      //   awk -F, 'NR>1{ if ($2>hi) { if (last!="") print last, $1, n-lastn-1; hi=$2; last=$1; lastn=n } n++ }' RUT.csv
      // ran 1,021 sessions from 2000-03-09 to 2004-04-05 (2007-07-13 to 2011-04-27 was 954).
      ['2025-09-17', false, 967, '2021-11-08', '2004-04-05'],
      ['2025-09-18', true, 967, '2025-09-18', '2004-04-05'],
    ])('%s: record %s after a %i-session drought', (date, today, drought, lastDate, longestSince) => {
      const stats = rutAt(date);
      expect(valueFor(stats, 'record.today')).toBe(today);
      expect(valueFor(stats, 'record.drought_sessions')).toBe(drought);
      expect(valueFor(stats, 'record.last_date')).toBe(lastDate);
      expect(valueFor(stats, 'record.drought_longest_since')).toBe(longestSince);
    });

    it('computes sma200 at 2025-09-18 as checked by hand against the file', () => {
      const stats = rutAt('2025-09-18');
      // awk over RUT.csv: mean of the 200 closes 2024-11-29 .. 2025-09-18 = 2182.979367; the last
      // cross above: 2025-08-01 closed 2166.78 under its 2178.79, 2025-08-04 2212.30 over 2178.61,
      // and every close from then to 2025-09-18 stayed above its average.
      expect(valueFor(stats, 'sma200')).toBeCloseTo(2182.979367, 5);
      expect(valueFor(stats, 'sma200.above')).toBe(true);
      expect(valueFor(stats, 'sma200.cross_date')).toBe('2025-08-04');
    });

    describe('RUT vs SPX', () => {
      // Annual price returns from the year-end closes of both files (RUT vs SPX, %):
      // 1993 17.00 / 7.06, 1994 -3.18 / -1.54, 1995 26.21 / 34.11, 1996 14.76 / 20.26,
      // 1997 20.52 / 31.01, 1998 -3.45 / 26.67, 1999 19.62 / 19.53 (RUT just ahead),
      // 2020 18.36 / 16.26, 2021 13.69 / 26.89, 2022 -21.56 / -19.44, 2023 15.09 / 24.23,
      // 2024 10.02 / 23.31, 2025 11.29 / 16.39. No other run of years behind reaches 5.
      // YTD at 2025-09-18: RUT 2467.70 / 2230.16 - 1 = 10.65%, SPX 6631.96 / 5881.63 - 1 = 12.76%
      // (behind); at 2026-02-20: RUT 2663.78 / 2481.91 - 1 = 7.33%, SPX 6909.51 / 6845.50 - 1 = 0.94%.
      it.each([
        ['2025-09-18', 4, 5, 5, 1998, 2467.7 / 2230.16 - 6631.96 / 5881.63],
        ['2026-02-20', 5, 5, 5, 2025, 2663.78 / 2481.91 - 6909.51 / 6845.5],
      ])(
        '%s: %i years under, provisional %i, longest %i ending %i',
        (date, years, provisional, longest, end, spread) => {
          const stats = relativeStatsAt(pair, date);
          expect(valueFor(stats, 'vs.SPX.years_under')).toBe(years);
          expect(valueFor(stats, 'vs.SPX.years_under.provisional')).toBe(provisional);
          expect(valueFor(stats, 'vs.SPX.years_under.longest')).toBe(longest);
          expect(valueFor(stats, 'vs.SPX.years_under.longest_end')).toBe(end);
          expect(valueFor(stats, 'vs.SPX.spread.ytd')).toBeCloseTo(spread, 5);
        },
      );
    });
  },
);
