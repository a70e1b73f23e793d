import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LazyRanks, MIN_HISTORY_FOR_RANK, moveSizes, rankOfSizes } from '../../src/stats/move-rank.ts';

/** The plain definition: share of earlier defined sizes strictly smaller. */
function naiveRanks(sizes: number[]): number[] {
  return sizes.map((size, i) => {
    const earlier = sizes.slice(0, i).filter((s) => !Number.isNaN(s));
    if (Number.isNaN(size) || earlier.length < MIN_HISTORY_FOR_RANK) return Number.NaN;
    return earlier.filter((s) => s < size).length / earlier.length;
  });
}

describe('move ranks', () => {
  it('ranks a move against every earlier one (hand-worked on a 252-move history)', () => {
    // 250 earlier moves of sizes 0.000, 0.001, ..., 0.249; then 0.1005 and 0.3.
    const sizes = [...Array.from({ length: 250 }, (_, k) => k / 1000), 0.1005, 0.3];
    const ranks = rankOfSizes(Float64Array.from(sizes));
    expect(Number.isNaN(ranks[249]!)).toBe(true); // only 249 earlier moves
    expect(ranks[250]).toBeCloseTo(101 / 250, 12); // 0.000..0.100 are smaller: 101 of 250
    expect(ranks[251]).toBeCloseTo(251 / 251, 12); // larger than all 251 earlier moves
  });

  it('counts ties as not smaller', () => {
    const sizes = [...Array.from({ length: 250 }, () => 0.01), 0.01];
    expect(rankOfSizes(Float64Array.from(sizes))[250]).toBe(0);
  });

  it('agrees with the plain definition on random histories with gaps', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ min: 0, max: 0.2, noNaN: true }), fc.constant(Number.NaN)), {
          minLength: 250,
          maxLength: 400,
          size: 'max',
        }),
        (sizes) => {
          const fast = [...rankOfSizes(Float64Array.from(sizes))];
          const slow = naiveRanks(sizes);
          expect(fast.map((r) => (Number.isNaN(r) ? 'NaN' : r.toFixed(12)))).toEqual(
            slow.map((r) => (Number.isNaN(r) ? 'NaN' : r.toFixed(12))),
          );
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe('lazy ranks', () => {
  it('give the same rank by direct count as from the Fenwick pass, before and after switching', () => {
    const closes = Array.from({ length: 600 }, (_, k) => 100 * (1 + 0.01 * Math.sin(k * 1.7) + k / 2000));
    const sizes = moveSizes(closes, 1);
    const full = rankOfSizes(sizes);
    const lazy = new LazyRanks(sizes);
    for (let i = 0; i < closes.length; i++) {
      const want = full[i]!;
      const got = lazy.at(i);
      if (Number.isNaN(want)) expect(got).toBeNaN();
      else expect(got).toBeCloseTo(want, 12);
    }
  });
});
