/**
 * `day|week|month.best_since`, `history.first_date` and `vs.B.month_spread.best_since`: hand-worked
 * tables on tiny series (closes chosen so that every ratio is exact in binary: ties are real
 * ties), then the indexed engine against a naive O(n²) scan of its definition.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, weekKey } from '../../src/calendar/dates.ts';
import {
  analyzePair,
  analyzeSeries,
  historyStatsAt,
  relativeHistoryStatsAt,
} from '../../src/stats/analysis.ts';
import type { StatValue } from '../../src/stats/types.ts';
import type { IsoDate, Series } from '../../src/types.ts';
import { missingFor, pairWithOneSidedDates, resultFor, seriesOf, valueFor } from './helpers.ts';

const at = (s: Series, date: IsoDate) => historyStatsAt(analyzeSeries(s), s.dates.indexOf(date));

describe('day.best_since and week.best_since', () => {
  // Good Friday 2024-03-29 is closed, so that week ends on Thursday 03-28; the week of 04-08 is
  // missing from the data on purpose.
  const w = seriesOf('W', [
    ['2024-03-01', 64], // Fri: the first close; its week has no base
    ['2024-03-04', 65], // day 65/64 = +1.5625%; week to date the same
    ['2024-03-08', 72], // day 72/65 = +10.77%; week 72/64 = 1.125: +12.5%
    ['2024-03-15', 63], // day and week 63/72 = 0.875: −12.5%
    ['2024-03-22', 70.875], // day and week 70.875/63 = 1.125: +12.5%, a tie with the week of 03-04
    ['2024-03-25', 72], // day 72/70.875 = +1.587%; week to date the same
    ['2024-03-28', 75], // Thu: day 75/72 = +4.167%; week 75/70.875 = +5.82%
    ['2024-04-01', 78], // day 78/75 = +4%; partial week from Thursday's 75: +4%
    ['2024-04-02', 84.375], // day 84.375/78 = +8.17%; week to date 84.375/75 = 1.125: +12.5% (tie)
    ['2024-04-03', 90], // day 90/84.375 = +6.67%; week to date 90/75 = +20%
    ['2024-04-15', 180], // after a missing week: day 180/90 = +100%; the week has no base
    ['2024-04-22', 225], // day and week 225/180 = 1.25: +25%
  ]);

  it.each([
    // date, day.best_since, week.best_since: the most recent earlier day / week at least as good
    ['2024-03-04', null, null], // no earlier day return; the week of 02-26 has no return
    ['2024-03-08', null, null], // +10.77% and +12.5% beat everything before
    ['2024-03-15', '2024-03-08', '2024-03-08'], // a loss: the day and week before did better
    ['2024-03-22', null, '2024-03-08'], // day +12.5% > +10.77%; week ties the week of 03-04
    ['2024-03-25', '2024-03-22', '2024-03-22'],
    ['2024-03-28', '2024-03-22', '2024-03-22'], // day 4.17% < 03-22's 12.5%, > 03-25's 1.59%
    ['2024-04-01', '2024-03-28', '2024-03-28'], // the Good Friday week (+5.82%) ends on Thursday
    ['2024-04-02', '2024-03-22', '2024-03-22'], // week ties +12.5%: the most recent such week
    ['2024-04-03', '2024-04-02', null], // +20% in the week to date: best on record
    // Day: +25% < 04-15's +100% (a day return ignores the gap). Week: the week of 04-15 has no
    // return, so its 90 → 180 (+100%) is no candidate and +25% is the best week on record.
    ['2024-04-22', '2024-04-15', null],
  ])('%s: day since %s, week since %s', (date, day, week) => {
    const stats = at(w, date);
    expect(valueFor(stats, 'day.best_since')).toBe(day);
    expect(valueFor(stats, 'week.best_since')).toBe(week);
  });

  it.each([
    ['2024-03-01', 'day.best_since', 'needs 2 sessions of W history through 2024-03-01; has 1'],
    [
      '2024-03-01',
      'week.best_since',
      'needs a close of W before the week of 2024-02-26; history starts 2024-03-01',
    ],
    [
      '2024-04-15',
      'week.best_since',
      'needs a close of W in the week of 2024-04-08; it has none (the last close before the week of 2024-04-15 is on 2024-04-03)',
    ],
  ])('%s %s is missing: %s', (date, id, reason) => {
    expect(missingFor(at(w, date), id)).toBe(reason);
  });

  it('names the current week and the week it matched', () => {
    expect(resultFor(at(w, '2024-04-02'), 'week.best_since')).toEqual({
      id: 'week.best_since',
      value: '2024-03-22',
      inputs: [
        { series: 'W', date: '2024-03-28', close: 75 },
        { series: 'W', date: '2024-04-02', close: 84.375 },
        { series: 'W', date: '2024-03-15', close: 63 },
        { series: 'W', date: '2024-03-22', close: 70.875 },
      ],
    });
  });

  it('names the whole history it searched when the period is the best on record', () => {
    expect(resultFor(at(w, '2024-04-03'), 'week.best_since')).toEqual({
      id: 'week.best_since',
      value: null,
      inputs: [
        { series: 'W', date: '2024-03-28', close: 75 },
        { series: 'W', date: '2024-04-03', close: 90 },
        { series: 'W', from: '2024-03-01', to: '2024-04-03', sessions: 10 },
      ],
    });
    expect(valueFor(at(w, '2024-04-03'), 'history.first_date')).toBe('2024-03-01');
  });
});

describe('month.best_since', () => {
  // Monthly returns from the last close of the month before; June is missing from the data.
  const m = seriesOf('M', [
    ['2023-12-29', 100],
    ['2024-01-31', 125], // Jan 125/100: +25%
    ['2024-02-29', 100], // Feb 100/125: −20%
    ['2024-03-15', 110], // Mar to date 110/100: +10%
    ['2024-03-28', 125], // Mar 125/100: +25%, a tie with January
    ['2024-04-30', 156.25], // Apr 156.25/125: +25%, a tie with March
    ['2024-05-31', 125], // May 125/156.25: −20%
    ['2024-07-31', 150], // Jul: no June close, no return
    ['2024-08-30', 187.5], // Aug 187.5/150: +25%
    ['2024-09-30', 240], // Sep 240/187.5: +28%
  ]);

  it.each([
    ['2024-01-31', null], // December has no base, so January is the first month with a return
    ['2024-02-29', '2024-01-31'],
    ['2024-03-15', '2024-01-31'], // +10% to date: February (−20%) is no match, January is
    ['2024-03-28', '2024-01-31'], // tie: "at least as large"
    ['2024-04-30', '2024-03-28'], // tie with both; March is the more recent
    ['2024-05-31', '2024-04-30'],
    ['2024-08-30', '2024-04-30'], // July has no return and is skipped; May (−20%) falls short
    ['2024-09-30', null], // +28%: best on record
  ])('%s: best since %s', (date, expected) => {
    expect(valueFor(at(m, date), 'month.best_since')).toBe(expected);
  });

  it('is missing for a month whose prior month has no close', () => {
    expect(missingFor(at(m, '2024-07-31'), 'month.best_since')).toBe(
      'needs a close of M in 2024-06; it has none (the last close before 2024-07 is on 2024-05-31)',
    );
  });
});

describe('vs.B.month_spread.best_since', () => {
  // Spread = S's month return − B's; both from the last close of the prior month.
  const s = seriesOf('S', [
    ['2023-12-29', 100],
    ['2024-01-31', 125], // S +25%, B 0: spread +0.25
    ['2024-02-29', 100], // S −20%, B 0: −0.20
    ['2024-03-15', 125], // to date S +25%, B +25%: 0
    ['2024-03-28', 150], // S +50%, B 0: +0.50
    ['2024-04-30', 150], // S 0, B 120/100 +20%: −0.20
    ['2024-05-31', 187.5], // S +25%, B 150/120 +25%: 0
    ['2024-06-27', 190], // B has no close this day
    ['2024-06-28', 234.375], // S 234.375/187.5 +25%, B 187.5/150 +25%: 0, a tie with May
  ]);
  const b = seriesOf('B', [
    ['2023-12-29', 100],
    ['2024-01-31', 100],
    ['2024-02-29', 100],
    ['2024-03-15', 125],
    ['2024-03-28', 100],
    ['2024-04-30', 120],
    ['2024-05-31', 150],
    ['2024-06-28', 187.5],
  ]);
  const p = analyzePair(s, b);
  const id = 'vs.B.month_spread.best_since';

  it.each([
    ['2024-01-31', null],
    ['2024-02-29', '2024-01-31'],
    ['2024-03-15', '2024-01-31'], // 0 to date: February (−0.2) falls short, January (+0.25) not
    ['2024-03-28', null], // +0.50: best on record
    ['2024-04-30', '2024-03-28'],
    ['2024-05-31', '2024-03-28'], // 0: April (−0.2) falls short
    ['2024-06-28', '2024-05-31'], // 0, a tie with May
  ])('%s: best since %s', (date, expected) => {
    expect(valueFor(relativeHistoryStatsAt(p, date), id)).toBe(expected);
  });

  it.each([
    ['2023-12-29', 'needs a close of S before 2023-12; history starts 2023-12-29'],
    ['2024-06-27', 'needs a close of B on 2024-06-27, the S session on or before 2024-06-27'],
  ])('%s is missing: %s', (date, reason) => {
    expect(missingFor(relativeHistoryStatsAt(p, date), id)).toBe(reason);
  });
});

/** Closes as an integer random walk (ties are common), dates 1-4 days apart with now and then a skipped month. */
function seriesArbitrary(symbol: string, maxLength: number) {
  return fc
    .array(
      fc.record({
        gap: fc.oneof(
          { arbitrary: fc.integer({ min: 1, max: 4 }), weight: 19 },
          { arbitrary: fc.integer({ min: 1, max: 40 }), weight: 1 },
        ),
        move: fc.integer({ min: -3, max: 3 }),
      }),
      { minLength: 1, maxLength, size: 'max' },
    )
    .map((steps): Series => {
      let date = '2019-12-20';
      let close = 40;
      const s: Series = { symbol, dates: [], closes: [] };
      for (const { gap, move } of steps) {
        date = addDays(date, gap);
        close = Math.max(1, close + move);
        s.dates.push(date);
        s.closes.push(close);
      }
      return s;
    });
}

const MISSING = 'missing';
const priorMonth = (key: string) => {
  const [y, mo] = [Number(key.slice(0, 4)), Number(key.slice(5, 7))];
  return mo === 1 ? `${y - 1}-12` : `${y}-${String(mo - 1).padStart(2, '0')}`;
};
const KEYS = {
  day: (d: IsoDate) => d,
  week: (d: IsoDate) => weekKey(d),
  month: (d: IsoDate) => d.slice(0, 7),
};
const PRIOR_KEY = { day: null, week: (k: string) => addDays(k, -7), month: priorMonth };

/**
 * best_since straight from the definition: the return of a period (a day's from the session
 * before; a week's or month's from the last close before it, which must lie in the calendar
 * period just before), and a backward scan of every earlier period.
 */
function naiveBestSince(s: Series, kind: 'day' | 'week' | 'month', i: number): StatValue | typeof MISSING {
  const key = KEYS[kind];
  const prior = PRIOR_KEY[kind];
  const periodReturn = (first: number, last: number) => {
    const base = first - 1;
    if (base < 0) return undefined;
    if (prior && key(s.dates[base]!) !== prior(key(s.dates[first]!))) return undefined;
    return s.closes[last]! / s.closes[base]! - 1;
  };
  const firstOf = (k: number) => {
    let first = k;
    while (first > 0 && key(s.dates[first - 1]!) === key(s.dates[k]!)) first--;
    return first;
  };
  const current = periodReturn(firstOf(i), i);
  if (current === undefined) return MISSING;
  for (let end = firstOf(i) - 1; end >= 0; end = firstOf(end) - 1) {
    const r = periodReturn(firstOf(end), end);
    if (r !== undefined && r >= current) return s.dates[end]!;
  }
  return null;
}

describe('best_since agrees with a naive scan', () => {
  it('at every session of random series', () => {
    fc.assert(
      fc.property(seriesArbitrary('T', 120), (s) => {
        const a = analyzeSeries(s);
        for (let i = 0; i < s.dates.length; i++) {
          const stats = historyStatsAt(a, i);
          for (const kind of ['day', 'week', 'month'] as const) {
            const r = resultFor(stats, `${kind}.best_since`);
            expect('missing' in r ? MISSING : r.value, `${kind} at ${s.dates[i]}`).toBe(
              naiveBestSince(s, kind, i),
            );
          }
          expect(valueFor(stats, 'history.first_date')).toBe(s.dates[0]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('names a date before the first session of the current period', () => {
    fc.assert(
      fc.property(seriesArbitrary('T', 80), (s) => {
        const a = analyzeSeries(s);
        s.dates.forEach((date, i) => {
          const stats = historyStatsAt(a, i);
          const starts = { day: date, week: weekKey(date), month: `${date.slice(0, 7)}-01` };
          for (const kind of ['day', 'week', 'month'] as const) {
            const r = resultFor(stats, `${kind}.best_since`);
            if (!('missing' in r) && r.value !== null) expect((r.value as string) < starts[kind]).toBe(true);
          }
        });
      }),
    );
  });

  it('for month spreads on random pairs with dates only one of them has', () => {
    const pair = pairWithOneSidedDates(seriesArbitrary('S', 150), 150);
    fc.assert(
      fc.property(pair, ({ s, b }) => {
        const p = analyzePair(s, b);
        s.dates.forEach((date, i) => {
          const r = resultFor(relativeHistoryStatsAt(p, date), 'vs.B.month_spread.best_since');
          expect('missing' in r ? MISSING : r.value, date).toBe(naiveSpreadBestSince(s, b, i));
        });
      }),
      { numRuns: 200 },
    );
  });
});

/**
 * The month spread at S's session i, by scanning: each series' month return from its own last
 * close of the calendar month before; a completed month's spread is the one at its last
 * session both series have.
 */
function naiveSpreadBestSince(s: Series, b: Series, i: number): StatValue | typeof MISSING {
  const common = s.dates.slice(0, i + 1).filter((d) => b.dates.includes(d));
  if (common.at(-1) !== s.dates[i]) return MISSING;
  const monthReturn = (x: Series, date: IsoDate) => {
    const want = priorMonth(date.slice(0, 7));
    let base = -1;
    x.dates.forEach((d, k) => {
      if (d < date && d.slice(0, 7) === want) base = k;
    });
    return base < 0 ? undefined : x.closes[x.dates.indexOf(date)]! / x.closes[base]!;
  };
  const spread = (date: IsoDate) => {
    const sr = monthReturn(s, date);
    const br = monthReturn(b, date);
    return sr === undefined || br === undefined ? undefined : sr - br;
  };
  const current = spread(s.dates[i]!);
  if (current === undefined) return MISSING;
  const month = s.dates[i]!.slice(0, 7);
  for (let k = common.length - 1; k >= 0; k--) {
    const date = common[k]!;
    const isMonthEnd = date.slice(0, 7) !== month && common[k + 1]?.slice(0, 7) !== date.slice(0, 7);
    const value = isMonthEnd ? spread(date) : undefined;
    if (value !== undefined && value >= current) return date;
  }
  return null;
}
