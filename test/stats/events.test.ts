/**
 * Event studies (`pattern.<id>.…`): signal detection, prefix summaries and the study at an
 * as-of session, by hand on tiny series, then against a naive reference at every session.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeSeries, historyStatsAt } from '../../src/stats/analysis.ts';
import {
  DIRECT_LOOKUPS,
  directSummary,
  LazyPrefixes,
  prefixSummary,
  summarizePrefixes,
} from '../../src/stats/event-stats.ts';
import {
  describeSignal,
  findOccurrences,
  PATTERN_HORIZONS,
  type SignalConfig,
  signalConfigSchema,
  THREE_DAY_SURGE,
} from '../../src/stats/events.ts';
import type { StatResult, StatValue } from '../../src/stats/types.ts';
import type { Series } from '../../src/types.ts';
import { missingFor, resultFor, valueFor, weekdays } from './helpers.ts';

/** A series on consecutive weekdays from 2024-01-01, starting at 100, one daily return per step. */
function fromReturns(returns: readonly number[]): Series {
  const closes = [100];
  for (const r of returns) closes.push(closes.at(-1)! * (1 + r));
  return { symbol: 'T', dates: weekdays('2024-01-01', closes.length), closes };
}
const up = (n: number) => Array<number>(n).fill(0.02);
const flat = (n: number) => Array<number>(n).fill(0);

describe('findOccurrences', () => {
  const surge = THREE_DAY_SURGE;
  it.each([
    ['a 4-session run fires once, on its 3rd session', up(4), surge, [3]],
    ['a run broken by a loss fires again', [...up(3), -0.01, ...up(3)], surge, [3, 7]],
    [
      'an edge within the cooldown is dropped (7 − 3 = 4 ≤ 4)',
      [...up(3), -0.01, ...up(3)],
      { ...surge, cooldownSessions: 4 },
      [3],
    ],
    [
      'an edge after the cooldown counts (7 − 3 = 4 > 3)',
      [...up(3), -0.01, ...up(3)],
      { ...surge, cooldownSessions: 3 },
      [3, 7],
    ],
    // The edge at 7 is dropped; had it restarted the cooldown, 11 − 7 = 4 ≤ 5 would drop 11 too.
    [
      'a dropped edge does not extend the cooldown',
      [...up(3), -0.01, ...up(3), -0.01, ...up(3)],
      { ...surge, cooldownSessions: 5 },
      [3, 11],
    ],
    ['a run shorter than 3 sessions never fires', [...up(2), 0, ...up(2), -0.05, ...up(2)], surge, []],
    ['a move of 1.4999% is not 1.5%', [0.02, 0.02, 0.014999], surge, []],
  ])('%s', (_what, returns, config, expected) => {
    expect(Array.from(findOccurrences(fromReturns(returns).closes, config))).toEqual(expected);
  });

  it.each([
    // 1,015,000 / 1,000,000 − 1 is 0.014999999999999902 in doubles: exactly 1.5% must still count.
    ['moves of exactly 1.5%', [1_000_000, 1_015_000, 1_030_225, 1_045_678.375], surge, [3]],
    // Returns +10%, +9.1%, −8.3%, 0, +9.1%: "≥ 0" holds at 1, 2, then 4, 5; edges at 1 and 4.
    [
      'a one-session signal, flat counts as ≥ 0',
      [10, 11, 12, 11, 11, 12],
      { ...surge, sessions: 1, minReturn: 0 },
      [1, 4],
    ],
    // Returns −0.5%, −0.5%, −2.02%, +1.03%, +1.02%: "≥ −1%" runs of 2 end at 2 and at 5.
    [
      'a negative threshold',
      [100, 99.5, 99, 97, 98, 99],
      { ...surge, sessions: 2, minReturn: -0.01 },
      [2, 5],
    ],
  ])('%s', (_what, closes, config, expected) => {
    expect(Array.from(findOccurrences(closes, config))).toEqual(expected);
  });
});

describe('describeSignal and the config schema', () => {
  it.each([
    [
      THREE_DAY_SURGE,
      '3 consecutive sessions each up at least 1.5% (unrounded), edge-triggered, no cooldown',
    ],
    [
      { ...THREE_DAY_SURGE, sessions: 1, minReturn: 0.02, cooldownSessions: 10 },
      'a session up at least 2% (unrounded), edge-triggered, signals within 10 sessions after an occurrence ignored',
    ],
    [
      { ...THREE_DAY_SURGE, sessions: 2, minReturn: -0.01 },
      '2 consecutive sessions each down no more than 1% (unrounded), edge-triggered, no cooldown',
    ],
  ])('%o reads "%s"', (config, text) => {
    expect(describeSignal(config as SignalConfig)).toBe(text);
  });

  it.each([
    ['no sessions', { ...THREE_DAY_SURGE, sessions: 0 }],
    ['an unknown kind', { ...THREE_DAY_SURGE, kind: 'moving-average-cross' }],
    ['a misspelt key', { id: 'x', kind: 'consecutive-returns', sessions: 3, minimumReturn: 0.015 }],
    ['an id that is no slug', { ...THREE_DAY_SURGE, id: 'Three Day Surge' }],
    ['a negative cooldown', { ...THREE_DAY_SURGE, cooldownSessions: -1 }],
  ])('rejects %s', (_what, config) => {
    expect(signalConfigSchema.safeParse(config).success).toBe(false);
  });

  it('rejects two signals with one id', () => {
    expect(() => analyzeSeries(fromReturns(up(3)), { signals: [THREE_DAY_SURGE, THREE_DAY_SURGE] })).toThrow(
      'two signals are named three-day-surge',
    );
  });
});

describe('summarizePrefixes', () => {
  // Prefixes of 3, −1, 4, 1, −5, 9, 2, 6 sorted: [3] [−1 3] [−1 3 4] [−1 1 3 4] [−5 −1 1 3 4]
  // [−5 −1 1 3 4 9] [−5 −1 1 2 3 4 9] [−5 −1 1 2 3 4 6 9]; sums 3 2 6 7 2 11 13 19.
  const p = summarizePrefixes([3, -1, 4, 1, -5, 9, 2, 6]);
  it.each([
    [1, { n: 1, mean: 3, median: 3, hitRate: 1, min: 3, max: 3 }],
    [2, { n: 2, mean: 1, median: 1, hitRate: 0.5, min: -1, max: 3 }],
    [4, { n: 4, mean: 1.75, median: 2, hitRate: 0.75, min: -1, max: 4 }],
    [5, { n: 5, mean: 0.4, median: 1, hitRate: 0.6, min: -5, max: 4 }],
    [8, { n: 8, mean: 2.375, median: 2.5, hitRate: 0.75, min: -5, max: 9 }],
  ])('the first %i values', (k, expected) => {
    expect(prefixSummary(p, k)).toEqual(expected);
  });

  it('counts a zero as no hit and handles equal values', () => {
    // [0 0 1 0]: median of [0 0 0 1] is 0; one value of four is above zero.
    expect(prefixSummary(summarizePrefixes([0, 0, 1, 0]), 4)).toEqual({
      n: 4,
      mean: 0.25,
      median: 0,
      hitRate: 0.25,
      min: 0,
      max: 1,
    });
  });

  it('has no summary for an empty prefix', () => {
    expect(prefixSummary(summarizePrefixes([]), 0)).toBeUndefined();
  });

  it('agrees with sorting every prefix', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 60, size: 'max' }), (values) => {
        const p = summarizePrefixes(values);
        for (let k = 1; k <= values.length; k++) {
          const sorted = values.slice(0, k).sort((a, b) => a - b);
          expect(prefixSummary(p, k)!.median).toBe((sorted[(k - 1) >> 1]! + sorted[k >> 1]!) / 2);
          expect(prefixSummary(p, k)!.min).toBe(sorted[0]);
          expect(prefixSummary(p, k)!.max).toBe(sorted[k - 1]);
        }
      }),
    );
  });
});

describe('patternStatsAt by hand', () => {
  // Sessions 1-3 +2% each (signal at 3), 4 −1%, 5-7 +2% (signal at 7), 8-30 flat, 31-33 +2%
  // (signal at 33), 34-40 flat. So c7 = c21 = ... = c30 = 100·1.02⁶·0.99.
  const s = fromReturns([...up(3), -0.01, ...up(3), ...flat(23), ...up(3), ...flat(7)]);
  const stats = (k: number) => historyStatsAt(analyzeSeries(s), k);
  const id = (rest: string) => `pattern.three-day-surge.${rest}`;
  const g = 1.02;

  it.each([
    // as-of, last signal (sessions as-of−4 .. as-of), prior occurrences, h21 n, h21 excluded
    [3, s.dates[3], 0, 0, 0],
    [20, null, 2, 0, 2], // windows of 3 and 7 end at 24 and 28
    [24, null, 2, 1, 1], // 3's window ends at 24 exactly
    [33, s.dates[33], 2, 2, 0], // the signal at 33 is the news; 3 and 7 are its history
    [37, s.dates[33], 2, 2, 0], // still within the last 5 sessions (33..37)
    [38, null, 3, 2, 1], // 33 is history now, but its window is open
  ])('at %i: last signal %s, %i prior, h21 n %i, excluded %i', (k, last, prior, n, excluded) => {
    const r = stats(k);
    expect(valueFor(r, id('last_signal_date'))).toBe(last);
    expect(valueFor(r, id('prior_occurrences'))).toBe(prior);
    expect(valueFor(r, id('h21.n'))).toBe(n);
    expect(valueFor(r, id('h21.excluded'))).toBe(excluded);
    expect(valueFor(r, id('h21.small_sample'))).toBe(true);
  });

  it('at 33: the two earlier surges against the 13 sessions with a full 21-session window', () => {
    const r = stats(33);
    // Forward 21 from 3: c24/c3 = c7/c3 = 0.99·1.02³ = 1.05059592; from 7: flat, 0 (no hit).
    const fromThree = 0.99 * g ** 3 - 1;
    expect(valueFor(r, id('h21.mean'))).toBeCloseTo(fromThree / 2, 12);
    expect(valueFor(r, id('h21.median'))).toBeCloseTo(fromThree / 2, 12);
    expect(valueFor(r, id('h21.hit_rate'))).toBe(0.5);
    expect(valueFor(r, id('h21.min'))).toBe(0);
    expect(valueFor(r, id('h21.max'))).toBeCloseTo(0.05059592, 12);
    // Baseline t = 0..12: c(t+21)/c(t) − 1 = 0.99·g⁶, 0.99·g⁵, 0.99·g⁴, 0.99·g³, g³, g², g, then
    // 0, 0, 0 (t = 7..9: flat), then g, g², g³ (t = 10..12 reach into the last surge), less 1.
    const baseline = [0.99 * g ** 6, 0.99 * g ** 5, 0.99 * g ** 4, 0.99 * g ** 3, g ** 3, g ** 2, g, 1, 1, 1]
      .concat([g, g ** 2, g ** 3])
      .map((x) => x - 1);
    const mean = baseline.reduce((a, b) => a + b, 0) / 13; // 0.57336054863936 / 13 = 0.0441046…
    expect(valueFor(r, id('h21.baseline.n'))).toBe(13);
    expect(valueFor(r, id('h21.baseline.mean'))).toBeCloseTo(mean, 12);
    expect(valueFor(r, id('h21.baseline.median'))).toBeCloseTo(g ** 2 - 1, 12); // 7th of 13 sorted: 0.0404
    expect(valueFor(r, id('h21.baseline.hit_rate'))).toBe(10 / 13);
    expect(valueFor(r, id('h21.baseline.min'))).toBe(0);
    expect(valueFor(r, id('h21.baseline.max'))).toBeCloseTo(0.99 * g ** 6 - 1, 12);
    expect(valueFor(r, id('h21.beat_baseline'))).toBe(false); // 0.0253 < 0.0441
    expect(valueFor(r, id('treaded_water'))).toBe(false); // median 2.53%, outside ±0.5%
  });

  it('at 24: one surge with a full window against the baseline t = 0..3', () => {
    const r = stats(24);
    const baseline = [0.99 * g ** 6, 0.99 * g ** 5, 0.99 * g ** 4, 0.99 * g ** 3].map((x) => x - 1);
    expect(valueFor(r, id('h21.mean'))).toBeCloseTo(0.99 * g ** 3 - 1, 12);
    expect(valueFor(r, id('h21.baseline.n'))).toBe(4);
    expect(valueFor(r, id('h21.baseline.mean'))).toBeCloseTo(baseline.reduce((a, b) => a + b) / 4, 12);
    // Median of four: mean of the middle two, 0.99·g⁴ − 1 and 0.99·g⁵ − 1 = 0.0823239…
    expect(valueFor(r, id('h21.baseline.median'))).toBeCloseTo((baseline[1]! + baseline[2]!) / 2, 12);
    expect(valueFor(r, id('h21.beat_baseline'))).toBe(false); // 0.0506 < 0.0825
  });

  it('says why a study or its baseline cannot be computed', () => {
    const reason = (k: number, what: string) => missingFor(stats(k), id(what));
    expect(reason(3, 'h21.mean')).toBe(
      'needs an earlier three-day-surge signal of T followed by 21 sessions through 2024-01-04; has none',
    );
    expect(reason(20, 'h21.median')).toBe(
      'needs an earlier three-day-surge signal of T followed by 21 sessions through 2024-01-29; has 2, none with a full window',
    );
    expect(reason(20, 'h21.baseline.mean')).toBe('needs 22 sessions of T history through 2024-01-29; has 21');
    expect(reason(20, 'h21.beat_baseline')).toBe(reason(20, 'h21.mean'));
    expect(reason(20, 'treaded_water')).toBe(reason(20, 'h21.mean'));
    // At 40 the surge of 33 is history too: three earlier signals, none 63 sessions old.
    expect(reason(40, 'h63.mean')).toBe(
      'needs an earlier three-day-surge signal of T followed by 63 sessions through 2024-02-26; has 3, none with a full window',
    );
    expect(reason(40, 'h63.baseline.mean')).toBe('needs 64 sessions of T history through 2024-02-26; has 41');
    expect(valueFor(stats(40), id('h63.baseline.n'))).toBe(0);
  });

  it('treads water when the 21-session median is within ±0.5%', () => {
    // A surge at 1-3, then flat: 21 sessions after it the close is unchanged (median 0, no hit).
    const r = historyStatsAt(analyzeSeries(fromReturns([...up(3), ...flat(21)])), 24);
    expect(valueFor(r, id('h21.median'))).toBe(0);
    expect(valueFor(r, id('h21.hit_rate'))).toBe(0);
    expect(valueFor(r, id('treaded_water'))).toBe(true);
  });

  it('reads the whole history through the as-of', () => {
    expect(resultFor(stats(33), id('h21.mean'))).toMatchObject({
      inputs: [{ series: 'T', from: '2024-01-01', to: s.dates[33], sessions: 34 }],
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Against a naive reference: occurrences by exact integer arithmetic, every statistic by sorting.

/** A signal with its threshold as a fraction num/den, so the reference can test it exactly. */
const SIGNALS: Array<{ config: SignalConfig; num: number; den: number }> = [
  { config: THREE_DAY_SURGE, num: 3, den: 200 },
  {
    config: { id: 'up-day', kind: 'consecutive-returns', sessions: 1, minReturn: 0, cooldownSessions: 3 },
    num: 0,
    den: 1,
  },
  {
    config: { id: 'mild', kind: 'consecutive-returns', sessions: 2, minReturn: -0.01, cooldownSessions: 1 },
    num: -1,
    den: 100,
  },
  { config: { id: 'two-up', kind: 'consecutive-returns', sessions: 2, minReturn: 0.02 }, num: 1, den: 50 },
];

/** Integer closes moving −3% .. +4% a session around 1,000: surges of 1.5% are common. */
function integerSeries(maxLength: number) {
  return fc.array(fc.integer({ min: -3, max: 4 }), { maxLength, size: 'max' }).map((moves): Series => {
    const closes = [1000];
    for (const m of moves) closes.push(Math.max(1, Math.round(closes.at(-1)! * (1 + m / 100))));
    return { symbol: 'T', dates: weekdays('2020-01-01', closes.length), closes };
  });
}

function naiveOccurrences(c: readonly number[], { config, num, den }: (typeof SIGNALS)[number]): number[] {
  const holds = (k: number) => {
    if (k < config.sessions) return false;
    for (let m = 0; m < config.sessions; m++) if (c[k - m]! * den < c[k - m - 1]! * (den + num)) return false;
    return true;
  };
  const found: number[] = [];
  for (let k = 0; k < c.length; k++) {
    const last = found.at(-1);
    if (holds(k) && !holds(k - 1) && (last === undefined || k - last > (config.cooldownSessions ?? 0)))
      found.push(k);
  }
  return found;
}

type Expected = StatValue | 'missing';

function naiveStudy(
  s: Series,
  occurrences: readonly number[],
  prefix: string,
  i: number,
  config: SignalConfig,
) {
  const out = new Map<string, Expected>();
  // The rule's own numbers are facts too, so copy that states the rule prints facts.
  out.set(`${prefix}rule.sessions`, config.sessions);
  out.set(`${prefix}rule.min_return`, config.minReturn);
  const c = s.closes;
  const recent = occurrences.filter((o) => o >= i - 4 && o <= i).at(-1);
  const prior = occurrences.filter((o) => o < (recent ?? i + 1));
  out.set(`${prefix}last_signal_date`, recent === undefined ? null : s.dates[recent]!);
  out.set(`${prefix}prior_occurrences`, prior.length);
  const summary = (values: number[], id: string) => {
    const sorted = [...values].sort((a, b) => a - b);
    const n = values.length;
    out.set(`${id}mean`, n ? values.reduce((a, b) => a + b, 0) / n : 'missing');
    out.set(`${id}median`, n ? (sorted[(n - 1) >> 1]! + sorted[n >> 1]!) / 2 : 'missing');
    out.set(`${id}hit_rate`, n ? values.filter((v) => v > 0).length / n : 'missing');
    out.set(`${id}min`, n ? sorted[0]! : 'missing');
    out.set(`${id}max`, n ? sorted[n - 1]! : 'missing');
  };
  for (const h of PATTERN_HORIZONS) {
    const id = `${prefix}h${h}.`;
    const events = prior.filter((o) => o + h <= i).map((o) => c[o + h]! / c[o]! - 1);
    const baseline: number[] = [];
    for (let t = 0; t + h <= i; t++) baseline.push(c[t + h]! / c[t]! - 1);
    out.set(`${id}n`, events.length);
    out.set(`${id}excluded`, prior.length - events.length);
    out.set(`${id}small_sample`, events.length < 10);
    summary(events, id);
    out.set(`${id}baseline.n`, baseline.length);
    summary(baseline, `${id}baseline.`);
    const mean = out.get(`${id}mean`);
    const baseMean = out.get(`${id}baseline.mean`);
    out.set(
      `${id}beat_baseline`,
      typeof mean === 'number' && typeof baseMean === 'number' ? mean > baseMean : 'missing',
    );
  }
  const median = out.get(`${prefix}h21.median`);
  out.set(`${prefix}treaded_water`, typeof median === 'number' ? Math.abs(median) <= 0.005 : 'missing');
  return out;
}

function expectMatches(results: StatResult[], expected: Map<string, Expected>, where: string) {
  expect(results.map((r) => r.id).sort(), where).toEqual([...expected.keys()].sort());
  for (const r of results) {
    const want = expected.get(r.id);
    const got = 'missing' in r ? 'missing' : r.value;
    if (typeof want === 'number' && typeof got === 'number') {
      expect(Math.abs(got - want), `${where} ${r.id}: ${got} vs ${want}`).toBeLessThanOrEqual(1e-12);
    } else expect(got, `${where} ${r.id}`).toEqual(want);
  }
}

describe('patternStatsAt agrees with a naive reference at every session', () => {
  it('for several signals on random series up to 300 sessions', () => {
    fc.assert(
      fc.property(integerSeries(300), fc.constantFrom(...SIGNALS), (s, signal) => {
        const a = analyzeSeries(s, { signals: [signal.config] });
        const occurrences = naiveOccurrences(s.closes, signal);
        expect(Array.from(a.patterns[0]!.occurrences)).toEqual(occurrences);
        const prefix = `pattern.${signal.config.id}.`;
        for (let i = 0; i < s.dates.length; i++) {
          const results = historyStatsAt(a, i).filter((r) => r.id.startsWith(prefix));
          expectMatches(
            results,
            naiveStudy(s, occurrences, prefix, i, signal.config),
            `${s.dates[i]} (#${i})`,
          );
        }
      }),
      { numRuns: 40 },
    );
  });

  it('baseline n is the number of sessions with a full window by the as-of', () => {
    fc.assert(
      fc.property(integerSeries(300), (s) => {
        const a = analyzeSeries(s);
        for (let i = 0; i < s.dates.length; i++) {
          const results = historyStatsAt(a, i);
          for (const h of PATTERN_HORIZONS) {
            // Sessions t on or before the as-of whose close h sessions later is on or before it too.
            const withWindow = s.dates.filter((_, t) => t <= i && t + h <= i).length;
            expect(valueFor(results, `pattern.three-day-surge.h${h}.baseline.n`)).toBe(withWindow);
            const n = valueFor(results, `pattern.three-day-surge.h${h}.n`) as number;
            const excluded = valueFor(results, `pattern.three-day-surge.h${h}.excluded`) as number;
            expect(n + excluded).toBe(valueFor(results, 'pattern.three-day-surge.prior_occurrences'));
          }
        }
      }),
      { numRuns: 30 },
    );
  });
});

describe('LazyPrefixes', () => {
  it('gives the same summaries computed directly (quickselect) as from the full prefix index', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 120, size: 'max' }),
        (ints) => {
          const values = ints.map((v) => v / 10);
          const full = summarizePrefixes(values);
          for (let k = 1; k <= values.length; k++) {
            expect(directSummary(Float64Array.from(values), k)).toEqual(prefixSummary(full, k));
          }
          // Past DIRECT_LOOKUPS lookups the lazy sample switches to the index; answers do not change.
          const lazy = new LazyPrefixes(values);
          for (let round = 0; round < 2; round++) {
            for (let k = 1; k <= Math.min(values.length, DIRECT_LOOKUPS); k++) {
              expect(lazy.summary(k)).toEqual(prefixSummary(full, k));
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
