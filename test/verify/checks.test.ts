/** Each check of the data-quality gate on small hand-made inputs: what it flags, and what it must not. */
import { describe, expect, it } from 'vitest';
import { sessionsBetween } from '../../src/calendar/nyse.ts';
import type { DailyBar } from '../../src/types.ts';
import { findCalendarGaps } from '../../src/verify/calendar-gaps.ts';
import { crossCheckSources } from '../../src/verify/cross-source.ts';
import { checkOneDayMoves } from '../../src/verify/sanity-bound.ts';
import { checkStaleness, lastCompletedSession, sessionsBehind } from '../../src/verify/staleness.ts';
import type { SourceBars, UsedSeries } from '../../src/verify/types.ts';

const bar = (date: string, close: number, volume: number | null = 1000): DailyBar => ({
  date,
  open: null,
  high: null,
  low: null,
  close,
  volume,
});

/** The series the stats read when `sources[0]` ranks first. */
function usedFrom(sources: readonly SourceBars[]): UsedSeries {
  const byDate = new Map<string, { close: number; source: string }>();
  for (const s of [...sources].reverse())
    for (const b of s.bars) byDate.set(b.date, { close: b.close, source: s.source });
  const dates = [...byDate.keys()].sort();
  return {
    dates,
    closes: dates.map((d) => byDate.get(d)!.close),
    sources: dates.map((d) => byDate.get(d)!.source),
  };
}

describe('cross-source check', () => {
  const ibkr = {
    source: 'csv:RUT_ibkr.csv',
    bars: [bar('2025-09-05', 2391.05), bar('2025-09-08', 2394.89, 5211500000)],
  };

  it('flags a close that differs beyond the tolerance, naming both values, the gap and the source used', () => {
    const yahooCsv = {
      source: 'csv:RUT.csv',
      bars: [bar('2025-09-05', 2391.050048828125), bar('2025-09-08', 2393.690185546875, 0)],
    };
    const problems = crossCheckSources('RUT', usedFrom([ibkr, yahooCsv]), [ibkr, yahooCsv], 0.0001);
    expect(problems.map((p) => [p.severity, p.code, p.date])).toEqual([
      ['error', 'verify/close-mismatch', '2025-09-08'],
      ['warning', 'verify/intraday-row', '2025-09-08'],
    ]);
    expect(problems[0]!.message).toBe(
      'RUT closes disagree on 2025-09-08: 2394.89 in csv:RUT_ibkr.csv (used) and 2393.69 in csv:RUT.csv, 1.20 points (0.05%) apart, more than the 0.01% tolerance.',
    );
    expect(problems[1]!.message).toContain("csv:RUT.csv's RUT row for 2025-09-08 has volume 0");
    expect(problems[1]!.message).toContain('csv:RUT_ibkr.csv is probably right');
  });

  it.each([
    ['float32 noise', 2391.05, 2391.050048828125, 0],
    ['a cent of rounding on 1,147 (8.7e-6)', 1147.34, 1147.33, 0],
    ['just inside the tolerance', 2391.05, 2391.05 * 1.0000999, 0],
    ['just outside it', 2391.05, 2391.05 * 1.0001001, 1],
  ])('%s: %d problem(s)', (_what, used, other, expected) => {
    const a = { source: 'yahoo', bars: [bar('2025-09-05', used)] };
    const b = { source: 'csv:x.csv', bars: [bar('2025-09-05', other)] };
    expect(crossCheckSources('RUT', usedFrom([a, b]), [a, b], 0.0001)).toHaveLength(expected);
  });

  it('does not call a disagreeing row intraday when neither side reports volume', () => {
    const a = { source: 'yahoo', bars: [bar('2025-09-05', 2391.05, null)] };
    const b = { source: 'csv:x.csv', bars: [bar('2025-09-05', 2400, 0)] };
    expect(crossCheckSources('RUT', usedFrom([a, b]), [a, b], 0.0001).map((p) => p.code)).toEqual([
      'verify/close-mismatch',
    ]);
  });

  it('lists ten mismatches between two sources, then sums up the rest in one problem', () => {
    const dates = sessionsBetween('2025-01-02', '2025-02-28');
    const a = { source: 'yahoo', bars: dates.map((d) => bar(d, 100)) };
    const b = { source: 'csv:adjusted.csv', bars: dates.map((d) => bar(d, 90)) };
    const problems = crossCheckSources('IWM', usedFrom([a, b]), [a, b], 0.0001);
    expect(problems).toHaveLength(11);
    expect(problems[10]!.message).toContain(`${dates.length - 10} more sessions`);
  });
});

describe('calendar gaps', () => {
  it('reports each run of missing sessions once, with its length and first date', () => {
    const all = sessionsBetween('2025-11-03', '2025-11-28');
    const held = all.filter((d) => !['2025-11-10', '2025-11-11', '2025-11-12', '2025-11-20'].includes(d));
    const problems = findCalendarGaps('RUT', held);
    expect(problems.map((p) => [p.code, p.severity, p.date])).toEqual([
      ['verify/gap', 'error', '2025-11-10'],
      ['verify/gap', 'error', '2025-11-20'],
    ]);
    expect(problems[0]!.message).toBe(
      'RUT has no close for 3 sessions, 2025-11-10 to 2025-11-12 (inside its history, 2025-11-03 to 2025-11-28).',
    );
    expect(problems[1]!.message).toContain('the 2025-11-20 session');
    expect(problems[0]!.hint).toContain('wirecopy fetch --symbols RUT --since 2025-11-10');
  });

  it('sees no gap over weekends and holidays (Thanksgiving 2025-11-27), nor before 1980', () => {
    expect(findCalendarGaps('RUT', sessionsBetween('2025-11-03', '2025-12-05'))).toEqual([]);
    expect(
      findCalendarGaps('SPX', ['1975-06-02', '1979-12-31', ...sessionsBetween('1980-01-02', '1980-02-29')]),
    ).toEqual([]);
  });
});

describe('staleness', () => {
  it.each([
    // last, expected, kind, allowed, sessions behind, stale?
    ['2025-11-14', '2025-11-14', 'index', 0, 0, false],
    ['2025-11-13', '2025-11-14', 'index', 0, 1, true],
    ['2025-11-13', '2025-11-14', 'index', 1, 1, false],
    ['2025-11-13', '2025-11-14', 'rate', 0, 1, false], // FRED publishes a day late
    ['2025-11-12', '2025-11-14', 'rate', 0, 2, true],
    ['2025-11-26', '2025-11-28', 'index', 0, 1, true], // Thanksgiving is not counted
    ['2025-11-15', '2025-11-17', 'rate', 0, 1, false], // a Saturday observation
  ] as const)(
    '%s checked at %s (%s, allowed %d): %d behind',
    (last, expected, kind, allowed, behind, stale) => {
      expect(sessionsBehind(last, expected)).toBe(behind);
      const problems = checkStaleness('X', kind, last, expected, allowed);
      expect(problems.map((p) => p.code)).toEqual(stale ? ['verify/stale'] : []);
    },
  );

  it('says how far behind, and what to do', () => {
    const [problem] = checkStaleness('SPX', 'index', '2025-11-12', '2025-11-14', 0);
    expect(problem).toMatchObject({ severity: 'error', symbol: 'SPX', date: '2025-11-12' });
    expect(problem!.message).toBe(
      "SPX's last close is 2025-11-12, 2 sessions before 2025-11-14, the session being checked (allowed: 0).",
    );
    expect(problem!.hint).toContain('wirecopy fetch --symbols SPX');
  });

  it.each([
    ['2025-11-14T22:30:00Z', '2025-11-14', '2025-11-14'], // Friday after the close
    ['2025-11-14T15:00:00Z', '2025-11-14', '2025-11-13'], // Friday 10:00 ET
    ['2025-11-28T18:30:00Z', '2025-11-28', '2025-11-28'], // early close at 13:00 ET
    ['2025-11-27T22:30:00Z', '2025-11-27', '2025-11-26'], // Thanksgiving
    ['2025-11-16T12:00:00Z', '2025-11-16', '2025-11-14'], // Sunday
  ])('at %s (today %s) the last completed session is %s', (now, today, completed) => {
    expect(lastCompletedSession(today, new Date(now))).toBe(completed);
  });
});

describe('sanity bound on one-day moves', () => {
  const dates = sessionsBetween('2025-10-01', '2025-11-14');
  const closes = dates.map((_, i) => 2000 + i);
  const jump = dates.indexOf('2025-11-12');
  const withJump = closes.map((c, i) => (i >= jump ? c * 1.15 : c));
  const yahoo = { source: 'yahoo', bars: dates.map((d, i) => bar(d, withJump[i]!)) };
  const options = { bound: 0.1, recentFrom: '2025-11-01', tolerance: 0.0001 };

  it('fails a recent move beyond the bound that no other source confirms', () => {
    const problems = checkOneDayMoves('RUT', usedFrom([yahoo]), [yahoo], options);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      severity: 'error',
      code: 'verify/move-beyond-bound',
      date: '2025-11-12',
    });
    expect(problems[0]!.message).toMatch(
      /^RUT rose 15\.06% on 2025-11-12 \(2029\.00 on 2025-11-11 to 2334\.50 in yahoo\), beyond the 10% sanity bound/,
    );
    expect(problems[0]!.message).toContain('no other source confirms it');
  });

  it('keeps it as a warning when a second source has the same two closes', () => {
    const csv = { source: 'csv:RUT.csv', bars: yahoo.bars.slice(jump - 1, jump + 1) };
    const problems = checkOneDayMoves('RUT', usedFrom([yahoo, csv]), [yahoo, csv], options);
    expect(problems.map((p) => p.severity)).toEqual(['warning']);
    expect(problems[0]!.message).toContain('confirmed by csv:RUT.csv');
  });

  it('reports older moves as warnings, and nothing within the bound', () => {
    expect(
      checkOneDayMoves('RUT', usedFrom([yahoo]), [yahoo], { ...options, recentFrom: '2025-11-13' }).map(
        (p) => p.severity,
      ),
    ).toEqual(['warning']);
    expect(checkOneDayMoves('RUT', usedFrom([yahoo]), [yahoo], { ...options, bound: 0.16 })).toEqual([]);
  });
});
