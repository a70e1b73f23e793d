import { describe, expect, it } from 'vitest';
import { chartSnapshot, MAX_POINTS, STORY_WINDOWS, thin } from '../../src/content/chart-snapshot.ts';
import { frontMatterSchema } from '../../src/content/front-matter.ts';

/** Consecutive days from 2025-01-01 (weekends included: the function does not care). */
function days(n: number): string[] {
  return Array.from({ length: n }, (_, i) => new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10));
}
const dates = days(400);
const rut = { symbol: 'RUT', name: 'Russell 2000', dates, closes: dates.map((_, i) => 2000 + i + 0.123) };
const spx = { symbol: 'SPX', name: 'S&P 500', dates, closes: dates.map((_, i) => 6000 + 2 * i) };

describe('chartSnapshot', () => {
  it.each(Object.entries(STORY_WINDOWS).filter(([, n]) => n + 1 <= MAX_POINTS))(
    'covers the %s window of %i sessions, ending on the as-of date',
    (story, sessions) => {
      const chart = chartSnapshot({ story, asOf: '2025-12-31', series: [rut, spx] })!;
      expect(chart.dates).toHaveLength(sessions + 1);
      expect(chart.dates.at(-1)).toBe('2025-12-31');
      expect(chart.title).toBe(`Russell 2000 vs S&P 500 over the last ${sessions} sessions`);
    },
  );

  it('thins a long window to at most MAX_POINTS, keeping its first and last dates', () => {
    const chart = chartSnapshot({ story: 'record-high', asOf: '2025-12-31', series: [rut, spx] })!;
    const window = dates.filter((d) => d <= '2025-12-31').slice(-253);
    expect(chart.dates.length).toBeLessThanOrEqual(MAX_POINTS);
    expect(chart.dates[0]).toBe(window[0]);
    expect(chart.dates.at(-1)).toBe('2025-12-31');
  });

  it('keeps only the dates every series has, with closes rounded to cents', () => {
    const gappy = {
      ...spx,
      dates: dates.filter((_, i) => i % 2 === 0),
      closes: spx.closes.filter((_, i) => i % 2 === 0),
    };
    const chart = chartSnapshot({
      story: 'daily-wrap',
      asOf: dates[40]!,
      series: [rut, gappy],
      sessions: 5,
    })!;
    expect(chart.dates).toEqual([dates[30], dates[32], dates[34], dates[36], dates[38], dates[40]]);
    expect(chart.series[0]!.closes[0]).toBe(2030.12);
  });

  it('is undefined with fewer than two closes on or before the as-of date', () => {
    expect(chartSnapshot({ story: 'daily-wrap', asOf: dates[0]!, series: [rut, spx] })).toBeUndefined();
    expect(chartSnapshot({ story: 'daily-wrap', asOf: '2024-12-31', series: [rut, spx] })).toBeUndefined();
    expect(chartSnapshot({ story: 'daily-wrap', asOf: '2025-12-31', series: [] })).toBeUndefined();
  });
});

describe('thin', () => {
  it.each([
    [10, 64, 10],
    [64, 64, 64],
    [253, 64, 64],
    [1000, 64, 64],
  ])('keeps %i dates within %i points (%i kept at most)', (n, max, most) => {
    const kept = thin(days(n), max);
    expect(kept.length).toBeLessThanOrEqual(most);
    expect(kept[0]).toBe(days(n)[0]);
    expect(kept.at(-1)).toBe(days(n).at(-1));
    expect([...kept].sort()).toEqual(kept);
  });
});

describe('the chart field of the front matter', () => {
  const valid = chartSnapshot({ story: 'daily-wrap', asOf: '2025-06-30', series: [rut, spx] })!;
  const chartOf = (chart: unknown) => frontMatterSchema.shape.chart.safeParse(chart);

  it('accepts a snapshot made by chartSnapshot', () => {
    expect(chartOf(valid).success).toBe(true);
  });

  it('rejects a series with fewer closes than dates, naming it', () => {
    const broken = { ...valid, series: [valid.series[0], { ...valid.series[1]!, closes: [1, 2] }] };
    const result = chartOf(broken);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['series', 1, 'closes']);
  });
});
