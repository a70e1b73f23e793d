/**
 * Best-since and the three-day-surge study on real history (../shared/data/market/, see its
 * README), checked against the files by hand (awk) and by an independent loop here.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  analyzePair,
  analyzeSeries,
  historyStatsAt,
  indexOnOrBefore,
  type PairAnalysis,
  relativeHistoryStatsAt,
  type SeriesAnalysis,
} from '../../src/stats/analysis.ts';
import type { Series } from '../../src/types.ts';
import { valueFor } from './helpers.ts';
import { HAVE_MARKET, loadCloses, MARKET } from './market-files.ts';

/**
 * Every three-day surge of the Russell 2000 in RUT.csv (1987-09-10 .. 2026-02-23): 19. Found with
 *   awk -F, 'NR>1{ if (p!="") { r=$2/p-1; run=(r>=0.015)?run+1:0; h=(run>=3); if (h&&!held) print $1; held=h } p=$2 }' RUT.csv
 * The two runs of 4 sessions (1998-10-15..20, 2008-10-28..31) count once each, on their 3rd
 * session. No surge involves the wrong close of 2025-09-08 or the intraday last row.
 */
const SURGES = [
  '1987-11-02',
  '1987-12-16',
  '1998-10-19',
  '2000-04-07',
  '2000-05-01',
  '2008-10-30',
  '2009-04-02',
  '2010-07-26',
  '2016-02-17',
  '2016-06-30',
  '2016-11-11',
  '2019-01-08',
  '2020-06-16',
  '2021-01-07',
  '2021-03-11',
  '2022-05-27',
  '2024-02-12',
  '2025-04-24',
  '2025-11-25',
];

describe.skipIf(!HAVE_MARKET)(
  `real history${HAVE_MARKET ? '' : ` (skipped: ${MARKET} is absent; it holds the shared real market data)`}`,
  () => {
    // Loaded in beforeAll: a skipped describe still runs its body to collect the tests.
    let rut: Series;
    let rutAnalysis: SeriesAnalysis;
    let pair: PairAnalysis;
    beforeAll(() => {
      rut = loadCloses('RUT.csv', 'RUT');
      rutAnalysis = analyzeSeries(rut);
      pair = analyzePair(rut, loadCloses('GSPC.csv', 'SPX'));
    });
    const rutAt = (date: string) => {
      const i = indexOnOrBefore(rut, date);
      expect(rut.dates[i]).toBe(date);
      return historyStatsAt(rutAnalysis, i);
    };
    const closeOn = (date: string) => Math.round(rut.closes[rut.dates.indexOf(date)]! * 100) / 100;

    describe('three-day surges', () => {
      it('finds the 19 surges since 1987, as a plain loop over the closes does', () => {
        const loop: string[] = [];
        let run = 0;
        for (let k = 1; k < rut.closes.length; k++) {
          const wasOn = run >= 3;
          run = rut.closes[k]! / rut.closes[k - 1]! - 1 >= 0.015 ? run + 1 : 0;
          if (run >= 3 && !wasOn) loop.push(rut.dates[k]!);
        }
        const engine = Array.from(rutAnalysis.patterns[0]!.occurrences, (k) => rut.dates[k]!);
        expect(engine).toEqual(loop);
        expect(engine).toEqual(SURGES);
      });

      it.each([
        // Closes read off RUT.csv with awk (rounded to cents), each day up at least 1.5%:
        ['2024-02-12', [1950.36, 1979.7, 2009.99, 2045.26]], // +1.504%, +1.530%, +1.755%
        ['2025-04-24', [1840.32, 1890.28, 1919.14, 1957.59]], // +2.71%, +1.53%, +2.00%
        ['2025-11-25', [2305.11, 2369.59, 2414.28, 2465.98]], // +2.80%, +1.89%, +2.14%
        ['2019-01-08', [1330.83, 1380.75, 1405.37, 1426.55]], // +3.75%, +1.78%, +1.507%
      ])('%s closes a surge from %o', (date, closes) => {
        const k = rut.dates.indexOf(date);
        expect([k - 3, k - 2, k - 1, k].map((j) => closeOn(rut.dates[j]!))).toEqual(closes);
        expect(SURGES).toContain(date);
      });

      it('at the 2025-11-25 surge: 18 earlier ones, and what followed them', () => {
        // Recomputed independently with Python's statistics module from RUT.csv: forward returns
        // from each earlier surge's close; the baseline is every session from 1987-09-10 on.
        const stats = rutAt('2025-11-25');
        const p = 'pattern.three-day-surge.';
        expect(valueFor(stats, `${p}last_signal_date`)).toBe('2025-11-25');
        expect(valueFor(stats, `${p}prior_occurrences`)).toBe(18);
        expect(valueFor(stats, `${p}h21.n`)).toBe(18);
        expect(valueFor(stats, `${p}h21.mean`)).toBeCloseTo(0.001804, 6);
        expect(valueFor(stats, `${p}h21.median`)).toBeCloseTo(0.027477, 6);
        expect(valueFor(stats, `${p}h21.hit_rate`)).toBeCloseTo(11 / 18, 12);
        expect(valueFor(stats, `${p}h21.min`)).toBeCloseTo(-0.188864, 6); // 2008-10-30, into the crash
        expect(valueFor(stats, `${p}h21.baseline.n`)).toBe(9606);
        expect(valueFor(stats, `${p}h21.baseline.mean`)).toBeCloseTo(0.007721, 6);
        expect(valueFor(stats, `${p}h21.baseline.median`)).toBeCloseTo(0.013098, 6);
        expect(valueFor(stats, `${p}h21.beat_baseline`)).toBe(false);
        expect(valueFor(stats, `${p}treaded_water`)).toBe(false);
        // A year on: 2025-04-24's window is still open, so 17 count and 1 is excluded.
        expect(valueFor(stats, `${p}h252.n`)).toBe(17);
        expect(valueFor(stats, `${p}h252.excluded`)).toBe(1);
        expect(valueFor(stats, `${p}h252.mean`)).toBeCloseTo(0.161872, 6);
        expect(valueFor(stats, `${p}h252.median`)).toBeCloseTo(0.165924, 6);
        expect(valueFor(stats, `${p}h252.baseline.mean`)).toBeCloseTo(0.09503, 5);
        expect(valueFor(stats, `${p}h252.beat_baseline`)).toBe(true);
      });
    });

    describe('best since', () => {
      it.each([
        // Weekly closes from RUT.csv (awk): Thanksgiving week 2025-11-24..28 has 4 sessions,
        // 2369.59 → 2500.43 = +5.52%; the last week at least as good: 2024-11-01 2210.13 →
        // 2024-11-08 2399.64 = +8.57% (election week). A Python scan of every week between found none.
        ['2025-11-28', 'week.best_since', '2024-11-08'],
        // The partial week to Wednesday 2025-11-26: 2369.59 → 2486.12 = +4.92%: again 2024-11-08.
        ['2025-11-26', 'week.best_since', '2024-11-08'],
        // After Good Friday 2025-04-18 the base is Thursday 2025-04-17, 1880.62 → 2025-04-25
        // 1957.62 = +4.09%; last at least as good: 2024-11-15 2303.84 → 2024-11-22 2406.67 = +4.46%.
        ['2025-04-25', 'week.best_since', '2024-11-22'],
        // 2025-11-21 +2.80% (2305.11 → 2369.59); last day at least as good: 2025-08-22, +3.86%
        // (2274.10 → 2361.95, the Jackson Hole speech).
        ['2025-11-21', 'day.best_since', '2025-08-22'],
        // November 2024 +10.84% (2196.65 → 2434.73); last month at least as good: December 2023,
        // +12.05% (1809.02 → 2027.07).
        ['2024-11-29', 'month.best_since', '2023-12-29'],
        // November 2020 +18.29% (1538.48 → 1819.82): the best month in the file.
        ['2020-11-30', 'month.best_since', null],
      ])('%s %s: %s', (date, id, expected) => {
        expect(valueFor(rutAt(date), id)).toBe(expected);
      });

      it('says the history starts on 1987-09-10', () => {
        expect(valueFor(rutAt('2020-11-30'), 'history.first_date')).toBe('1987-09-10');
      });

      it.each([
        // Month spreads RUT − SPX from RUT.csv and GSPC.csv: November 2024 RUT +10.84%, SPX
        // 5705.45 → 6032.38 +5.73%: +5.11 points; last month at least as wide: July 2024 (+8.97).
        ['2024-11-29', '2024-07-31'],
        // November 2020: RUT +18.29%, SPX 3269.96 → 3621.63 +10.75%: +7.53 points; November
        // 2016 was +7.57 points (the election month).
        ['2020-11-30', '2016-11-30'],
      ])('RUT vs SPX month spread at %s: best since %s', (date, expected) => {
        expect(valueFor(relativeHistoryStatsAt(pair, date), 'vs.SPX.month_spread.best_since')).toBe(expected);
      });
    });
  },
);
