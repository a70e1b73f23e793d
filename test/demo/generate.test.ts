import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayOfWeek } from '../../src/calendar/dates.ts';
import {
  DEMO_FIRST_SESSION,
  DEMO_SEED,
  DEMO_SYMBOLS,
  generateDemoHistory,
} from '../../src/fetchers/demo/generate.ts';
import type { DailyBar } from '../../src/types.ts';
import { barsOf } from './series-math.ts';
import { calendarDays, weekdaySessions } from './weekday-sessions.ts';

const SESSIONS = weekdaySessions(DEMO_FIRST_SESSION, '2026-11-20');
const HISTORY = generateDemoHistory(SESSIONS);
const PRICE_SYMBOLS = ['RUT', 'SPX', 'NDX', 'RUJ', 'RUO', 'IWM'];
const RATE_SYMBOLS = ['DGS2', 'DGS10', 'DFF', 'DFEDTARL', 'DFEDTARU'];

const isCents = (value: number) => Math.round(value * 100) / 100 === value;

function priceBarProblems(bar: DailyBar): string[] {
  const { open, high, low, close } = bar;
  if (open === null || high === null || low === null) return [`${bar.date}: missing OHLC`];
  const problems: string[] = [];
  if (!(high >= Math.max(open, close))) problems.push(`${bar.date}: high ${high} below open/close`);
  if (!(low <= Math.min(open, close))) problems.push(`${bar.date}: low ${low} above open/close`);
  if (!(low > 0)) problems.push(`${bar.date}: low ${low} not positive`);
  if (![open, high, low, close].every(isCents)) problems.push(`${bar.date}: not rounded to cents`);
  return problems;
}

describe('generateDemoHistory: shape', () => {
  it('returns every demo symbol, in order, with one bar per session on the session dates', () => {
    expect(HISTORY.map((s) => s.symbol)).toEqual([...DEMO_SYMBOLS]);
    for (const { bars } of HISTORY) expect(bars.map((b) => b.date)).toEqual(SESSIONS);
  });

  it('uses the default seed when none is given', () => {
    expect(generateDemoHistory(SESSIONS.slice(0, 300), { seed: DEMO_SEED })).toEqual(
      generateDemoHistory(SESSIONS.slice(0, 300)),
    );
  });

  it('returns empty series for no sessions', () => {
    expect(generateDemoHistory([])).toEqual(DEMO_SYMBOLS.map((symbol) => ({ symbol, bars: [] })));
  });

  it('gives index bars no volume, IWM a positive whole-share volume, and rates a close only', () => {
    for (const symbol of ['RUT', 'SPX', 'NDX', 'RUJ', 'RUO']) {
      expect(barsOf(HISTORY, symbol).every((b) => b.volume === null)).toBe(true);
    }
    expect(barsOf(HISTORY, 'IWM').every((b) => Number.isInteger(b.volume) && b.volume! > 0)).toBe(true);
    for (const symbol of RATE_SYMBOLS) {
      const bars = barsOf(HISTORY, symbol);
      expect(
        bars.every((b) => b.open === null && b.high === null && b.low === null && b.volume === null),
      ).toBe(true);
      expect(bars.every((b) => isCents(b.close) && b.close >= 0 && b.close < 15)).toBe(true);
    }
  });

  it('writes consistent OHLC bars rounded to cents for every price series', () => {
    for (const symbol of PRICE_SYMBOLS) {
      expect(barsOf(HISTORY, symbol).flatMap(priceBarProblems), symbol).toEqual([]);
    }
  });

  it('keeps OHLC consistent and rates in their ranges for any seed', () => {
    const sessions = SESSIONS.slice(0, 1_500);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), (seed) => {
        const history = generateDemoHistory(sessions, { seed });
        for (const symbol of PRICE_SYMBOLS)
          expect(barsOf(history, symbol).flatMap(priceBarProblems)).toEqual([]);
        const lower = barsOf(history, 'DFEDTARL');
        const upper = barsOf(history, 'DFEDTARU');
        barsOf(history, 'DFF').forEach((dff, i) => {
          expect(dff.close).toBeGreaterThanOrEqual(lower[i]!.close);
          expect(dff.close).toBeLessThanOrEqual(upper[i]!.close);
        });
      }),
      { numRuns: 15 },
    );
  });
});

describe('generateDemoHistory: determinism', () => {
  it('is append-only: ten more sessions leave every earlier bar as it was', () => {
    const n = SESSIONS.length - 10;
    const shorter = generateDemoHistory(SESSIONS.slice(0, n));
    HISTORY.forEach((series, i) => {
      expect(series.bars.slice(0, n)).toEqual(shorter[i]!.bars);
    });
  });

  it('is append-only for any seed, length and extension', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 40 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 1, max: 60 }),
        (seed, n, extra) => {
          const shorter = generateDemoHistory(SESSIONS.slice(0, n), { seed });
          const longer = generateDemoHistory(SESSIONS.slice(0, n + extra), { seed });
          shorter.forEach((series, i) => {
            expect(longer[i]!.bars.slice(0, n)).toEqual(series.bars);
          });
        },
      ),
      { numRuns: 40 },
    );
  });

  it('gives a different history for a different seed', () => {
    const other = generateDemoHistory(SESSIONS.slice(0, 50), { seed: DEMO_SEED + 1 });
    expect(barsOf(other, 'RUT')).not.toEqual(barsOf(HISTORY, 'RUT').slice(0, 50));
  });

  // The demo figures are what users and screenshots see; a change to them should be deliberate.
  // Update these when the model or the seed changes on purpose, and say so in the change.
  it('pins the default history', () => {
    const rut = barsOf(HISTORY, 'RUT');
    expect(rut[0]).toEqual({
      date: '1990-01-02',
      open: 166.98,
      high: 168.49,
      low: 164.87,
      close: 167.7,
      volume: null,
    });
    expect(rut[9_000]).toEqual({
      date: '2024-10-11',
      open: 2429.46,
      high: 2431.67,
      low: 2413.04,
      close: 2422.68,
      volume: null,
    });
    expect(barsOf(HISTORY, 'DFEDTARU')[9_000]!.close).toBe(1.25);
  });
});

describe('generateDemoHistory: fed funds on calendar days', () => {
  const sessions = SESSIONS.slice(0, 400);
  const days = calendarDays('1989-12-25', '2000-01-01');
  const history = generateDemoHistory(sessions, { calendarDays: days });

  it('publishes DFF and the target range on every calendar day from the first to the last session', () => {
    const expected = calendarDays(sessions[0]!, sessions.at(-1)!);
    for (const symbol of ['DFF', 'DFEDTARL', 'DFEDTARU']) {
      expect(barsOf(history, symbol).map((b) => b.date)).toEqual(expected);
    }
  });

  it('repeats the last session value on days without a session, as FRED does over a weekend', () => {
    const onSessions = new Map(barsOf(generateDemoHistory(sessions), 'DFF').map((b) => [b.date, b.close]));
    const dff = barsOf(history, 'DFF');
    for (let i = 1; i < dff.length; i++) {
      const day = dff[i]!;
      const expected = onSessions.get(day.date) ?? dff[i - 1]!.close;
      expect(day.close).toBe(expected);
    }
    const saturday = dff.find((b) => dayOfWeek(b.date) === 6)!;
    expect(onSessions.has(saturday.date)).toBe(false);
  });

  it('leaves the market series on sessions', () => {
    expect(barsOf(history, 'DGS2').map((b) => b.date)).toEqual(sessions);
    expect(barsOf(history, 'RUT')).toEqual(barsOf(generateDemoHistory(sessions), 'RUT'));
  });
});

describe('generateDemoHistory: input checks', () => {
  it('rejects sessions out of order, repeated or malformed', () => {
    expect(() => generateDemoHistory(['1990-01-03', '1990-01-02'])).toThrow(/strictly ascending/);
    expect(() => generateDemoHistory(['1990-01-02', '1990-01-02'])).toThrow(/strictly ascending/);
    expect(() => generateDemoHistory(['1990-02-30'])).toThrow(/not a YYYY-MM-DD date/);
    expect(() => generateDemoHistory(['1990-01-02'], { calendarDays: ['1990-01-02', '1990-01-01'] })).toThrow(
      /calendarDays must be strictly ascending/,
    );
  });
});
