import { describe, expect, it } from 'vitest';
import { annualReturns, compareYears } from '../../src/stats/annual.ts';
import { indexPeriods } from '../../src/stats/periods.ts';
import { seriesOf } from './helpers.ts';

describe('annualReturns', () => {
  // History starts mid-2021, so 2021 has no base and no return. 2022: 90 / 120 - 1 = -0.25;
  // 2023: 99 / 90 - 1 = 0.1; 2024 (partial, through 2024-03-01): 110 / 99 - 1 = 0.111...
  const s = seriesOf('T', [
    ['2021-07-01', 100],
    ['2021-12-31', 120],
    ['2022-06-01', 130],
    ['2022-12-30', 90],
    ['2023-12-29', 99],
    ['2024-03-01', 110],
  ]);

  it('skips a first partial year and bases each year on the last close of the one before', () => {
    const years = annualReturns(s, indexPeriods(s.dates));
    expect(years.map((y) => [y.year, y.fromIndex, y.toIndex])).toEqual([
      [2022, 1, 3],
      [2023, 3, 4],
      [2024, 4, 5],
    ]);
    expect(years.map((y) => y.value)).toEqual([
      expect.closeTo(-0.25, 12),
      expect.closeTo(0.1, 12),
      expect.closeTo(110 / 99 - 1, 12),
    ]);
  });
});

describe('compareYears', () => {
  const year = (y: number, value: number) => ({ year: y, value, fromIndex: 0, toIndex: 0 });
  // S behind in 2011, 2012, ahead in 2013, behind 2014, 2015 (a tie in length with 2011-12,
  // which goes to the later streak), 2016 missing from B (breaks the streak), behind 2017.
  const s = [2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017].map((y, k) =>
    year(y, [5, 1, 2, 9, 0, -3, 4, 1][k]!),
  );
  const b = [2011, 2012, 2013, 2014, 2015, 2017, 2018].map((y, k) => year(y, [2, 3, 4, 1, 0, 2, 0][k]!));
  const table = compareYears(s, b);

  it.each([
    // year, streak ending there (-1: not comparable), longest through it, its end year
    [2011, 1, 1, 2011],
    [2012, 2, 2, 2012],
    [2013, 0, 2, 2012],
    [2014, 1, 2, 2012],
    [2015, 2, 2, 2015],
    [2016, -1, 2, 2015],
    [2017, 1, 2, 2015],
  ])('%i: streak %i, longest %i ending %i', (y, streak, longest, end) => {
    const k = y - table.firstYear;
    expect([table.streak[k], table.longest[k], table.longestEnd[k]]).toEqual([streak, longest, end]);
  });

  it('spans only the years both series have returns for', () => {
    expect([table.firstYear, table.streak.length]).toEqual([2011, 7]);
  });
});
