/**
 * Rate odds from the real fed funds futures closes (../shared/data/market/ZQ/, one file per
 * contract month, 2024-07-31 to 2026-07-31) and FRED's target range, checked against hand
 * computations from the numbers in those files.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fomcCalendarAsOf } from '../../src/calendar/fomc.ts';
import { parseMarketCsv } from '../../src/fetchers/csv/parse.ts';
import { type FedWatchInput, fedWatch, fedWatchStats } from '../../src/stats/fedwatch.ts';
import { SymbolRegistry } from '../../src/symbols.ts';
import type { DailyBar } from '../../src/types.ts';
import { MARKET } from './market-files.ts';

const HAVE_MARKET = existsSync(`${MARKET}ZQ`) && existsSync(`${MARKET}FRED_rates.csv`);

describe.skipIf(!HAVE_MARKET)(
  `fed funds futures${HAVE_MARKET ? '' : ` (skipped: ${MARKET} is absent; it holds the shared real market data)`}`,
  () => {
    const registry = new SymbolRegistry();
    /** Closes by contract month (`YYYY-MM`), then by date. */
    const zq = new Map<string, Map<string, number>>();
    let fred: Map<string, DailyBar[]>;

    // Loaded in beforeAll: a skipped describe still runs its body to collect the tests.
    beforeAll(() => {
      for (const file of readdirSync(`${MARKET}ZQ`).filter((f) => f.endsWith('.csv'))) {
        const parsed = parseMarketCsv(readFileSync(`${MARKET}ZQ/${file}`, 'utf8'), { file, registry });
        const series = parsed.series[0]!;
        const month = `${series.symbol.slice(3, 7)}-${series.symbol.slice(7, 9)}`;
        zq.set(month, new Map(series.bars.map((b) => [b.date, b.close])));
      }
      const rates = parseMarketCsv(readFileSync(`${MARKET}FRED_rates.csv`, 'utf8'), {
        file: 'FRED_rates.csv',
        registry,
      });
      fred = new Map(rates.series.map((s) => [s.symbol, s.bars]));
    });

    const fredOn = (symbol: string, date: string) => fred.get(symbol)!.find((b) => b.date === date)!.close;
    const inputOn = (asOf: string): FedWatchInput => ({
      asOf,
      currentTarget: { lower: fredOn('DFEDTARL', asOf), upper: fredOn('DFEDTARU', asOf), date: asOf },
      futures: [...zq]
        .filter(([, closes]) => closes.has(asOf))
        .map(([month, closes]) => ({ month, price: closes.get(asOf)!, date: asOf })),
      meetings: fomcCalendarAsOf(asOf),
    });

    it('reads every contract file (2026-07 through 2028-07)', () => {
      expect([...zq.keys()].sort()).toEqual(
        Array.from(
          { length: 25 },
          (_, k) => `${2026 + Math.floor((6 + k) / 12)}-${String(((6 + k) % 12) + 1).padStart(2, '0')}`,
        ),
      );
    });

    it('2026-07-31: the Sept. 16 meeting, worked by hand from the files', () => {
      // FRED_rates.csv, 2026-07-31: DFEDTARL 3.5, DFEDTARU 3.75.
      // ZQ_202608.csv close 96.365 → August 3.635 (no meeting in August: the start rate)
      // ZQ_202609.csv close 96.28  → September average 3.72; the 16th leaves 15 of 30 days before
      //   end = (3.72 − 15/30 × 3.635) / (15/30) = 2 × 3.72 − 3.635 = 3.805
      //   change 0.17 = 0.68 steps: 68% a hike to 3.75–4.00, 32% unchanged, no cut
      const [september] = fedWatch(inputOn('2026-07-31')).meetings;
      expect(september?.date).toBe('2026-09-16');
      expect(september?.anchor).toBe('previous-month');
      expect(september?.rateStart).toBeCloseTo(3.635, 9);
      expect(september?.rateEnd).toBeCloseTo(3.805, 9);
      expect(september?.cutProbability).toBe(0);
      expect(september?.hikeProbability).toBeCloseTo(0.68, 9);
      expect(september?.probabilities.map((r) => [r.lower, r.upper, r.probability])).toEqual([
        [3.5, 3.75, expect.closeTo(0.32, 9)],
        [3.75, 4, expect.closeTo(0.68, 9)],
      ]);
      expect(fedWatchStats(inputOn('2026-07-31'))).toEqual([
        expect.objectContaining({ id: 'cut_probability.next', value: 0 }),
      ]);
    });

    it('2026-07-31: the Oct. 28 meeting and the tree after it', () => {
      // ZQ_202610.csv 96.18 → October average 3.82; ZQ_202611.csv 96.11 → November 3.89, no
      // meeting in November, so it is October's end rate. 27 of 31 days fall before the 28th:
      //   start = (31 × 3.82 − 4 × 3.89) / 27 = 102.86 / 27 = 3.809630; change 0.080370 = 0.321481 steps
      // Tree: unchanged 0.32 × 0.678519 = 0.217126; +25 bp 0.32 × 0.321481 + 0.68 × 0.678519 = 0.564267;
      // +50 bp 0.68 × 0.321481 = 0.218607.
      const october = fedWatch(inputOn('2026-07-31')).meetings[1]!;
      const step = (102.86 / 27 - 3.89) / -0.25;
      expect(october.anchor).toBe('next-month');
      expect(october.rateStart).toBeCloseTo(102.86 / 27, 9);
      expect(october.moves[1]?.probability).toBeCloseTo(step, 9);
      expect(october.probabilities.map((r) => r.probability)).toEqual([
        expect.closeTo(0.32 * (1 - step), 9),
        expect.closeTo(0.32 * step + 0.68 * (1 - step), 9),
        expect.closeTo(0.68 * step, 9),
      ]);
      expect(october.cutProbability).toBe(0);
    });

    it('2026-07-31: the tree stops at Dec. 8, 2027, whose contract has no close that day', () => {
      const result = fedWatch(inputOn('2026-07-31'));
      expect(result.meetings).toHaveLength(10);
      expect(result.stopped).toEqual({
        date: '2027-12-08',
        reason: 'no fed funds futures price for 2027-12 (ZQ_202712)',
      });
    });

    it('2026-07-28: the July 29 meeting, anchored on August', () => {
      // ZQ_202607.csv 96.3675 → July 3.6325 (28 of 31 days before the 29th);
      // ZQ_202608.csv 96.295 → August 3.705, July's end rate (no meeting in August).
      //   start = (31 × 3.6325 − 3 × 3.705) / 28 = 101.4925 / 28 = 3.624732
      //   change 0.080268 = 0.321071 steps: 32.1% a hike, no cut
      const [july] = fedWatch(inputOn('2026-07-28')).meetings;
      expect(july?.date).toBe('2026-07-29');
      expect(july?.anchor).toBe('next-month');
      expect(july?.rateStart).toBeCloseTo(101.4925 / 28, 9);
      expect(july?.hikeProbability).toBeCloseTo((3.705 - 101.4925 / 28) / 0.25, 9);
      expect(july?.cutProbability).toBe(0);
    });

    it('finding: no date in the files prices a cut at the next meeting', () => {
      // From 2026-06-17 (when July becomes the next meeting and its contract is in the files) to
      // 2026-07-31 the futures price only hikes; before that the June contract is missing.
      const dates = [...zq.get('2026-07')!.keys()].filter((d) => d >= '2026-06-17');
      expect(dates.length).toBeGreaterThan(25);
      for (const date of dates) {
        const [next] = fedWatch(inputOn(date)).meetings;
        expect(next?.cutProbability, date).toBe(0);
        expect(next?.hikeProbability, date).toBeGreaterThan(0.1);
      }
      expect(fedWatch(inputOn('2026-06-16')).stopped?.reason).toBe(
        'no fed funds futures price for 2026-06 (ZQ_202606)',
      );
    });
  },
);
