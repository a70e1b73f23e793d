import { describe, expect, it } from 'vitest';
import { newYorkDate } from '../../src/calendar/dates.ts';
import { earlyClose } from '../../src/calendar/nyse.ts';
import {
  type DatedRow,
  isSessionClosed,
  type SeriesClock,
  toSessionBars,
} from '../../src/fetchers/session-bars.ts';

const row = (date: string, close: number | null = 100): DatedRow => ({
  date,
  open: 99,
  high: 101,
  low: 98,
  close,
  volume: 1000,
});
const bars = (rows: DatedRow[], now: string, clock: SeriesClock = 'nyse') =>
  toSessionBars(rows, { symbol: 'RUT', clock, now: new Date(now), file: 'test' });

describe('the session date of a bar', () => {
  it.each([
    // Yahoo stamps a daily bar at the session open: 09:30 ET is 14:30 UTC in winter, 13:30 in summer.
    ['2025-11-14T14:30:00Z', '2025-11-14'],
    ['2025-07-03T13:30:00Z', '2025-07-03'],
    // Futures are stamped at midnight ET.
    ['2025-11-14T05:00:00Z', '2025-11-14'],
    // A late stamp (the last live bar, 19:30 ET) is still that New York day, not the next UTC day.
    ['2025-11-15T00:30:00Z', '2025-11-14'],
  ])('%s belongs to %s', (instant, date) => {
    expect(newYorkDate(new Date(instant))).toBe(date);
  });
});

describe('a bar for the current session is kept only after the close', () => {
  it.each([
    ['15:59 ET, before the close', '2025-11-14T20:59:00Z', false],
    ['16:00:00 ET, the close itself', '2025-11-14T21:00:00Z', false],
    ['16:01 ET', '2025-11-14T21:01:00Z', true],
    ['the next morning', '2025-11-15T12:00:00Z', true],
  ])('on a full day at %s: kept = %s', (_label, now, kept) => {
    const { bars: out, problems } = bars([row('2025-11-13'), row('2025-11-14')], now);
    expect(out.map((b) => b.date)).toEqual(kept ? ['2025-11-13', '2025-11-14'] : ['2025-11-13']);
    expect(problems.map((p) => p.code)).toEqual(kept ? [] : ['fetch/session-open']);
  });

  it('the day after Thanksgiving closes at 13:00 ET', () => {
    expect(earlyClose('2025-11-28')).toBe('13:00');
    const before = bars([row('2025-11-28')], '2025-11-28T17:59:00Z'); // 12:59 ET
    expect(before.bars).toEqual([]);
    expect(before.problems[0]!.message).toBe(
      "RUT's bar for 2025-11-28 was left out: that session had not closed at 12:59:00 ET (it closes at 13:00).",
    );
    const after = bars([row('2025-11-28')], '2025-11-28T18:30:00Z'); // 13:30 ET
    expect(after.bars.map((b) => b.date)).toEqual(['2025-11-28']);
    expect(after.problems).toEqual([]);
  });

  it("a future is kept after CME's daily halt, 17:00 ET", () => {
    expect(bars([row('2025-11-14')], '2025-11-14T21:30:00Z', 'cme').bars).toEqual([]);
    expect(bars([row('2025-11-14')], '2025-11-14T22:01:00Z', 'cme').bars).toHaveLength(1);
  });

  it("a rate keeps every observation, weekends included, and today's after 16:00 ET", () => {
    const rows = [row('2025-11-15'), row('2025-11-16'), row('2025-11-17')];
    // 07:00 ET on Monday: Saturday's and Sunday's observations are final, Monday's is not.
    expect(bars(rows, '2025-11-17T12:00:00Z', 'observations').bars.map((b) => b.date)).toEqual([
      '2025-11-15',
      '2025-11-16',
    ]);
    expect(bars(rows, '2025-11-17T21:01:00Z', 'observations').bars).toHaveLength(3);
  });

  it.each([
    ['nyse', '2025-11-14T22:30:00Z'],
    ['cme', '2025-11-14T22:30:00Z'],
    ['observations', '2025-11-14T22:30:00Z'],
  ] as const)(
    'refuses a %s row dated after today as an error, naming the date and the clock',
    (clock, now) => {
      const { bars: out, problems } = bars([row('2025-11-14'), row('2025-11-17')], now, clock);
      expect(out.map((b) => b.date)).toEqual(['2025-11-14']);
      expect(problems.map((p) => [p.severity, p.code, p.date, p.message])).toEqual([
        [
          'error',
          'fetch/future-date',
          '2025-11-17',
          'RUT has a row for 2025-11-17, after today (2025-11-14, 17:30:00 ET): a session that has not happened yet.',
        ],
      ]);
    },
  );

  it.each([
    // Monday 18:30 ET: CME has opened Tuesday's trade date; Yahoo's live ZQ bar carries it.
    ['2025-11-17T23:30:00Z', '2025-11-18'],
    // Sunday 18:30 ET: Monday's trade date is open.
    ['2025-11-16T23:30:00Z', '2025-11-17'],
  ])(
    "leaves out a futures bar of CME's next trade date at %s as an open session, not a future one",
    (now, next) => {
      const { bars: out, problems } = bars([row(next)], now, 'cme');
      expect(out).toEqual([]);
      expect(problems.map((p) => [p.severity, p.code])).toEqual([['warning', 'fetch/session-open']]);
      // Two trade dates ahead cannot be open yet.
      const later = bars([row(next === '2025-11-18' ? '2025-11-19' : '2025-11-18')], now, 'cme');
      expect(later.problems.map((p) => [p.severity, p.code])).toEqual([['error', 'fetch/future-date']]);
    },
  );

  it("refuses a Monday futures bar on Friday evening: CME's week resumes on Sunday", () => {
    const { problems } = bars([row('2025-11-17')], '2025-11-14T23:30:00Z', 'cme'); // Friday 18:30 ET
    expect(problems.map((p) => [p.severity, p.code])).toEqual([['error', 'fetch/future-date']]);
  });

  it('refuses a row past today even when the range asked for reaches beyond it', () => {
    const out = toSessionBars([row('2025-11-17')], {
      symbol: 'RUT',
      clock: 'nyse',
      now: new Date('2025-11-14T22:30:00Z'),
      to: '2025-11-30',
      file: 'test',
    });
    expect(out.problems.map((p) => p.code)).toEqual(['fetch/future-date']);
  });

  it('keeps future rows and open sessions with allowFutureRows (tests replaying old answers)', () => {
    const out = toSessionBars([row('2025-11-14'), row('2025-11-17')], {
      symbol: 'RUT',
      clock: 'nyse',
      now: new Date('2025-11-14T15:00:00Z'),
      file: 'test',
      allowFutureRows: true,
    });
    expect(out.bars.map((b) => b.date)).toEqual(['2025-11-14', '2025-11-17']);
    expect(out.problems).toEqual([]);
  });

  it.each([
    ['2025-11-13', '2025-11-14T15:00:00Z', true],
    ['2025-11-14', '2025-11-14T15:00:00Z', false],
    ['2025-11-17', '2025-11-14T22:00:00Z', false],
  ])('isSessionClosed(%s) at %s is %s', (date, now, closed) => {
    expect(isSessionClosed(date, new Date(now), 'nyse')).toBe(closed);
  });
});

describe('rows that are not bars', () => {
  it('drops and reports a row without a close, and a bar dated on an NYSE holiday', () => {
    const { bars: out, problems } = bars(
      [row('2025-11-26'), row('2025-11-27'), row('2025-11-28', null)],
      '2025-12-01T12:00:00Z',
    );
    expect(out.map((b) => b.date)).toEqual(['2025-11-26']);
    expect(problems.map((p) => [p.code, p.severity, p.date, p.symbol])).toEqual([
      ['fetch/non-session', 'error', '2025-11-27', 'RUT'],
      ['fetch/null-price', 'error', '2025-11-28', 'RUT'],
    ]);
    expect(problems[0]!.message).toBe(
      'RUT has a bar for 2025-11-27, when NYSE was closed (Thanksgiving Day).',
    );
  });

  it('keeps one of two identical rows for a date, with a warning, sorted', () => {
    const { bars: out, problems } = bars(
      [row('2025-11-14', 2), row('2025-11-13'), row('2025-11-14', 2)],
      '2025-11-17T12:00:00Z',
    );
    expect(out.map((b) => [b.date, b.close])).toEqual([
      ['2025-11-13', 100],
      ['2025-11-14', 2],
    ]);
    expect(problems.map((p) => [p.severity, p.code])).toEqual([['warning', 'fetch/duplicate-date']]);
  });

  it.each([
    // 105 / 100 − 1 = +5.0%; 95 / 100 − 1 = −5.0%.
    [105, 'close 100 vs 105, +5.0%'],
    [95, 'close 100 vs 95, -5.0%'],
  ])('keeps neither of two rows for a date that disagree (close %s): an error', (second, detail) => {
    const { bars: out, problems } = bars(
      [row('2025-11-13'), row('2025-11-14', 100), row('2025-11-14', second)],
      '2025-11-17T12:00:00Z',
    );
    expect(out.map((b) => b.date)).toEqual(['2025-11-13']);
    expect(problems.map((p) => [p.severity, p.code, p.date, p.message])).toEqual([
      [
        'error',
        'fetch/duplicate-conflict',
        '2025-11-14',
        `RUT has two rows for 2025-11-14 that disagree (${detail}).`,
      ],
    ]);
  });

  it('names the first field that differs when the closes agree', () => {
    const { problems } = bars(
      [row('2025-11-14'), { ...row('2025-11-14'), volume: 2000 }],
      '2025-11-17T12:00:00Z',
    );
    expect(problems[0]!.message).toBe(
      'RUT has two rows for 2025-11-14 that disagree (volume 1000 vs 2000, +100.0%).',
    );
  });

  it('leaves out rows outside the range asked for, without a problem', () => {
    const out = toSessionBars([row('2025-11-12'), row('2025-11-13'), row('2025-11-14')], {
      symbol: 'RUT',
      clock: 'nyse',
      now: new Date('2025-11-17T12:00:00Z'),
      from: '2025-11-13',
      to: '2025-11-13',
      file: 'test',
    });
    expect(out.bars.map((b) => b.date)).toEqual(['2025-11-13']);
    expect(out.problems).toEqual([]);
  });
});
