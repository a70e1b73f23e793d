import { describe, expect, it } from 'vitest';
import type { ChartSnapshot } from '../../src/site/chart-data.ts';
import { chartTable, niceTicks, renderChartSvg, spreadLabels, summarize } from '../../src/site/chart-svg.ts';

const chart: ChartSnapshot = {
  title: 'Russell 2000 vs S&P 500 over the last 3 sessions',
  rebased: 100,
  dates: ['2025-11-25', '2025-11-26', '2025-11-27', '2025-11-28'],
  series: [
    { symbol: 'RUT', name: 'Russell 2000', closes: [2000, 2050, 2100, 2170] },
    { symbol: 'SPX', name: 'S&P 500', closes: [6000, 5990, 5970, 5940] },
  ],
};

describe('renderChartSvg', () => {
  const { svg, summary } = renderChartSvg(chart, 'c1');

  it('is an image named by its title and described by its summary', () => {
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="c1-title c1-desc"/);
    expect(svg).toContain(
      '<title id="c1-title">Russell 2000 vs S&amp;P 500 over the last 3 sessions, rebased to 100</title>',
    );
    expect(svg).toContain(`<desc id="c1-desc">${summary.replace('&', '&amp;')}</desc>`);
  });

  it('draws one line per series and labels each with its rebased end value', () => {
    expect(svg.match(/<path /g)).toHaveLength(2);
    expect(svg).toContain('108.5</tspan>');
    expect(svg).toContain('99.0</tspan>');
  });

  it('dashes the rebase line so the start level reads at a glance', () => {
    expect(svg).toMatch(/<line [^>]*stroke-dasharray="3 3"\/><text [^>]*>100<\/text>/);
  });
});

describe('summarize', () => {
  it('says how far each series moved, in house style', () => {
    expect(summarize(chart)).toBe(
      'From Nov. 25 to Nov. 28, the Russell 2000 rose 8.5%, from 2,000.00 to 2,170.00; the S&P 500 fell 1.0%, from 6,000.00 to 5,940.00.',
    );
  });
});

describe('chartTable', () => {
  it('gives one row per date with each close', () => {
    const table = chartTable(chart);
    expect(table.head).toEqual(['Date', 'Russell 2000', 'S&P 500']);
    expect(table.rows[3]).toEqual(['Nov. 28', '2,170.00', '5,940.00']);
  });
});

describe('niceTicks', () => {
  it.each([
    [99, 108.5, [98, 100, 102, 104, 106, 108, 110]],
    [100, 100.4, [100, 100.5]],
    [80, 130, [80, 90, 100, 110, 120, 130]],
  ])('covers %d to %d with round steps', (min, max, ticks) => {
    expect(niceTicks(min, max)).toEqual(ticks);
  });
});

describe('spreadLabels', () => {
  it('keeps labels apart in the order of their lines, inside the plot', () => {
    expect(spreadLabels([100, 105], 0, 200)).toEqual([100, 130]);
    expect(spreadLabels([195, 190], 0, 200)).toEqual([200, 170]);
  });
});
