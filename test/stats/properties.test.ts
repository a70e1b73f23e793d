/**
 * Property tests: the indexed engine against a naive reference that recomputes every stat from
 * its definition at every session (O(n²) per series), plus invariants the definitions imply.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, weekKey } from '../../src/calendar/dates.ts';
import { analyzePair, analyzeSeries, indexStatsAt, relativeStatsAt } from '../../src/stats/analysis.ts';
import type { StatResult, StatValue } from '../../src/stats/types.ts';
import type { IsoDate, Series } from '../../src/types.ts';
import { pairWithOneSidedDates, valueFor } from './helpers.ts';

const MISSING = 'missing';
type Expected = StatValue | typeof MISSING;

/** Closes as an integer random walk (ties and records are common), dates mostly 1-`maxGap` days apart. */
function seriesArbitrary(symbol: string, minLength: number, maxLength: number, maxGap = 4) {
  return fc
    .record({
      start: fc.integer({ min: 0, max: 90 }),
      steps: fc.array(
        fc.record({
          // Now and then a gap long enough to skip a whole week or month of data.
          gap: fc.oneof(
            { arbitrary: fc.integer({ min: 1, max: maxGap }), weight: 19 },
            { arbitrary: fc.integer({ min: 1, max: 40 }), weight: 1 },
          ),
          move: fc.integer({ min: -3, max: 3 }),
        }),
        {
          minLength,
          maxLength,
          size: 'max', // else fast-check keeps arrays near 10 elements, whatever maxLength says
        },
      ),
    })
    .map(({ start, steps }): Series => {
      let date = addDays('2019-10-01', start);
      let close = 40;
      const dates: IsoDate[] = [];
      const closes: number[] = [];
      for (const { gap, move } of steps) {
        date = addDays(date, gap);
        close = Math.max(1, close + move);
        dates.push(date);
        closes.push(close);
      }
      return { symbol, dates, closes };
    });
}

/** The naive reference: each stat straight from its definition in DESIGN.md, by scanning. */
function naiveReference(s: Series): (i: number) => Map<string, Expected> {
  const c = s.closes;
  const d = s.dates;
  // Precomputed per series only to keep the test fast; each is still its plain definition.
  const isRecord = c.map((close, k) => c.slice(0, k).every((earlier) => close > earlier));
  const sma = c.map((_, k) =>
    k < 199 ? Number.NaN : c.slice(k - 199, k + 1).reduce((x, y) => x + y, 0) / 200,
  );

  return (i) => {
    const out = new Map<string, Expected>();
    const close = c[i]!;
    const frac = (j: number): Expected => (j < 0 ? MISSING : close / c[j]! - 1);
    const points = (j: number): Expected => (j < 0 ? MISSING : close - c[j]!);
    // The last close in the calendar period just before the as-of's, or -1 (none: missing).
    const lastIn = (period: (x: IsoDate) => string, prior: string) => {
      for (let j = i - 1; j >= 0; j--) if (period(d[j]!) === prior) return j;
      return -1;
    };
    const year = Number(d[i]!.slice(0, 4));
    const month = Number(d[i]!.slice(5, 7));
    const priorMonth = month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
    const weekBase = lastIn(weekKey, addDays(weekKey(d[i]!), -7));
    const monthBase = lastIn((x) => x.slice(0, 7), priorMonth);
    const yearBase = lastIn((x) => x.slice(0, 4), String(year - 1));
    out.set('close', close);
    out.set('change.1d', frac(i - 1));
    out.set('change.1d.points', points(i - 1));
    out.set('return.5d', frac(i - 5));
    out.set('return.5d.points', points(i - 5));
    out.set('return.week', frac(weekBase));
    out.set('return.mtd', frac(monthBase));
    out.set('return.ytd', frac(yearBase));
    out.set('return.ytd.points', points(yearBase));
    out.set('return.1y', frac(i - 252));
    out.set(
      'ytd_share.5d',
      i < 5 || yearBase < 0
        ? MISSING
        : close > c[yearBase]!
          ? (close - c[i - 5]!) / (close - c[yearBase]!)
          : null,
    );

    const streak = (better: (now: number, before: number) => boolean) => {
      let n = 0;
      while (i - n - 1 >= 0 && better(c[i - n]!, c[i - n - 1]!)) n++;
      return n;
    };
    out.set('streak.up', i < 1 ? MISSING : streak((now, before) => now > before));
    out.set('streak.down', i < 1 ? MISSING : streak((now, before) => now < before));

    const records = isRecord.flatMap((r, k) => (r && k <= i ? [k] : []));
    const last = records.at(-1)!;
    const today = isRecord[i]!;
    const historyReachesYearStart = d.slice(0, i).some((x) => Number(x.slice(0, 4)) < year);
    out.set('record.today', today);
    out.set(
      'record.count_ytd',
      historyReachesYearStart ? records.filter((k) => d[k]!.startsWith(String(year))).length : MISSING,
    );
    out.set('record.last_date', d[last]!);
    out.set('record.last_close', c[last]!);
    out.set('record.pct_below', close / c[last]! - 1);
    out.set('record.sessions_since', i - last);
    // Completed droughts: sessions strictly between consecutive records.
    const droughts = records.slice(1).map((end, m) => ({ end, length: end - records[m]! - 1 }));
    const current = today ? (records.length < 2 ? MISSING : droughts.at(-1)!.length) : i - last;
    const earlier = today ? droughts.slice(0, -1) : droughts;
    out.set('record.drought_sessions', current);
    if (current === MISSING) out.set('record.drought_longest_since', MISSING);
    else {
      const atLeast = earlier.filter((x) => x.length >= current).at(-1);
      out.set('record.drought_longest_since', atLeast ? d[atLeast.end]! : null);
    }
    // The longest drought ended by a record of the last 63 sessions (ties: the latest).
    const recent = droughts.filter((x) => x.end >= i - 62 && x.length > 0);
    const longestRecent = recent.reduce<(typeof recent)[number] | undefined>(
      (best, x) => (!best || x.length >= best.length ? x : best),
      undefined,
    );
    if (!longestRecent)
      for (const id of ['sessions', 'ended', 'longest_since'])
        out.set(`record.recent_drought.${id}`, MISSING);
    else {
      out.set('record.recent_drought.sessions', longestRecent.length);
      out.set('record.recent_drought.ended', d[longestRecent.end]!);
      const before = droughts
        .filter((x) => x.end < longestRecent.end && x.length >= longestRecent.length)
        .at(-1);
      out.set('record.recent_drought.longest_since', before ? d[before.end]! : null);
    }

    if (i < 199) for (const id of ['sma200', 'sma200.above', 'sma200.cross_date']) out.set(id, MISSING);
    else {
      out.set('sma200', sma[i]!);
      out.set('sma200.above', close > sma[i]!);
      let cross: IsoDate | null = null;
      for (let j = i; j >= 200 && cross === null; j--)
        if (c[j]! > sma[j]! && c[j - 1]! <= sma[j - 1]!) cross = d[j]!;
      out.set('sma200.cross_date', cross);
    }
    return out;
  };
}

function expectMatches(results: StatResult[], expected: Map<string, Expected>, where: string) {
  expect(results.map((r) => r.id).sort(), where).toEqual([...expected.keys()].sort());
  for (const r of results) {
    const want = expected.get(r.id);
    const got = 'missing' in r ? MISSING : r.value;
    if (typeof want === 'number' && typeof got === 'number') {
      expect(Math.abs(got - want), `${where} ${r.id}: ${got} vs ${want}`).toBeLessThanOrEqual(
        1e-9 * Math.max(1, Math.abs(want)),
      );
    } else {
      expect(got, `${where} ${r.id}`).toEqual(want);
    }
  }
}

describe('indexStatsAt agrees with the naive reference at every session', () => {
  it.each([
    ['short series', 1, 40, 300],
    ['series long enough for sma200', 200, 260, 25],
  ])('%s', (_what, minLength, maxLength, numRuns) => {
    fc.assert(
      fc.property(seriesArbitrary('T', minLength, maxLength), (s) => {
        const a = analyzeSeries(s);
        const naive = naiveReference(s);
        for (let i = 0; i < s.dates.length; i++)
          expectMatches(indexStatsAt(a, i), naive(i), `${s.dates[i]} (#${i})`);
      }),
      { numRuns },
    );
  });
});

describe('invariants', () => {
  const stats = (s: Series) => {
    const a = analyzeSeries(s);
    return s.dates.map((_, i) => indexStatsAt(a, i));
  };

  it('return.5d is the product of the 5 daily (1 + r), less 1', () => {
    fc.assert(
      fc.property(seriesArbitrary('T', 6, 60), (s) => {
        const all = stats(s);
        for (let i = 5; i < all.length; i++) {
          let product = 1;
          for (let k = i - 4; k <= i; k++) product *= 1 + (valueFor(all[k]!, 'change.1d') as number);
          expect(valueFor(all[i]!, 'return.5d')).toBeCloseTo(product - 1, 9);
        }
      }),
    );
  });

  it('streaks fit in the series, and up and down never both run', () => {
    fc.assert(
      fc.property(seriesArbitrary('T', 2, 60), (s) => {
        stats(s).forEach((r, i) => {
          if (i === 0) return;
          const up = valueFor(r, 'streak.up') as number;
          const down = valueFor(r, 'streak.down') as number;
          expect(up * down).toBe(0);
          expect(Math.max(up, down)).toBeLessThanOrEqual(i);
        });
      }),
    );
  });

  it('a close is never above its last record, and an earlier drought ended before the as-of', () => {
    fc.assert(
      fc.property(seriesArbitrary('T', 2, 80), (s) => {
        stats(s).forEach((r, i) => {
          expect(valueFor(r, 'record.pct_below') as number).toBeLessThanOrEqual(0);
          if (i === 0) return;
          const since = valueFor(r, 'record.drought_longest_since');
          if (since !== null) expect((since as string) < s.dates[i]!).toBe(true);
        });
      }),
    );
  });
});

/** Naive relative stats at S's session i: common dates, annual returns and streaks by scanning. */
function naiveRelative(s: Series, b: Series, i: number): Map<string, Expected> {
  const out = new Map<string, Expected>();
  const date = s.dates[i]!;
  const j = b.dates.indexOf(date);
  const ids = ['outperform_streak', 'spread.ytd', 'spread.mtd', 'years_under', 'years_under.provisional'];
  const more = ['years_under.longest', 'years_under.longest_end'];
  if (j < 0) {
    for (const id of [...ids, ...more]) out.set(`vs.B.${id}`, MISSING);
    return out;
  }
  const common = s.dates.slice(0, i + 1).filter((x) => b.dates.includes(x));
  const closeOn = (series: Series, x: IsoDate) => series.closes[series.dates.indexOf(x)]!;
  const beats = (k: number) =>
    closeOn(s, common[k]!) / closeOn(s, common[k - 1]!) > closeOn(b, common[k]!) / closeOn(b, common[k - 1]!);
  let run = 0;
  while (common.length - 1 - run >= 1 && beats(common.length - 1 - run)) run++;
  out.set('vs.B.outperform_streak', common.length < 2 ? MISSING : run);

  const lastCloseIn = (series: Series, prefix: string, before: IsoDate) => {
    let found: number | undefined;
    series.dates.forEach((x, k) => {
      if (x.startsWith(prefix) && x < before) found = series.closes[k];
    });
    return found;
  };
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const priorMonth = month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
  const periodReturn = (series: Series, close: number, prefix: string) => {
    const base = lastCloseIn(series, prefix, date);
    return base === undefined ? undefined : close / base - 1;
  };
  const sYtd = periodReturn(s, s.closes[i]!, String(year - 1));
  const bYtd = periodReturn(b, b.closes[j]!, String(year - 1));
  const sMtd = periodReturn(s, s.closes[i]!, priorMonth);
  const bMtd = periodReturn(b, b.closes[j]!, priorMonth);
  out.set('vs.B.spread.ytd', sYtd === undefined || bYtd === undefined ? MISSING : sYtd - bYtd);
  out.set('vs.B.spread.mtd', sMtd === undefined || bMtd === undefined ? MISSING : sMtd - bMtd);

  // Annual return of Y: last close of Y ÷ last close of Y - 1, less 1; undefined without both.
  const annual = (series: Series, y: number) => {
    const end = lastCloseIn(series, String(y), '9999');
    const base = lastCloseIn(series, String(y - 1), '9999');
    return end === undefined || base === undefined ? undefined : end / base - 1;
  };
  const under = (y: number) => {
    const sr = annual(s, y);
    const br = annual(b, y);
    return sr === undefined || br === undefined ? undefined : sr < br;
  };
  if (under(year - 1) === undefined) {
    for (const id of ids.slice(3).concat(more)) out.set(`vs.B.${id}`, MISSING);
    return out;
  }
  const streakEndingAt = (y: number) => {
    let n = 0;
    while (under(y - n) === true) n++;
    return n;
  };
  const years = streakEndingAt(year - 1);
  out.set('vs.B.years_under', years);
  out.set(
    'vs.B.years_under.provisional',
    sYtd === undefined || bYtd === undefined ? MISSING : sYtd < bYtd ? years + 1 : years,
  );
  let longest = 0;
  let longestEnd: number | null = null;
  for (let y = 1900; y <= year - 1; y++) {
    const n = streakEndingAt(y);
    if (n > 0 && n >= longest) [longest, longestEnd] = [n, y];
  }
  out.set('vs.B.years_under.longest', longest);
  out.set('vs.B.years_under.longest_end', longestEnd);
  return out;
}

describe('relativeStatsAt agrees with the naive reference', () => {
  it('on random pairs with dates only one of them has, over several years', () => {
    // One date list; each date goes to both series (mostly), or to S or B alone.
    const pair = pairWithOneSidedDates(seriesArbitrary('S', 2, 90, 100), 90);
    fc.assert(
      fc.property(pair, ({ s, b }) => {
        const p = analyzePair(s, b);
        s.dates.forEach((date, i) => {
          expectMatches(relativeStatsAt(p, date), naiveRelative(s, b, i), date);
        });
      }),
      { numRuns: 200 },
    );
  });
});
