/** Options positioning from stored daily snapshots: call/put ratios and "highest since". */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type OptionsSnapshot, optionsStatsAt } from '../../src/stats/options.ts';
import { missingFor, resultFor, valueFor, weekdays } from './helpers.ts';

/** Snapshots on consecutive weekdays from 2026-07-01 with the given call/put volumes (OI 3:2). */
function snapshots(volumes: ReadonlyArray<readonly [number, number]>): OptionsSnapshot[] {
  const dates = weekdays('2026-07-01', volumes.length);
  return volumes.map(([calls, puts], k) => ({
    date: dates[k]!,
    callVolume: calls,
    putVolume: puts,
    callOpenInterest: 3_000_000,
    putOpenInterest: 2_000_000,
  }));
}

// 26 days: volume ratios 1.0 except day 4 (2.0), day 15 (1.6), day 20 (1.4), days 21-23 (0.9)
// and day 25 (1.8).
const RATIOS = Array.from({ length: 26 }, (_, k) =>
  k === 4 ? 2 : k === 15 ? 1.6 : k === 20 ? 1.4 : k >= 21 && k <= 23 ? 0.9 : k === 25 ? 1.8 : 1,
);
const HISTORY = snapshots(RATIOS.map((r) => [r * 500_000, 500_000] as const));
const dateOf = (k: number) => HISTORY[k]!.date;

describe('options ratios', () => {
  it('computes call/put volume and open-interest ratios of the as-of snapshot', () => {
    const [s] = snapshots([[1_200_000, 800_000]]);
    const results = optionsStatsAt('IWM', [s!], s!.date);
    expect(valueFor(results, 'options.cp_volume_ratio')).toBe(1.5); // 1,200,000 ÷ 800,000
    expect(valueFor(results, 'options.cp_oi_ratio')).toBe(1.5); // 3,000,000 ÷ 2,000,000
    expect(resultFor(results, 'options.cp_volume_ratio')).toMatchObject({
      inputs: [{ series: 'IWM.options', from: s!.date, to: s!.date, sessions: 1 }],
    });
  });

  it.each([
    // Day 24 (ratio 1.0): days 21-23 are 0.9, so the latest at or above 1.0 is day 20 (1.4).
    [24, 20],
    // Day 20 (1.4): day 15 (1.6) is the latest earlier one at least as high.
    [20, 15],
    // Day 25 (1.8): only day 4 (2.0) is higher.
    [25, 4],
    // Day 22 (0.9): day 21 ties at 0.9, and a tie counts.
    [22, 21],
  ])('cp_volume_ratio.highest_since on day %i is day %i', (k, since) => {
    const results = optionsStatsAt('IWM', HISTORY, dateOf(k));
    expect(valueFor(results, 'options.cp_volume_ratio.highest_since')).toBe(dateOf(since));
    expect(resultFor(results, 'options.cp_volume_ratio.highest_since')).toMatchObject({
      inputs: [{ from: dateOf(since), to: dateOf(k), sessions: k - since + 1 }],
    });
  });

  it('is null (highest on record) when no earlier snapshot comes close', () => {
    const history = snapshots([...RATIOS.slice(0, 24), 3].map((r) => [r * 500_000, 500_000] as const));
    const results = optionsStatsAt('IWM', history, history[24]!.date);
    expect(valueFor(results, 'options.cp_volume_ratio.highest_since')).toBeNull();
    expect(resultFor(results, 'options.cp_volume_ratio.highest_since')).toMatchObject({
      inputs: [{ from: history[0]!.date, to: history[24]!.date, sessions: 25 }],
    });
  });

  it('waits for 20 stored snapshots before quoting highest_since', () => {
    const results = optionsStatsAt('IWM', HISTORY, dateOf(2));
    expect(valueFor(results, 'options.cp_volume_ratio')).toBe(1);
    expect(missingFor(results, 'options.cp_volume_ratio.highest_since')).toBe(
      'needs 20 stored snapshots, has 3',
    );
    // The 20th snapshot (day 19, 1.0) is quoted: day 18 ties it.
    expect(
      valueFor(optionsStatsAt('IWM', HISTORY, dateOf(19)), 'options.cp_volume_ratio.highest_since'),
    ).toBe(dateOf(18));
    expect(
      missingFor(optionsStatsAt('IWM', HISTORY, dateOf(18)), 'options.cp_volume_ratio.highest_since'),
    ).toBe('needs 20 stored snapshots, has 19');
  });

  it('is missing without a snapshot for the as-of date', () => {
    const results = optionsStatsAt('IWM', HISTORY.slice(0, 10), '2026-07-20');
    for (const id of [
      'options.cp_volume_ratio',
      'options.cp_oi_ratio',
      'options.cp_volume_ratio.highest_since',
    ]) {
      expect(missingFor(results, id)).toBe(
        'no IWM options snapshot for 2026-07-20; the latest on or before it is 2026-07-14',
      );
    }
    expect(missingFor(optionsStatsAt('IWM', HISTORY, '2026-06-30'), 'options.cp_oi_ratio')).toBe(
      'no IWM options snapshot for 2026-06-30',
    );
  });

  it('has no ratio without puts, and skips such days when looking back', () => {
    const history = snapshots([
      ...RATIOS.slice(0, 23).map((r) => [r * 500_000, 500_000] as const),
      [900_000, 0],
      [700_000, 500_000],
    ]);
    const zeroPuts = optionsStatsAt('IWM', history, history[23]!.date);
    expect(missingFor(zeroPuts, 'options.cp_volume_ratio')).toBe(
      'the IWM options snapshot for 2026-08-03 has no put volume',
    );
    expect(valueFor(zeroPuts, 'options.cp_oi_ratio')).toBe(1.5);
    // Day 24 (1.4) looks past day 23 (no ratio, not "infinite") to day 20 (1.4).
    expect(
      valueFor(optionsStatsAt('IWM', history, history[24]!.date), 'options.cp_volume_ratio.highest_since'),
    ).toBe(history[20]!.date);
  });

  it('throws on snapshots out of order', () => {
    expect(() => optionsStatsAt('IWM', [HISTORY[1]!, HISTORY[0]!], dateOf(1))).toThrow(
      'IWM options snapshots must ascend, but 2026-07-01 follows 2026-07-02',
    );
  });

  it('highest_since matches a scan of every earlier snapshot', () => {
    const volumes = fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 20 })), {
      minLength: 1,
      maxLength: 60,
      size: 'max',
    });
    fc.assert(
      fc.property(volumes, fc.nat(), (rows, pick) => {
        const history = snapshots(rows);
        const k = pick % history.length;
        const results = optionsStatsAt('IWM', history, history[k]!.date, 5);
        const [calls, puts] = rows[k]!;
        const stat = resultFor(results, 'options.cp_volume_ratio.highest_since');
        if (puts === 0 || k + 1 < 5) {
          expect(stat).toHaveProperty('missing');
          return;
        }
        let expected: string | null = null;
        for (let j = 0; j < k; j++) {
          const [c, p] = rows[j]!;
          if (p > 0 && c / p >= calls / puts) expected = history[j]!.date;
        }
        expect(valueFor(results, 'options.cp_volume_ratio.highest_since')).toBe(expected);
      }),
    );
  });
});
