/**
 * Does the demo history move like the real one? Bands are set around the 1990-2025 figures of
 * the real indexes (RUT 1.37% a day, SPX 1.14%, correlation 0.86; see ../shared/data/market)
 * wide enough for any reasonable seed, narrow enough that a broken model falls out.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_FIRST_SESSION, generateDemoHistory } from '../../src/fetchers/demo/generate.ts';
import {
  autocorrelation,
  barsOf,
  closesOf,
  correlation,
  excessKurtosis,
  logReturns,
  maxDrawdown,
  standardDeviation,
} from './series-math.ts';
import { weekdaySessions } from './weekday-sessions.ts';

const SESSIONS = weekdaySessions(DEMO_FIRST_SESSION, '2026-11-20');
const YEARS = SESSIONS.length / 252;

describe.each([
  { name: 'the default seed', seed: undefined },
  { name: 'seed 1', seed: 1 },
  { name: 'seed 2', seed: 2 },
  { name: 'seed 3', seed: 3 },
])('demo equities, $name', ({ seed }) => {
  const history = generateDemoHistory(SESSIONS, { seed });
  const returns = (symbol: string) => logReturns(closesOf(history, symbol));
  const rut = returns('RUT');
  const spx = returns('SPX');

  it('moves each index about as much as the real one', () => {
    expect(standardDeviation(rut)).toBeGreaterThan(0.012);
    expect(standardDeviation(rut)).toBeLessThan(0.016);
    expect(standardDeviation(spx)).toBeGreaterThan(0.009);
    expect(standardDeviation(spx)).toBeLessThan(0.0125);
    expect(standardDeviation(returns('NDX'))).toBeGreaterThan(1.2 * standardDeviation(spx));
  });

  it('correlates small caps with the S&P 500 at about 0.85', () => {
    expect(correlation(rut, spx)).toBeGreaterThan(0.8);
    expect(correlation(rut, spx)).toBeLessThan(0.92);
  });

  it('splits small caps into value and growth halves that track the whole, growth the wilder', () => {
    const value = returns('RUJ');
    const growth = returns('RUO');
    expect(correlation(value, rut)).toBeGreaterThan(0.93);
    expect(correlation(growth, rut)).toBeGreaterThan(0.93);
    expect(correlation(value, growth)).toBeLessThan(0.97);
    expect(standardDeviation(growth)).toBeGreaterThan(standardDeviation(value));
  });

  it('clusters volatility and has fat tails, with no momentum in daily returns', () => {
    // Independent returns would give ~0 ± 0.01 for all three autocorrelations and 0 kurtosis.
    const size = spx.map(Math.abs);
    expect(autocorrelation(size, 1)).toBeGreaterThan(0.08);
    expect(autocorrelation(size, 20)).toBeGreaterThan(0.04);
    expect(Math.abs(autocorrelation(spx, 1))).toBeLessThan(0.05);
    expect(excessKurtosis(spx)).toBeGreaterThan(2);
  });

  it('starts at the levels of January 1990 and gets to plausible ones by drift', () => {
    const first = (symbol: string) => closesOf(history, symbol)[0]!;
    expect(first('RUT')).toBeGreaterThan(160);
    expect(first('RUT')).toBeLessThan(180);
    expect(first('SPX')).toBeGreaterThan(335);
    expect(first('SPX')).toBeLessThan(375);
    expect(first('NDX')).toBeGreaterThan(210);
    expect(first('NDX')).toBeLessThan(235);
    const last = (symbol: string) => closesOf(history, symbol).at(-1)!;
    expect(last('RUT')).toBeGreaterThan(1_500);
    expect(last('RUT')).toBeLessThan(3_600);
    expect(last('SPX')).toBeGreaterThan(3_000);
    expect(last('SPX')).toBeLessThan(9_000);
  });

  it('has bear markets but no wipe-out', () => {
    const drawdown = maxDrawdown(closesOf(history, 'SPX'));
    expect(drawdown).toBeGreaterThan(0.25);
    expect(drawdown).toBeLessThan(0.65);
  });

  it('keeps IWM at a tenth of RUT less 0.2% a year, within a few basis points a day', () => {
    const iwm = closesOf(history, 'IWM');
    const index = closesOf(history, 'RUT');
    expect(iwm[0]! / index[0]!).toBeCloseTo(0.1, 3);
    expect(iwm.at(-1)! / index.at(-1)!).toBeCloseTo(0.1 * Math.exp(-0.002 * YEARS), 3);
    const tracking = logReturns(iwm).map((r, i) => r - rut[i]!);
    expect(standardDeviation(tracking)).toBeLessThan(0.001);
  });
});

describe('demo rates, default seed', () => {
  const history = generateDemoHistory(SESSIONS);
  const closes = (symbol: string) => closesOf(history, symbol);
  const lower = closes('DFEDTARL');
  const upper = closes('DFEDTARU');
  const dff = closes('DFF');
  const twoYear = closes('DGS2');
  const tenYear = closes('DGS10');

  it('keeps a 25 bp target range on a 25 bp grid, never below zero, with DFF inside it', () => {
    lower.forEach((low, i) => {
      expect(upper[i]! - low).toBe(0.25);
      expect(Number.isInteger(low * 4)).toBe(true);
      expect(low).toBeGreaterThanOrEqual(0);
      expect(dff[i]).toBeGreaterThanOrEqual(low);
      expect(dff[i]).toBeLessThanOrEqual(upper[i]!);
    });
  });

  it('moves policy in steps of 25 to 75 bp, in cycles that span the zero bound to the 1990 level', () => {
    const moves = upper
      .slice(1)
      .map((u, i) => u - upper[i]!)
      .filter((move) => move !== 0);
    for (const move of moves) {
      expect(Number.isInteger(move * 4)).toBe(true);
      expect(Math.abs(move)).toBeLessThanOrEqual(0.75);
    }
    // The real target moved ~110 times in 1990-2025.
    expect(moves.length).toBeGreaterThan(60);
    expect(moves.length).toBeLessThan(220);
    expect(Math.min(...upper)).toBe(0.25);
    expect(Math.max(...upper)).toBeGreaterThanOrEqual(7);
  });

  it('ties the 2-year yield to policy, and lets the curve invert now and then', () => {
    expect(correlation(twoYear, dff)).toBeGreaterThan(0.8);
    const inverted = twoYear.filter((y, i) => tenYear[i]! < y).length / twoYear.length;
    expect(inverted).toBeGreaterThan(0.02);
    expect(inverted).toBeLessThan(0.35);
    for (const yields of [twoYear, tenYear]) {
      expect(Math.min(...yields)).toBeGreaterThan(0);
      expect(Math.max(...yields)).toBeLessThan(11);
      // Real DGS2 and DGS10 move ~5.7 bp a day.
      const changes = yields.slice(1).map((y, i) => y - yields[i]!);
      expect(standardDeviation(changes)).toBeGreaterThan(0.03);
      expect(standardDeviation(changes)).toBeLessThan(0.1);
    }
  });
});

describe('demo IWM volume', () => {
  it('grows as ETFs caught on and jumps when markets are stressed', () => {
    const history = generateDemoHistory(SESSIONS);
    const bars = barsOf(history, 'IWM');
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const volumeIn = (from: string, to: string) =>
      median(bars.filter((b) => b.date >= from && b.date < to).map((b) => b.volume!));
    expect(volumeIn('2015', '2027')).toBeGreaterThan(20 * volumeIn('1990', '2000'));
    const sizes = logReturns(closesOf(history, 'RUT')).map(Math.abs);
    const recentVolume = bars.slice(1).map((b) => Math.log(b.volume!));
    expect(correlation(sizes.slice(-2_500), recentVolume.slice(-2_500))).toBeGreaterThan(0.2);
  });
});
