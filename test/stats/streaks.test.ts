import { describe, expect, it } from 'vitest';
import { analyzeSeries, indexStatsAt } from '../../src/stats/analysis.ts';
import { missingFor, resultFor, seriesOf, valueFor, weekdays } from './helpers.ts';

function statsOf(closes: number[]) {
  const s = seriesOf(
    'T',
    weekdays('2024-03-04', closes.length).map((d, k) => [d, closes[k]!]),
  );
  const a = analyzeSeries(s);
  return closes.map((_, i) => indexStatsAt(a, i));
}

describe('streak.up and streak.down', () => {
  // Expected runs worked out step by step: each session compares with the one before; a higher
  // close extends `up` and zeroes `down`, a lower one the reverse, an unchanged one zeroes both.
  it.each([
    ['closes [100, 101, 102, 101, 103]', [100, 101, 102, 101, 103], [1, 2, 0, 1], [0, 0, 1, 0]],
    [
      'an unchanged close breaks both',
      [100, 101, 101, 100, 99, 99, 100],
      [1, 0, 0, 0, 0, 1],
      [0, 0, 1, 2, 0, 0],
    ],
    ['a fall from the start', [5, 4, 3, 2, 1], [0, 0, 0, 0], [1, 2, 3, 4]],
  ])('%s', (_what, closes, up, down) => {
    const stats = statsOf(closes).slice(1);
    expect(stats.map((r) => valueFor(r, 'streak.up'))).toEqual(up);
    expect(stats.map((r) => valueFor(r, 'streak.down'))).toEqual(down);
  });

  it('is missing on the first session, which has nothing to compare with', () => {
    expect(missingFor(statsOf([100])[0]!, 'streak.up')).toBe(
      'needs 2 sessions of T history through 2024-03-04; has 1',
    );
  });

  it('names the window from the close before the streak to the as-of', () => {
    // [100, 101, 102]: up 2 from the 100 on Monday 2024-03-04 to Wednesday 2024-03-06, 3 sessions read.
    expect(resultFor(statsOf([100, 101, 102])[2]!, 'streak.up')).toEqual({
      id: 'streak.up',
      value: 2,
      inputs: [{ series: 'T', from: '2024-03-04', to: '2024-03-06', sessions: 3 }],
    });
  });
});
