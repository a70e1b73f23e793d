import { describe, expect, it } from 'vitest';
import { analyzeSeries, indexStatsAt } from '../../src/stats/analysis.ts';
import { missingFor, resultFor, seriesOf, valueFor, weekdays } from './helpers.ts';

function analyze(closes: number[]) {
  const s = seriesOf(
    'T',
    weekdays('2023-01-02', closes.length).map((d, k) => [d, closes[k]!]),
  );
  return { s, a: analyzeSeries(s) };
}

describe('sma200 of 1, 2, ..., 201', () => {
  const { s, a } = analyze(Array.from({ length: 201 }, (_, k) => k + 1));

  // The mean of 1..200 is (1 + 200) / 2 = 100.5; of 2..201, 101.5.
  it.each([
    [199, 100.5],
    [200, 101.5],
  ])('at session %i the average is %f', (i, expected) => {
    expect(valueFor(indexStatsAt(a, i), 'sma200')).toBe(expected);
    expect(valueFor(indexStatsAt(a, i), 'sma200.above')).toBe(true);
  });

  it('is missing with 199 sessions', () => {
    expect(missingFor(indexStatsAt(a, 198), 'sma200')).toBe(
      'needs 200 sessions of T history through 2023-10-05; has 199',
    );
  });

  it('names its 200-session window', () => {
    expect(resultFor(indexStatsAt(a, 200), 'sma200')).toMatchObject({
      inputs: [{ series: 'T', from: s.dates[1], to: s.dates[200], sessions: 200 }],
    });
  });

  it('has no cross when the close was above the average since the average exists', () => {
    expect(valueFor(indexStatsAt(a, 200), 'sma200.cross_date')).toBeNull();
  });
});

describe('sma200.cross_date', () => {
  // 200 closes of 100, then 90, 110, 120, 95. Averages by hand:
  // 199: 100 (close 100 is not above);  200: (199·100 + 90) / 200 = 99.95 (90 below);
  // 201: (198·100 + 90 + 110) / 200 = 100 (110 above, prior 90 <= 99.95: a cross);
  // 202: (197·100 + 90 + 110 + 120) / 200 = 100.1 (above, prior above: no new cross);
  // 203: (196·100 + 90 + 110 + 120 + 95) / 200 = 100.075 (95 below: the last cross stays 201).
  const { s, a } = analyze([...Array<number>(200).fill(100), 90, 110, 120, 95]);

  it.each([
    [199, 100, false, null],
    [200, 99.95, false, null],
    [201, 100, true, 201],
    [202, 100.1, true, 201],
    [203, 100.075, false, 201],
  ])('session %i: average %f, above %s, last cross at %s', (i, average, above, cross) => {
    const r = indexStatsAt(a, i);
    expect(valueFor(r, 'sma200')).toBeCloseTo(average, 10);
    expect(valueFor(r, 'sma200.above')).toBe(above);
    expect(valueFor(r, 'sma200.cross_date')).toBe(cross === null ? null : s.dates[cross]);
  });
});

describe('a close at its average, then above it', () => {
  // 201 closes of 100, then 110: session 200 closes at its average (100, not above), session 201
  // closes above (199·100 + 110) / 200 = 100.05. "At or below" the day before counts: a cross.
  const { s, a } = analyze([...Array<number>(201).fill(100), 110]);

  it('crosses on the session after the close sat on its average', () => {
    expect(valueFor(indexStatsAt(a, 200), 'sma200.above')).toBe(false);
    expect(valueFor(indexStatsAt(a, 201), 'sma200.cross_date')).toBe(s.dates[201]);
  });
});
