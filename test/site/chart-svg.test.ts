import { describe, expect, it } from 'vitest';
import type { ChartSnapshot } from '../../src/content/chart-snapshot.ts';
import {
  chartCaptionLead,
  chartTable,
  NARROW,
  niceTicks,
  renderChartSvg,
  spreadLabels,
  summarize,
  WIDE,
} from '../../src/site/chart-svg.ts';

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

  it('leaves room left of the plot for the longest tick label, on the phone layout too', () => {
    // 2024-07-16's rates chart: the Russell 2000 rose 11.0% over its 21 sessions (2,038.91 to
    // 2,263.67) after dipping 1.7%, so the ticks run from 97.5 to "112.5"; at 13 units a digit is about 0.6 × 13 wide.
    const rally: ChartSnapshot = {
      ...chart,
      series: [{ symbol: 'RUT', name: 'Russell 2000', closes: [2038.91, 2005, 2150, 2263.67] }],
    };
    for (const layout of [WIDE, NARROW]) {
      const drawn = renderChartSvg(rally, 'c2', layout).svg;
      const ticks = [...drawn.matchAll(/<text x="([\d.]+)" y="[\d.]+" text-anchor="end">([\d.]+)<\/text>/g)];
      expect(ticks.map((m) => m[2])).toContain('112.5');
      for (const [, x, label] of ticks)
        expect(Number(x)).toBeGreaterThanOrEqual(label!.length * layout.fontSize * 0.6);
    }
  });

  it('is an image named by its title and described by its summary', () => {
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="c1-title c1-desc"/);
    expect(svg).toContain(
      '<title id="c1-title">Russell 2000 vs S&amp;P 500 over the last 3 sessions, rebased to 100 on the first date</title>',
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

/**
 * The rates piece's chart: the Russell 2000 and the 2-year yield (percent). Closes made up for
 * the arithmetic: the index 2,000 → 2,042 is +2.1%; the yield 2.40 → 2.66 is +26 basis points.
 */
const rates: ChartSnapshot = {
  title: 'Russell 2000 and the 2-year Treasury yield over the last 3 sessions',
  rebased: 100,
  dates: ['2025-12-29', '2025-12-30', '2025-12-31', '2026-01-02'],
  series: [
    { symbol: 'RUT', name: 'Russell 2000', closes: [2000, 2010, 2030, 2042] },
    { symbol: 'DGS2', name: '2-year Treasury yield', unit: 'percent', closes: [2.4, 2.45, 2.6, 2.66] },
  ],
};

describe('renderChartSvg with a rate', () => {
  const wide = renderChartSvg(rates, 'r', WIDE);
  const narrow = renderChartSvg(rates, 'n', NARROW);

  it('draws the yield at its level in a panel under the index, never rebased beside it', () => {
    // Index panel: one rebased line ending at 102.1; rate panel: one line, ticks in percent.
    expect(wide.svg.match(/<path /g)).toHaveLength(2);
    expect(wide.svg).toContain('102.1</tspan>');
    expect(wide.svg).toContain('>2-year Treasury yield, percent</text>');
    expect(wide.svg).toContain('>2.66%</tspan>');
    // 2.40 to 2.66 in a four-step panel: 0.1 apart, from 2.4% to 2.7%.
    for (const tick of ['2.4', '2.5', '2.6', '2.7']) expect(wide.svg).toContain(`>${tick}</text>`);
    expect(wide.svg).not.toContain('>2.3</text>');
    // No rebased value of the yield (2.66 / 2.40 × 100 = 110.8) anywhere.
    expect(wide.svg).not.toContain('110.8');
    // The panel is added under the index panel: 280 + 140 and 300 + 140 units tall.
    expect(wide.svg).toMatch(/^<svg viewBox="0 0 640 420"/);
    expect(narrow.svg).toMatch(/^<svg viewBox="0 0 360 440"/);
  });

  it('names the years on an axis that crosses one, under the lower panel', () => {
    const dates = [...narrow.svg.matchAll(/y="430" text-anchor="(?:start|end)">([^<]+)</g)].map((m) => m[1]);
    expect(dates).toEqual(['Dec. 29, 2025', 'Jan. 2, 2026']);
  });

  it('says in words what both panels show, the yield in basis points', () => {
    expect(wide.summary).toBe(
      'From Dec. 29, 2025, to Jan. 2, 2026, the Russell 2000 rose 2.1%, from 2,000.00 to 2,042.00; the 2-year Treasury yield rose 26 basis points, from 2.40% to 2.66%.',
    );
    expect(chartCaptionLead(rates)).toBe(
      'Russell 2000 and the 2-year Treasury yield over the last 3 sessions. Upper panel: the Russell 2000, rebased to 100 on the first date; lower panel: the 2-year Treasury yield, in percent.',
    );
    expect(chartCaptionLead(chart)).toBe(
      'Russell 2000 vs S&P 500 over the last 3 sessions, rebased to 100 on the first date.',
    );
    expect(chartTable(rates).rows[3]).toEqual(['Jan. 2', '2,042.00', '2.66%']);
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
    // A yield from 2.40% to 3.02%: 0.2 apart, from 2.4 (not 2.2: 2.4 / 0.2 in floating point).
    [2.4, 3.02, [2.4, 2.6, 2.8, 3, 3.2], [0.05, 0.1, 0.2, 0.25, 0.5], 4],
  ] as const)(
    'covers %d to %d with round steps',
    (min, max, ticks, steps?: readonly number[], most?: number) => {
      expect(niceTicks(min, max, steps ? [...steps] : undefined, most)).toEqual(ticks);
    },
  );
});

describe('spreadLabels', () => {
  it('keeps labels apart in the order of their lines, inside the plot', () => {
    expect(spreadLabels([100, 105], 0, 200)).toEqual([100, 130]);
    expect(spreadLabels([195, 190], 0, 200)).toEqual([200, 170]);
  });
});
