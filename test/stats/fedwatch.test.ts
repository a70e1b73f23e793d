/**
 * Rate-cut odds by the CME FedWatch method: CME's own worked examples to their published decimal,
 * hand-worked cases for each way a meeting's rates are anchored, the tree across meetings, the
 * stats, and properties that hold for any prices.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayOfWeek, isoDate, toDayNumber } from '../../src/calendar/dates.ts';
import { FOMC_MEETINGS, fomcCalendarAsOf } from '../../src/calendar/fomc.ts';
import { isSession } from '../../src/calendar/nyse.ts';
import {
  type CutProbabilitySnapshot,
  cutProbabilityChange,
  cutProbabilityChangeStat,
  type FedWatchInput,
  fedWatch,
  fedWatchStats,
} from '../../src/stats/fedwatch.ts';
import { convolve, meetingSteps, targetRanges } from '../../src/stats/fedwatch-tree.ts';
import { missingFor, valueFor } from './helpers.ts';

/** Futures from `{ 'YYYY-MM': price }`. */
const futuresOf = (prices: Record<string, number>) =>
  Object.entries(prices).map(([month, price]) => ({ month, price }));

/** A probability as CME prints it: percent to one decimal. */
const percent = (p: number) => Number((p * 100).toFixed(1));

const input = (asOf: string, target: [number, number], prices: Record<string, number>): FedWatchInput => ({
  asOf,
  currentTarget: { lower: target[0], upper: target[1] },
  futures: futuresOf(prices),
  meetings: fomcCalendarAsOf(asOf),
});

describe("CME's published examples", () => {
  it('Sept. 17, 2015: FFQ5 99.8675, FFU5 99.805 → 53.6% chance of a hike', () => {
    // CME, "Fed Funds Futures Probability Tree Calculator" (2015 methodology), example "September
    // 17, 2015 FOMC – Type #2": August 2015 holds no meeting, so its contract gives the rate
    // before the meeting; October 2015 holds one (Oct. 28), so September's end rate is solved
    // from September's own contract.
    //   start = 100 − 99.8675 = 0.1325; September average = 100 − 99.805 = 0.195
    //   N = 30 days, M = 16 days before the 17th (the decision day counts as after)
    //   end = 30/14 × (0.195 − 16/30 × 0.1325) = 0.26643
    //   P(hike) = (0.26643 − 0.1325) / 0.25 = 0.5357 (exactly 15/28) → 53.6%; P(no hike) 46.4%
    // The example gives no quote date; FFQ5 was still trading, so as-of is in August 2015 (any
    // day of it gives the same answer). The range was 0–0.25%.
    const result = fedWatch(input('2015-08-14', [0, 0.25], { '2015-08': 99.8675, '2015-09': 99.805 }));
    const [september] = result.meetings;
    expect(september?.date).toBe('2015-09-17');
    expect(september?.anchor).toBe('previous-month');
    expect(september?.rateStart).toBeCloseTo(0.1325, 12);
    expect(september?.rateEnd).toBeCloseTo(0.266428571, 9);
    expect(september?.hikeProbability).toBeCloseTo(15 / 28, 12);
    expect(percent(september!.hikeProbability)).toBe(53.6);
    expect(percent(september!.unchangedProbability)).toBe(46.4);
    expect(september?.probabilities.map((r) => [r.lower, r.upper, percent(r.probability)])).toEqual([
      [0, 0.25, 46.4],
      [0.25, 0.5, 53.6],
    ]);
    // October's contract was not given: the tree stops there and says why.
    expect(result.stopped).toEqual({
      date: '2015-10-28',
      reason: 'no fed funds futures price for 2015-10 (ZQ_201510)',
    });
  });

  // CME, "FedWatch calculation examples", daily settle prices as of September 12, 2022 (the
  // worksheet of the methodology page): ZQU2 97.4475, ZQV2 96.9400, ZQX2 96.4300, ZQZ2 96.2350,
  // ZQF3 96.1150, ZQG3 96.0200, ZQH3 96.0050, ZQJ3 95.9850, ZQK3 96.0050, ZQM3 96.0350, ZQN3 96.0650.
  // The target range was 2.25–2.50%.
  const SEPT_12_2022 = input('2022-09-12', [2.25, 2.5], {
    '2022-09': 97.4475,
    '2022-10': 96.94,
    '2022-11': 96.43,
    '2022-12': 96.235,
    '2023-01': 96.115,
    '2023-02': 96.02,
    '2023-03': 96.005,
    '2023-04': 95.985,
    '2023-05': 96.005,
    '2023-06': 96.035,
    '2023-07': 96.065,
  });

  it('Sept. 12, 2022: the Sept. 21 meeting, +75 bp 95.5% / +100 bp 4.5%', () => {
    // October 2022 holds no meeting: its 3.0600 is September's end rate ("Start here -->
    // October"). September's start is solved from its average 2.5525 with 20 of 30 days before
    // the 21st: (2.5525 − 10/30 × 3.06) / (20/30) = 2.29875 (the sheet's 2.2987, price 97.7013).
    // Change 0.76125 = 3.045 steps of 25 bp: 3 steps 95.5%, 4 steps 4.5%.
    const september = fedWatch(SEPT_12_2022).meetings[0]!;
    expect(september.date).toBe('2022-09-21');
    expect(september.anchor).toBe('next-month');
    expect(september.rateStart).toBeCloseTo(2.29875, 10);
    expect(september.rateEnd).toBeCloseTo(3.06, 10);
    expect(september.expectedChangeBp).toBeCloseTo(76.125, 8);
    expect(september.moves.map((m) => [m.changeBp, percent(m.probability)])).toEqual([
      [75, 95.5],
      [100, 4.5],
    ]);
  });

  it('Sept. 12, 2022: the Nov. 2 meeting, +50 bp 89.0% / +75 bp 11.0%', () => {
    // November's start is October's 3.06 (1 day before the 2nd); its end is solved from its
    // average 3.57: (3.57 − 1/30 × 3.06) / (29/30) = 3.587586 (the sheet's 3.5876, price
    // 96.4124). Change 0.527586 (sheet: 0.5276) = 2.110345 steps: 2 steps 89.0%, 3 steps 11.0%.
    const november = fedWatch(SEPT_12_2022).meetings[1]!;
    expect(november.date).toBe('2022-11-02');
    expect(november.anchor).toBe('previous-month');
    expect(november.rateStart).toBeCloseTo(3.06, 10);
    expect(november.rateEnd).toBeCloseTo(104.04 / 29, 10);
    expect(november.moves.map((m) => [m.changeBp, percent(m.probability)])).toEqual([
      [50, 89.0],
      [75, 11.0],
    ]);
  });

  it('Sept. 12, 2022: the tree after Nov. 2 multiplies the two meetings (derived, not published)', () => {
    // 3 or 4 steps in September (0.955 / 0.045) and 2 or 3 in November (25.8/29 / 3.2/29):
    //   5 steps, 3.50–3.75: 0.955 × 0.889655 = 0.849621
    //   6 steps, 3.75–4.00: 0.955 × 0.110345 + 0.045 × 0.889655 = 0.145414
    //   7 steps, 4.00–4.25: 0.045 × 0.110345 = 0.004966
    const november = fedWatch(SEPT_12_2022).meetings[1]!;
    const expected = [
      [3.5, 3.75, 0.955 * (25.8 / 29)],
      [3.75, 4, 0.955 * (3.2 / 29) + 0.045 * (25.8 / 29)],
      [4, 4.25, 0.045 * (3.2 / 29)],
    ];
    expect(november.probabilities.map((r) => [r.lower, r.upper])).toEqual(expected.map(([l, u]) => [l, u]));
    november.probabilities.forEach((r, k) => {
      expect(r.probability).toBeCloseTo(expected[k]![2]!, 10);
    });
    expect(november.hikeProbability).toBeCloseTo(1, 12);
    expect(november.cutProbability).toBe(0);
  });

  it('ignores contracts of months before as-of, as the worksheet does (August 2022 had expired)', () => {
    // With August's final settlement (2.33, the realized average) as a start, September would
    // read 3.06 − 2.33 = 0.73 (2.92 steps): CME's 95.5% needs the solved start instead.
    const withAugust = {
      ...SEPT_12_2022,
      futures: [...SEPT_12_2022.futures, { month: '2022-08', price: 97.67 }],
    };
    expect(fedWatch(withAugust)).toEqual(fedWatch(SEPT_12_2022));
  });
});

describe('anchors and outcomes, worked by hand', () => {
  it('cuts: −0.36 steps is a 36% chance of a 25 bp cut and 64% of no change', () => {
    // Sept. 16, 2026, August without a meeting: start 100 − 96.37 = 3.63; September average
    // 100 − 96.415 = 3.585 with 15 of 30 days before the 16th: end = 2 × 3.585 − 3.63 = 3.54.
    // Change −0.09 = −0.36 steps.
    const result = fedWatch(input('2026-08-03', [3.5, 3.75], { '2026-08': 96.37, '2026-09': 96.415 }));
    const [september] = result.meetings;
    expect(september?.rateEnd).toBeCloseTo(3.54, 10);
    expect(september?.moves.map((m) => [m.changeBp, m.probability])).toEqual([
      [-25, expect.closeTo(0.36, 10)],
      [0, expect.closeTo(0.64, 10)],
    ]);
    expect(september?.cutProbability).toBeCloseTo(0.36, 10);
    expect(september?.unchangedProbability).toBeCloseTo(0.64, 10);
    expect(september?.probabilities.map((r) => [r.lower, r.upper])).toEqual([
      [3.25, 3.5],
      [3.5, 3.75],
    ]);
    expect(result.stopped?.reason).toBe('no fed funds futures price for 2026-10 (ZQ_202610)');
  });

  it('multiples: −1.5 steps splits between a 50 bp and a 25 bp cut', () => {
    // End 3.63 − 0.375 = 3.255, so the September average is (3.63 + 3.255) / 2 = 3.4425 (96.5575).
    const [september] = fedWatch(
      input('2026-08-03', [3.5, 3.75], { '2026-08': 96.37, '2026-09': 96.5575 }),
    ).meetings;
    expect(september?.moves.map((m) => [m.changeBp, m.probability])).toEqual([
      [-50, expect.closeTo(0.5, 10)],
      [-25, expect.closeTo(0.5, 10)],
    ]);
    expect(september?.cutProbability).toBeCloseTo(1, 12);
  });

  it('a meeting on the 1st: the whole month is after it, so its average is the end rate', () => {
    // Feb. 1, 2023 (d = 0): January holds no meeting, start 100 − 95.67 = 4.33; end = February's
    // average 100 − 95.42 = 4.58. Change 0.25 = exactly one step, float noise and all.
    const [february] = fedWatch(
      input('2023-01-10', [4.25, 4.5], { '2023-01': 95.67, '2023-02': 95.42 }),
    ).meetings;
    expect(february?.anchor).toBe('previous-month');
    expect(february?.rateEnd).toBeCloseTo(4.58, 12);
    expect(february?.moves).toEqual([{ changeBp: 25, probability: 1 }]);
    expect(february?.probabilities).toEqual([{ steps: 1, lower: 4.5, upper: 4.75, probability: 1 }]);
  });

  it('works back from the next meeting when the first priced month holds a meeting', () => {
    // As of 2026-03-02: March (meeting the 18th, 17 of 31 days before) and April (the 29th, 28
    // of 30 before) both hold meetings; May does not, and February's contract has expired.
    //   April: end = May 3.70; start = (3.68 − 2/30 × 3.70) / (28/30) = 103/28 = 3.678571
    //   March: end = April's start; start = (31 × 3.65 − 14 × 103/28) / 17 = 61.65/17 = 3.626471
    //   March change 0.052101 = 0.208403 steps; April change 0.6/28 = 0.085714 steps (3/35)
    const result = fedWatch(
      input('2026-03-02', [3.5, 3.75], {
        '2026-02': 96.4,
        '2026-03': 96.35,
        '2026-04': 96.32,
        '2026-05': 96.3,
      }),
    );
    const [march, april] = result.meetings;
    expect(march?.anchor).toBe('next-meeting');
    expect(march?.contracts).toEqual(['2026-03', '2026-04', '2026-05']);
    expect(march?.rateStart).toBeCloseTo(61.65 / 17, 10);
    expect(march?.rateEnd).toBeCloseTo(103 / 28, 10);
    expect(march?.hikeProbability).toBeCloseTo((103 / 28 - 61.65 / 17) / 0.25, 10);
    expect(april?.anchor).toBe('next-month');
    expect(april?.rateStart).toBeCloseTo(103 / 28, 10);
    expect(april?.moves[1]?.probability).toBeCloseTo(3 / 35, 10);
  });

  it('folds outcomes below zero into the 0–0.25 range, as CME bounds the rate at zero', () => {
    // Start 0.08, September average 0.05, end 0.02: −0.24 steps would put 24% below zero.
    const [september] = fedWatch(
      input('2026-08-03', [0, 0.25], { '2026-08': 99.92, '2026-09': 99.95 }),
    ).meetings;
    expect(september?.moves[0]?.changeBp).toBe(-25);
    expect(september?.probabilities).toEqual([{ steps: 0, lower: 0, upper: 0.25, probability: 1 }]);
    expect(september?.cutProbability).toBe(0);
  });

  it('stops at a month holding two meetings: one average cannot separate them', () => {
    // As of 2020-03-05 the Mar. 3 cut had happened and the Mar. 17-18 meeting was still expected.
    const result = fedWatch(input('2020-03-05', [1, 1.25], { '2020-03': 99.2, '2020-04': 99.4 }));
    expect(result.meetings).toEqual([]);
    expect(result.stopped).toEqual({
      date: '2020-03-18',
      reason:
        "2020-03 holds 2 FOMC meetings (2020-03-03, 2020-03-18); one month's average cannot separate them",
    });
  });

  it.each([
    [[{ month: '2026-8', price: 96 }], 'contract month "2026-8" is not YYYY-MM'],
    [[{ month: '2026-13', price: 96 }], 'contract month "2026-13" is not YYYY-MM'],
    [[{ month: '2026-08', price: Number.NaN }], 'the price of 2026-08 is not a number: NaN'],
    [
      [
        { month: '2026-08', price: 96 },
        { month: '2026-08', price: 96.1 },
      ],
      'two prices for contract month 2026-08',
    ],
  ])('rejects malformed futures %j', (futures, message) => {
    expect(() => fedWatch({ ...input('2026-08-03', [3.5, 3.75], {}), futures })).toThrow(message);
  });
});

describe('the stats', () => {
  it('cut_probability.next is the first meeting’s cut probability, with what it read', () => {
    const stats = fedWatchStats({
      ...input('2026-08-03', [3.5, 3.75], { '2026-08': 96.37, '2026-09': 96.415 }),
      currentTarget: { lower: 3.5, upper: 3.75, date: '2026-08-02' },
    });
    expect(valueFor(stats, 'cut_probability.next')).toBeCloseTo(0.36, 10);
    expect(stats[0]).toMatchObject({
      inputs: [
        { series: 'ZQ_202608', date: '2026-08-03', close: 96.37 },
        { series: 'ZQ_202609', date: '2026-08-03', close: 96.415 },
        { series: 'DFEDTARL', date: '2026-08-02', close: 3.5 },
        { series: 'DFEDTARU', date: '2026-08-02', close: 3.75 },
      ],
    });
  });

  it.each([
    [
      input('2026-08-03', [3.5, 3.75], { '2026-08': 96.37 }),
      'cannot price the 2026-09-16 FOMC meeting: no fed funds futures price for 2026-09 (ZQ_202609)',
    ],
    [
      { ...input('2026-08-03', [3.5, 3.75], { '2026-08': 96.37 }), meetings: ['2026-07-29'] },
      'no FOMC meeting after 2026-08-03 among the 1 meeting dates given',
    ],
  ])('cut_probability.next is missing with a reason (%#)', (given, reason) => {
    expect(missingFor(fedWatchStats(given), 'cut_probability.next')).toBe(reason);
  });

  const now: CutProbabilitySnapshot = { date: '2026-08-14', cutProbability: 0.5, meeting: '2026-09-16' };
  const stored: CutProbabilitySnapshot[] = [
    { date: '2026-08-05', cutProbability: 0.3, meeting: '2026-09-16' },
    { date: '2026-08-06', cutProbability: 0.35, meeting: '2026-09-16' },
    { date: '2026-08-08', cutProbability: 0.4, meeting: '2026-09-16' },
    { date: '2026-08-14', cutProbability: 0.9, meeting: '2026-09-16' }, // today's own: never compared with
    { date: '2026-07-20', cutProbability: 0.1, meeting: '2026-07-29' },
  ];

  it.each([
    // A week before 2026-08-14 is 08-07: 08-06 and 08-08 are a day away; the earlier one wins.
    ['2026-08-07', '2026-08-06', 0.5 - 0.35, 1],
    ['2026-08-08', '2026-08-08', 0.5 - 0.4, 0],
    ['2026-08-03', '2026-08-05', 0.5 - 0.3, 2],
    ['2026-08-20', '2026-08-08', 0.5 - 0.4, 12], // only with a wide enough limit (below)
  ])('change vs the snapshot closest to %s is vs %s', (target, used, change, distance) => {
    const result = cutProbabilityChange(now, stored, target, 30);
    expect(result).toEqual({
      change: expect.closeTo(change, 12),
      snapshot: expect.objectContaining({ date: used }),
      distanceDays: distance,
    });
  });

  it.each([
    [
      '2026-08-20',
      5,
      'needs a stored cut-probability snapshot within 5 days of 2026-08-20; the nearest is 2026-08-08',
    ],
    [
      '2026-07-21',
      5,
      'the snapshot of 2026-07-20 priced the 2026-07-29 meeting; the next meeting is now 2026-09-16',
    ],
  ])('change vs %s is missing', (target, limit, reason) => {
    expect(cutProbabilityChange(now, stored, target, limit)).toEqual({ missing: reason });
    expect(missingFor([cutProbabilityChangeStat(now, stored, target, limit)], 'cut_probability.change')).toBe(
      reason,
    );
  });

  it('cut_probability.change names both snapshots', () => {
    expect(cutProbabilityChangeStat(now, stored, '2026-08-08')).toEqual({
      id: 'cut_probability.change',
      value: expect.closeTo(0.1, 12),
      inputs: [
        { series: 'FED.cut_probability.next', date: '2026-08-08', close: 0.4 },
        { series: 'FED.cut_probability.next', date: '2026-08-14', close: 0.5 },
      ],
    });
    expect(cutProbabilityChange(now, [], '2026-08-07')).toEqual({
      missing: 'needs a stored cut-probability snapshot within 5 days of 2026-08-07',
    });
  });
});

describe('the FOMC calendar', () => {
  const held = FOMC_MEETINGS.filter((m) => m.kind !== 'unscheduled');

  it('has eight scheduled meetings a year, 2015 through 2027 (2020 counts its cancelled one)', () => {
    for (let year = 2015; year <= 2027; year++) {
      expect(held.filter((m) => m.date.startsWith(String(year))).length, String(year)).toBe(8);
    }
  });

  it('decides on the second day: a Wednesday, or one of the four Wed-Thu meetings', () => {
    // Election weeks (2018, 2020, 2024) and Sept. 16-17, 2015 (after Rosh Hashanah on the 14-15th).
    const thursdays = ['2015-09-17', '2018-11-08', '2020-11-05', '2024-11-07'];
    for (const m of held) {
      expect(m.firstDay, m.date).toBe(addDays(m.date, -1));
      expect(dayOfWeek(m.date), m.date).toBe(thursdays.includes(m.date) ? 4 : 3);
      if (m.date <= '2027-12-31') expect(isSession(m.date), m.date).toBe(true);
    }
  });

  it.each([
    // Before the Mar. 3, 2020 cut: the schedule, Mar. 18 included.
    ['2020-03-02', ['2020-01-29', '2020-03-18', '2020-04-29']],
    // After it, before the Mar. 15 meeting replaced Mar. 17-18: both in March.
    ['2020-03-05', ['2020-01-29', '2020-03-03', '2020-03-18', '2020-04-29']],
    // After Mar. 15: the two unscheduled cuts held, Mar. 18 gone.
    ['2020-03-16', ['2020-01-29', '2020-03-03', '2020-03-15', '2020-04-29']],
  ])('as of %s the calendar around March 2020 reads %j', (asOf, expected) => {
    const around = fomcCalendarAsOf(asOf).filter((d) => d >= '2020-01-01' && d <= '2020-04-30');
    expect(around).toEqual(expected);
  });
});

describe('properties', () => {
  it('each meeting’s split keeps its expected change, and the tree’s probabilities sum to 1', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -6, max: 6, noNaN: true }), { minLength: 1, maxLength: 10, size: 'max' }),
        (changes) => {
          let tree = [{ steps: 0, probability: 1 }];
          for (const x of changes) {
            const split = meetingSteps(x);
            // Within 1e-9 steps of a whole number the split snaps to it; nothing else moves the mean.
            expect(split.reduce((s, m) => s + m.steps * m.probability, 0)).toBeCloseTo(x, 8);
            tree = convolve(tree, split);
          }
          // Far from zero, nothing folds: the tree's mean is the sum of the expected changes.
          const ranges = targetRanges(tree, { lower: 100, upper: 100.25 });
          expect(ranges.reduce((s, r) => s + r.probability, 0)).toBeCloseTo(1, 12);
          expect(ranges.every((r) => r.probability > 0 && r.probability <= 1 + 1e-12)).toBe(true);
          const sum = changes.reduce((s, x) => s + x, 0);
          expect(ranges.reduce((s, r) => s + r.steps * r.probability, 0)).toBeCloseTo(sum, 7);
        },
      ),
    );
  });

  it('for any prices, each meeting averages back to its contract and joins its anchor', () => {
    // The defining equation, whichever anchor: (d/N)·start + ((N − d)/N)·end = 100 − price; and
    // the anchor's side is the anchor's rate (a month without a meeting, or the meeting next door).
    const asOfs = fc.integer({ min: toDayNumber('2015-01-02'), max: toDayNumber('2026-12-31') });
    const prices = fc.array(fc.double({ min: 94, max: 99.99, noNaN: true }), {
      minLength: 1,
      maxLength: 16,
      size: 'max',
    });
    fc.assert(
      fc.property(asOfs, prices, (asOfDay, monthPrices) => {
        const asOf = addDays('1970-01-01', asOfDay);
        const futures = monthPrices.map((price, k) => ({ month: monthsAfter(asOf.slice(0, 7), k), price }));
        const rateOf = (month: string) => 100 - futures.find((f) => f.month === month)!.price;
        const result = fedWatch({
          asOf,
          currentTarget: { lower: 100, upper: 100.25 },
          futures,
          meetings: fomcCalendarAsOf(asOf),
        });
        result.meetings.forEach((meeting, k) => {
          const month = meeting.date.slice(0, 7);
          const n = toDayNumber(`${monthsAfter(month, 1)}-01`) - toDayNumber(`${month}-01`);
          const d = Number(meeting.date.slice(8, 10)) - 1;
          const average = (d / n) * meeting.rateStart + ((n - d) / n) * meeting.rateEnd;
          expect(average).toBeCloseTo(rateOf(month), 6);
          const previous = result.meetings[k - 1];
          const next = result.meetings[k + 1];
          if (meeting.anchor === 'next-month') expect(meeting.rateEnd).toBe(rateOf(monthsAfter(month, 1)));
          if (meeting.anchor === 'next-meeting') expect(meeting.rateEnd).toBeCloseTo(next!.rateStart, 9);
          if (meeting.anchor === 'previous-month') {
            const before = monthsAfter(month, -1);
            const chained = previous?.date.startsWith(before) ? previous.rateEnd : rateOf(before);
            expect(meeting.rateStart).toBe(chained);
          }
        });
        const total = result.meetings.at(-1)?.probabilities.reduce((s, r) => s + r.probability, 0);
        if (total !== undefined) expect(total).toBeCloseTo(1, 9);
      }),
    );
  });
});

/** `YYYY-MM` shifted by `k` months. */
function monthsAfter(month: string, k: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + k;
  return isoDate(Math.floor(index / 12), (index % 12) + 1, 1).slice(0, 7);
}
