/**
 * Treasury yields on NYSE sessions: the last value on or before the session (FRED leaves bond
 * holidays blank), the change over 5 sessions, and staleness.
 */
import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, toDayNumber } from '../../src/calendar/dates.ts';
import { isSession, sessionsBetween } from '../../src/calendar/nyse.ts';
import { parseMarketCsv } from '../../src/fetchers/csv/parse.ts';
import { rateStatsAt } from '../../src/stats/rates.ts';
import { SymbolRegistry } from '../../src/symbols.ts';
import type { Series } from '../../src/types.ts';
import { missingFor, resultFor, seriesOf, valueFor } from './helpers.ts';
import { MARKET } from './market-files.ts';

// DGS2 as FRED publishes it around Columbus Day 2025: Monday 2025-10-13 is an NYSE session but a
// bond-market holiday, so FRED has no value that day.
const DGS2 = seriesOf('DGS2', [
  ['2025-10-06', 3.6],
  ['2025-10-07', 3.57],
  ['2025-10-08', 3.58],
  ['2025-10-09', 3.6],
  ['2025-10-10', 3.52],
  ['2025-10-14', 3.48],
  ['2025-10-15', 3.5],
]);

describe('yields on NYSE sessions', () => {
  it.each([
    // Columbus Day reads Friday's 3.52; 5 sessions back is 10-06 (10-10, 09, 08, 07, 06): 3.52 − 3.60.
    ['2025-10-13', 3.52, '2025-10-10', -0.08, '2025-10-06'],
    // The session after counts Columbus Day as a session: 5 back is 10-07 (3.57).
    ['2025-10-14', 3.48, '2025-10-14', -0.09, '2025-10-07'],
    ['2025-10-15', 3.5, '2025-10-15', -0.08, '2025-10-08'],
  ])('%s: level %s (from %s), change.5d %s (vs %s)', (session, level, levelDate, change, earlierDate) => {
    const results = rateStatsAt(DGS2, session);
    expect(valueFor(results, 'level')).toBe(level);
    expect(valueFor(results, 'change.5d')).toBeCloseTo(change, 12);
    expect(resultFor(results, 'level')).toMatchObject({
      inputs: [{ series: 'DGS2', date: levelDate, close: level }],
    });
    expect(resultFor(results, 'change.5d')).toMatchObject({
      inputs: [{ date: earlierDate }, { date: levelDate }],
    });
  });

  it('reads a value dated on an NYSE holiday when the bond market was open (Good Friday)', () => {
    // 2025-04-18, Good Friday: NYSE closed, Treasuries traded. Monday 04-21 has no value yet.
    const series = seriesOf('DGS10', [
      ['2025-04-11', 4.48],
      ['2025-04-14', 4.38],
      ['2025-04-17', 4.32],
      ['2025-04-18', 4.33],
    ]);
    const results = rateStatsAt(series, '2025-04-21');
    expect(valueFor(results, 'level')).toBe(4.33);
    // 5 sessions before 04-21: 04-17, 16, 15, 14, 11 → 4.48 (Good Friday is not counted).
    expect(valueFor(results, 'change.5d')).toBeCloseTo(4.33 - 4.48, 12);
  });

  it.each([
    // Five days old is allowed (a bond holiday on a Monday read a day late)...
    ['2025-10-14', DGS2.dates.slice(0, 4), 'ok'],
    // ...six is stale.
    [
      '2025-10-15',
      DGS2.dates.slice(0, 4),
      'DGS2 is stale on 2025-10-15: its latest value is from 2025-10-09, 6 days earlier (limit 5)',
    ],
    ['2025-10-06', DGS2.dates.slice(1), 'no DGS2 value on or before 2025-10-06'],
  ])('level on %s from %j: %s', (session, dates, expected) => {
    const series = seriesOf(
      'DGS2',
      dates.map((d) => [d, DGS2.closes[DGS2.dates.indexOf(d)]!] as const),
    );
    const results = rateStatsAt(series, session);
    if (expected === 'ok') expect(valueFor(results, 'level')).toBe(3.6);
    else {
      expect(missingFor(results, 'level')).toBe(expected);
      expect(missingFor(results, 'change.5d')).toBe(expected);
    }
  });

  it('change.5d is missing when the earlier session has no value, the level is not', () => {
    const results = rateStatsAt(
      seriesOf(
        'DGS2',
        DGS2.dates.slice(2).map((d, k) => [d, DGS2.closes[k + 2]!]),
      ),
      '2025-10-14',
    );
    expect(valueFor(results, 'level')).toBe(3.48);
    expect(missingFor(results, 'change.5d')).toBe(
      'needs a value for 2025-10-07: no DGS2 value on or before 2025-10-07',
    );
  });

  it('throws on a date that is not an NYSE session', () => {
    expect(() => rateStatsAt(DGS2, '2025-10-11')).toThrow('2025-10-11 is not an NYSE session');
  });

  it('matches a naive reference on any series and session', () => {
    // The reference scans every value; sessions 5 back come from the calendar's session list.
    const weekdays = sessionsBetween('2024-01-02', '2024-06-28');
    const seriesArb = fc
      .array(fc.record({ keep: fc.boolean(), value: fc.integer({ min: 100, max: 600 }) }), {
        minLength: weekdays.length,
        maxLength: weekdays.length,
        size: 'max',
      })
      .map((rows): Series => {
        const kept = rows.flatMap((r, k) => (r.keep ? [[weekdays[k]!, r.value / 100] as const] : []));
        return seriesOf('DGS2', kept);
      });
    fc.assert(
      fc.property(seriesArb, fc.integer({ min: 10, max: weekdays.length - 1 }), (series, k) => {
        const session = weekdays[k]!;
        const lastOnOrBefore = (date: string) => {
          const i = series.dates.filter((d) => d <= date).length - 1;
          return i >= 0 && toDayNumber(date) - toDayNumber(series.dates[i]!) <= 5 ? series.closes[i]! : null;
        };
        const results = rateStatsAt(series, session);
        const level = lastOnOrBefore(session);
        if (level === null) expect(resultFor(results, 'level')).toHaveProperty('missing');
        else expect(valueFor(results, 'level')).toBe(level);
        const earlier = lastOnOrBefore(weekdays[k - 5]!);
        if (level === null || earlier === null)
          expect(resultFor(results, 'change.5d')).toHaveProperty('missing');
        else expect(valueFor(results, 'change.5d')).toBeCloseTo(level - earlier, 12);
      }),
    );
  });
});

const HAVE_FRED = existsSync(`${MARKET}FRED_rates.csv`);

describe.skipIf(!HAVE_FRED)(
  `yields from FRED_rates.csv${HAVE_FRED ? '' : ` (skipped: ${MARKET} is absent; it holds the shared real market data)`}`,
  () => {
    const series = new Map<string, Series>();
    beforeAll(() => {
      const parsed = parseMarketCsv(readFileSync(`${MARKET}FRED_rates.csv`, 'utf8'), {
        file: 'FRED_rates.csv',
        registry: new SymbolRegistry(),
      });
      for (const s of parsed.series) {
        series.set(s.symbol, {
          symbol: s.symbol,
          dates: s.bars.map((b) => b.date),
          closes: s.bars.map((b) => b.close),
        });
      }
    });

    it.each([
      // Columbus Day 2025 (DGS2 blank in the file): Friday's 3.52 vs 10-06's 3.60.
      ['DGS2', '2025-10-13', 3.52, -0.08],
      ['DGS10', '2025-10-13', 4.05, 4.05 - 4.18],
      // Veterans Day, Tuesday 2025-11-11 (blank): Monday's 4.13 vs 11-04's 4.10.
      ['DGS10', '2025-11-11', 4.13, 4.13 - 4.1],
      ['DGS2', '2025-11-11', 3.58, 0], // 3.58 on 11-04 and 11-10 alike
    ])('%s on %s: level %s, change.5d %s (values read off the file)', (symbol, session, level, change) => {
      const results = rateStatsAt(series.get(symbol)!, session);
      expect(valueFor(results, 'level')).toBe(level);
      expect(valueFor(results, 'change.5d')).toBeCloseTo(change, 12);
    });

    it('finding: DGS2 ends 2026-08-20 in the file, so it turns stale on 2026-08-26', () => {
      const dgs2 = series.get('DGS2')!;
      expect(dgs2.dates.at(-1)).toBe('2026-08-20');
      expect(valueFor(rateStatsAt(dgs2, '2026-08-25'), 'level')).toBe(4.19);
      expect(missingFor(rateStatsAt(dgs2, '2026-08-26'), 'level')).toBe(
        'DGS2 is stale on 2026-08-26: its latest value is from 2026-08-20, 6 days earlier (limit 5)',
      );
    });

    it('every session of 2015-2025 has a fresh DGS2 and DGS10 value', () => {
      for (const symbol of ['DGS2', 'DGS10']) {
        for (let day = toDayNumber('2015-01-02'); day <= toDayNumber('2025-12-31'); day++) {
          const session = addDays('1970-01-01', day);
          if (!isSession(session)) continue;
          expect(
            resultFor(rateStatsAt(series.get(symbol)!, session), 'level'),
            `${symbol} ${session}`,
          ).not.toHaveProperty('missing');
        }
      }
    });
  },
);
