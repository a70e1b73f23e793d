import { describe, expect, it } from 'vitest';
import { ordinal } from '../../src/drafts/fact-view.ts';
import { formatDate, formatFactValue, formatMagnitude, formatPercent } from '../../src/facts/format.ts';

describe('house style', () => {
  // Percentages: one decimal; two when one decimal would print 0.0% for a real move.
  it.each([
    [0.0847, '8.5%'],
    [0.085, '8.5%'],
    [-0.032, '-3.2%'],
    [0.0004, '0.04%'],
    [-0.0004, '-0.04%'],
    [0, '0.0%'],
    [-0.00001, '0.00%'], // rounds to zero: no minus sign on a zero
    [1.2345, '123.5%'],
  ])('formatPercent(%s) = %s', (value, expected) => {
    expect(formatPercent(value)).toBe(expected);
  });

  // AP style: Jan., Feb., Aug., Sept., Oct., Nov., Dec. abbreviated; March to July spelled out.
  it.each([
    ['2025-11-28', '2025-11-28', 'Nov. 28'],
    ['2021-11-08', '2025-09-18', 'Nov. 8, 2021'],
    ['2025-09-18', '2025-12-01', 'Sept. 18'],
    ['2025-03-05', undefined, 'March 5, 2025'],
    ['2025-07-04', '2025-07-04', 'July 4'],
  ])('formatDate(%s, asOf %s) = %s', (date, asOf, expected) => {
    expect(formatDate(date, asOf)).toBe(expected);
  });

  it.each([
    [2442.74, 'level', '2,442.74'],
    [2029.469970703125, 'level', '2,029.47'], // RUT.csv float32 artefact prints as the official close
    [967, 'sessions', '967'],
    [12345, 'count', '12,345'],
    [4.02, 'percent_rate', '4.02%'],
    [true, 'bool', 'yes'],
    [2024, 'year', '2024'],
    [null, 'date', 'none'],
  ] as const)('formatFactValue(%s, %s) = %s', (value, unit, expected) => {
    expect(formatFactValue(value, unit)).toBe(expected);
  });

  it('prints magnitudes without the sign, for copy whose verb carries it', () => {
    expect(formatMagnitude(-0.032, 'fraction')).toBe('3.2%');
    expect(formatMagnitude(-52.314, 'points')).toBe('52.31');
  });

  it.each([
    [1, '1st'],
    [2, '2nd'],
    [3, '3rd'],
    [4, '4th'],
    [11, '11th'],
    [12, '12th'],
    [13, '13th'],
    [21, '21st'],
    [101, '101st'],
    [111, '111th'],
    [1002, '1,002nd'],
  ])('ordinal(%i) = %s', (n, expected) => {
    expect(ordinal(n)).toBe(expected);
  });
});
