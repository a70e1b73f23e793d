import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Random } from '../../src/fetchers/demo/random.ts';
import { excessKurtosis, mean, standardDeviation } from './series-math.ts';

function draws(count: number, draw: () => number): number[] {
  return Array.from({ length: count }, draw);
}

describe('Random', () => {
  it('replays the same stream for the same seed', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (seed) => {
        const a = new Random(seed);
        const b = new Random(seed);
        expect(draws(50, () => a.nextUint32())).toEqual(draws(50, () => b.nextUint32()));
      }),
    );
  });

  it('gives different streams for neighbouring seeds and for seeds that differ only above bit 32', () => {
    const first = (seed: number) => draws(4, () => new Random(seed).nextUint32());
    expect(first(1)).not.toEqual(first(2));
    expect(first(5)).not.toEqual(first(5 + 2 ** 32));
  });

  it('rejects seeds that are not safe integers', () => {
    expect(() => new Random(1.5)).toThrow(RangeError);
    expect(() => new Random(Number.NaN)).toThrow(RangeError);
    expect(() => new Random(2 ** 53)).toThrow(RangeError);
  });

  it('draws uniforms strictly inside (0, 1), evenly spread', () => {
    const rng = new Random(7);
    const values = draws(100_000, () => rng.uniform());
    expect(Math.min(...values)).toBeGreaterThan(0);
    expect(Math.max(...values)).toBeLessThan(1);
    // Mean 1/2 with a standard error of 0.0009; each tenth holds 10,000 ± 95.
    expect(mean(values)).toBeCloseTo(0.5, 2);
    const deciles = Array.from({ length: 10 }, () => 0);
    for (const v of values) deciles[Math.floor(v * 10)]! += 1;
    for (const count of deciles) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });

  it('draws standard normals', () => {
    const rng = new Random(11);
    const values = draws(100_000, () => rng.normal());
    // Standard errors: 0.003 for the mean, 0.0022 for the standard deviation, ~0.015 for kurtosis.
    expect(Math.abs(mean(values))).toBeLessThan(0.015);
    expect(Math.abs(standardDeviation(values) - 1)).toBeLessThan(0.011);
    expect(Math.abs(excessKurtosis(values))).toBeLessThan(0.1);
  });

  it('draws unit-variance Student-t values with fat tails', () => {
    const rng = new Random(13);
    const values = draws(100_000, () => rng.studentT(6));
    expect(Math.abs(mean(values))).toBeLessThan(0.015);
    expect(Math.abs(standardDeviation(values) - 1)).toBeLessThan(0.03);
    // A t with 6 degrees of freedom has excess kurtosis 6/(6 − 4) = 3; a normal has 0.
    expect(excessKurtosis(values)).toBeGreaterThan(1.5);
  });

  it('draws integers over the whole closed range and nothing outside it', () => {
    const rng = new Random(17);
    const seen = new Set(draws(2_000, () => rng.integer(10, 30)));
    expect(seen).toEqual(new Set(Array.from({ length: 21 }, (_, i) => 10 + i)));
  });
});
