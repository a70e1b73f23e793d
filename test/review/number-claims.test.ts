import { describe, expect, it } from 'vitest';
import { NON_CLAIMS } from '../../src/review/non-claims.ts';
import { scanClaims } from '../../src/review/number-claims.ts';

const texts = (text: string) => scanClaims(text).map((c) => `${c.kind}:${c.text}`);

describe('scanClaims finds the numbers copy claims', () => {
  it.each([
    ['rose 8.5% in five sessions', ['percent:8.5%']],
    ['fell -3.2% on the day', ['percent:-3.2%']],
    ['up 8.5 percent', ['percent:8.5 percent']],
    ['a 0.3 percentage point lead', ['percent:0.3 percentage point']],
    ['closed at 2,442.74, up 35.21 points', ['number:2,442.74', 'number:35.21']],
    ['for 3 sessions in a row', ['number:3']],
    ['the 4th record of the year, the 21st since', ['ordinal:4th', 'ordinal:21st']],
    ['set on Sept. 18, a line crossed on Aug. 4', ['date:Sept. 18', 'date:Aug. 4']],
    ['the drought that ended on Nov. 8, 2021', ['date:Nov. 8, 2021']],
    ['on April 5, 2004 and on March 3', ['date:April 5, 2004', 'date:March 3']],
    ['gained $1.5 billion', ['number:1.5']],
  ])('%j', (text, expected) => {
    expect(texts(text)).toEqual(expected);
  });

  it('keeps the precision and the sign as written', () => {
    const [fall, level] = scanClaims('fell -3.25% to 2,442.7');
    expect(fall).toMatchObject({ value: -3.25, decimals: 2, signed: true });
    expect(level).toMatchObject({ value: 2442.7, decimals: 1, signed: false });
  });

  it('reads a date with and without its year', () => {
    expect(scanClaims('Nov. 8, 2021')[0]?.date).toEqual({ month: 11, day: 8, year: 2021 });
    expect(scanClaims('Sept. 18')[0]?.date).toEqual({ month: 9, day: 18 });
  });

  it.each([
    ['more than 70% of its gain', 'more-than'],
    ['nearly 1,000 sessions', 'nearly'],
    ['about 2,400', 'about'],
  ])('reads the hedge in %j', (text, qualifier) => {
    expect(scanClaims(text)[0]?.hedge).toBe(qualifier);
  });
});

describe('non-claims are not numbers to check', () => {
  it.each([
    ['the Russell 2000 and the S&P 500', 'index-name'],
    ['the Nasdaq-100 and the Russell 2000 Value index', 'index-name'],
    ['the 200-day average, a 52-week high, the 10-year yield', 'window'],
    ['in 2025, and in 2025’s first half', 'year'],
    ['at 4 p.m. and 9:30 a.m.', 'clock-time'],
    ['Small caps rise on the week. 1/2', 'thread-number'],
    ['https://wirecopy.example/articles/?id=42&page=2', 'url'],
  ])('%j (%s)', (text, id) => {
    expect(NON_CLAIMS.some((n) => n.id === id)).toBe(true);
    expect(texts(text)).toEqual([]);
  });

  it('leaves tickers, labels, decades, digits inside words and spelled-out numbers alone', () => {
    expect(texts('$IWM and ^RUT, Q3, H1, FY2026, the 1990s, COVID-19 and ZQZ6 in five sessions')).toEqual([]);
  });

  it('still reads a year-like number that is a percentage or has decimals', () => {
    expect(texts('a 2025.5 level and a 1999% move')).toEqual(['number:2025.5', 'percent:1999%']);
  });
});

describe('numbers in words, ratios and fractions', () => {
  it.each([
    // [copy, kind, value]: 11/18 = 61.11%, the share "11 of 18 times" claims; 18 is its own count.
    [
      'higher 11 of 18 times',
      [
        ['percent', '11', 61.111],
        ['number', '18', 18],
      ],
    ],
    ['for five straight sessions', [['number', 'five', 5]]],
    ['the fifth record close', [['ordinal', 'fifth', 5]]],
    ['nearly three-quarters of its gain', [['percent', 'three-quarters', 75]]],
    ['over the past five sessions', []],
  ])('%j', (text, expected) => {
    expect(scanClaims(text).map((c) => [c.kind, c.text, Math.round(c.value * 1000) / 1000])).toEqual(
      expected,
    );
  });

  it('reads a fraction as "about" unless the copy hedges it', () => {
    expect(scanClaims('three-quarters of it')[0]?.hedge).toBe('about');
    expect(scanClaims('nearly three-quarters of it')[0]?.hedge).toBe('nearly');
  });
});
