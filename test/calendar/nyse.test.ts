import { describe, expect, it } from 'vitest';
import { dayOfWeek } from '../../src/calendar/dates.ts';
import { earlyClosesIn } from '../../src/calendar/early-closes.ts';
import {
  CALENDAR_FIRST,
  CALENDAR_LAST,
  closureReason,
  countSessionsBetween,
  earlyClose,
  earlyCloseReason,
  isSession,
  nextSession,
  previousSession,
  sessionOnOrAfter,
  sessionOnOrBefore,
  sessionsBetween,
} from '../../src/calendar/nyse.ts';
import { SPECIAL_CLOSURES } from '../../src/calendar/special-closures.ts';

describe('closureReason and isSession: observance edge cases', () => {
  // Each worked out from the weekday of the date and NYSE Rule 7.2; the sessions are in GSPC.csv.
  it.each<[string, string | null, string]>([
    ['2021-12-31', null, 'a session: 2022-01-01 is a Saturday and a year-end Friday stays open'],
    ['1999-12-31', null, 'a session: 2000-01-01 is a Saturday'],
    ['2022-01-01', 'Saturday', 'the holiday itself'],
    ['2023-01-02', "New Year's Day (observed)", '2023-01-01 is a Sunday'],
    ['2021-06-18', null, 'a session: Juneteenth closes the NYSE only from 2022'],
    ['2022-06-20', 'Juneteenth National Independence Day (observed)', '2022-06-19 is a Sunday'],
    ['2026-07-03', 'Independence Day (observed)', '2026-07-04 is a Saturday'],
    ['2026-07-04', 'Saturday', 'weekend days give their weekday'],
    ['2026-07-05', 'Sunday', 'weekend days give their weekday'],
    ['2027-07-05', 'Independence Day (observed)', '2027-07-04 is a Sunday'],
    ['2024-03-29', 'Good Friday', 'Easter 2024-03-31'],
    ['2025-04-18', 'Good Friday', 'Easter 2025-04-20'],
    ['2026-04-03', 'Good Friday', 'Easter 2026-04-05'],
    ['2026-11-26', 'Thanksgiving Day', '4th Thursday of Nov. 2026'],
    ['1997-01-20', null, 'a session: MLK Day closes the NYSE only from 1998'],
    ['1998-01-19', 'Martin Luther King Jr. Day', '3rd Monday of Jan. 1998'],
    ['1980-11-04', 'Presidential Election Day', 'closed: no GSPC.csv row'],
    ['1984-11-06', null, 'a session: GSPC.csv has the row'],
    ['1999-12-24', 'Christmas Day (observed)', '1999-12-25 is a Saturday'],
    ['2016-12-26', 'Christmas Day (observed)', '2016-12-25 is a Sunday'],
    ['2025-12-26', null, 'a session: Friday after a Thursday Christmas'],
  ])('%s -> %s (%s)', (date, reason) => {
    expect(closureReason(date)).toBe(reason);
    expect(isSession(date)).toBe(reason === null);
  });

  it('closes on every 2027 holiday NYSE published (Nov. 2024 announcement)', () => {
    const published = [
      '2027-01-01',
      '2027-01-18',
      '2027-02-15',
      '2027-03-26',
      '2027-05-31',
      '2027-06-18',
      '2027-07-05',
      '2027-09-06',
      '2027-11-25',
      '2027-12-24',
    ];
    expect(published.filter(isSession)).toEqual([]);
    expect(isSession('2027-12-31')).toBe(true); // 2028-01-01 is a Saturday: "no holiday is observed"
  });
});

describe('special closures', () => {
  // Dates from the NYSE history of closings; each is a missing weekday in GSPC.csv.
  it.each([
    ['1985-09-27', 'Hurricane Gloria'],
    ['1994-04-27', 'Funeral of former President Richard Nixon'],
    ['2001-09-11', 'September 11 attacks'],
    ['2001-09-12', 'September 11 attacks'],
    ['2001-09-13', 'September 11 attacks'],
    ['2001-09-14', 'September 11 attacks'],
    ['2004-06-11', 'National Day of Mourning for former President Ronald Reagan'],
    ['2007-01-02', 'National Day of Mourning for former President Gerald Ford'],
    ['2012-10-29', 'Hurricane Sandy'],
    ['2012-10-30', 'Hurricane Sandy'],
    ['2018-12-05', 'National Day of Mourning for former President George H. W. Bush'],
    ['2025-01-09', 'National Day of Mourning for former President Jimmy Carter'],
  ])('%s: %s', (date, name) => {
    expect(closureReason(date)).toBe(name);
    expect(isSession(date)).toBe(false);
  });

  it('lists only weekdays that no holiday already closes', () => {
    const dates = SPECIAL_CLOSURES.flatMap((c) => c.dates);
    expect(dates).toHaveLength(12);
    for (const date of dates) expect([0, 6]).not.toContain(dayOfWeek(date));
  });
});

describe('sessions per year', () => {
  // weekdays: 52 weeks of 5, plus the weekdays among the 1 (2 in leap years) leftover days, which are
  // the weekdays of Jan 1 (and Jan 2). Then subtract holidays and closures that fall on weekdays.
  it.each([
    [1980, 262, 9, 'leap, starts Tuesday; 9 holidays incl. election day'],
    [2001, 261, 9 + 4, 'starts Monday; 9 weekday holidays, then Sept. 11-14; 248 sessions'],
    [2024, 262, 10, 'leap, starts Monday; 2024 had 252 sessions'],
    [2025, 261, 11, 'starts Wednesday; 10 holidays plus the Carter day of mourning'],
    [2026, 261, 10, 'starts Thursday'],
    [2027, 261, 10, 'starts Friday'],
  ])('%i: %i weekdays - %i closed weekdays (%s)', (year, weekdays, closedWeekdays) => {
    expect(sessionsBetween(`${year}-01-01`, `${year}-12-31`)).toHaveLength(weekdays - closedWeekdays);
  });
});

describe('earlyClose', () => {
  it.each<[string, string | null, string | null]>([
    // NYSE announcements for 2025-2027 (Nov. 2024 and Dec. 2025).
    ['2025-07-03', '13:00', 'Day before Independence Day'],
    ['2025-11-28', '13:00', 'Day after Thanksgiving'],
    ['2025-12-24', '13:00', 'Christmas Eve'],
    ['2026-11-27', '13:00', 'Day after Thanksgiving'],
    ['2026-12-24', '13:00', 'Christmas Eve'],
    ['2027-11-26', '13:00', 'Day after Thanksgiving'],
    ['2026-07-02', null, null], // July 3 is the observed holiday; the announcement lists no July early close
    ['2027-12-23', null, null], // Dec. 24 is the observed Christmas; no Christmas early close listed
    ['2025-12-26', null, null], // full session (only July 3, Nov. 28 and Dec. 24 announced)
    // NYSE history of closings (via pandas_market_calendars).
    ['2024-07-03', '13:00', 'Day before Independence Day'], // Wednesday July 3, from 2013
    ['2013-07-03', '13:00', 'Day before Independence Day'],
    ['2002-07-03', null, null], // Wednesday July 3 before 2013: a full day...
    ['2002-07-05', '13:00', 'Day after Independence Day'], // ...and Friday July 5 closed early
    ['1996-07-05', '13:00', 'Day after Independence Day'],
    ['1995-07-03', '13:00', 'Day before Independence Day'],
    ['1994-07-01', null, null], // no Independence Day early closes before 1995
    ['2021-07-02', null, null], // July 4 on a Sunday: no early close
    ['1993-11-26', '13:00', 'Day after Thanksgiving'],
    ['1992-11-27', '14:00', 'Day after Thanksgiving'], // the standard early close was 14:00 until 1992
    ['1991-11-29', null, null], // no day-after-Thanksgiving early close before 1992
    ['1990-12-24', '14:00', 'Christmas Eve'],
    ['1989-12-22', null, null],
    ['1985-12-24', null, null], // no Christmas Eve early closes 1976-1989
    ['1996-12-24', '13:00', 'Christmas Eve'],
    ['1997-12-26', '13:00', 'Day after Christmas'],
    ['2003-12-26', '13:00', 'Day after Christmas'],
    ['2008-12-26', null, null],
    ['1987-10-23', '14:00', 'Backlog after the October 1987 crash'],
    ['1987-11-11', '15:30', 'Backlog after the October 1987 crash'],
    ['1997-10-27', '15:30', 'Market-wide circuit breaker'],
    ['2025-12-25', null, null], // a closed day is not an early close
  ])('%s -> %s (%s)', (date, close, reason) => {
    expect(earlyClose(date)).toBe(close);
    expect(earlyCloseReason(date)).toBe(reason);
  });

  it('has rules and one-offs that name only sessions, 1980-2027', () => {
    // By construction a rule's day is never a holiday (a Friday Christmas Eve or July 3 is the
    // observed holiday and no rule names it); this catches a rule or one-off that breaks that.
    const all = Array.from({ length: 2027 - 1980 + 1 }, (_, i) => earlyClosesIn(1980 + i)).flat();
    expect(all.filter((e) => !isSession(e.date))).toEqual([]);
    expect(all.length).toBeGreaterThan(0); // not a vacuous pass
  });
});

describe('navigation', () => {
  // Worked out from the closures above and a printed calendar.
  it.each([
    ['previousSession', previousSession, '2025-01-10', '2025-01-08'], // skips the Carter closure
    ['previousSession', previousSession, '2001-09-17', '2001-09-10'],
    ['previousSession', previousSession, '2023-01-03', '2022-12-30'], // across a year and a Monday holiday
    ['previousSession', previousSession, '1980-01-03', '1980-01-02'],
    ['nextSession', nextSession, '2001-09-10', '2001-09-17'],
    ['nextSession', nextSession, '2012-10-26', '2012-10-31'],
    ['nextSession', nextSession, '2021-12-31', '2022-01-03'],
    ['nextSession', nextSession, '2026-07-02', '2026-07-06'],
    ['sessionOnOrBefore', sessionOnOrBefore, '2026-07-05', '2026-07-02'],
    ['sessionOnOrBefore', sessionOnOrBefore, '2025-11-28', '2025-11-28'],
    ['sessionOnOrBefore', sessionOnOrBefore, '1980-01-01', null],
    ['sessionOnOrAfter', sessionOnOrAfter, '2026-07-03', '2026-07-06'],
    ['sessionOnOrAfter', sessionOnOrAfter, '2027-12-31', '2027-12-31'],
  ] as const)('%s(%s) = %s', (_name, fn, date, expected) => {
    if (expected === null) expect(() => fn(date)).toThrow(RangeError);
    else expect(fn(date)).toBe(expected);
  });

  it('lists a range across a year end by hand', () => {
    // Dec. 25 and Jan. 1 are holidays, the rest weekends.
    expect(sessionsBetween('2025-12-22', '2026-01-05')).toEqual([
      '2025-12-22',
      '2025-12-23',
      '2025-12-24',
      '2025-12-26',
      '2025-12-29',
      '2025-12-30',
      '2025-12-31',
      '2026-01-02',
      '2026-01-05',
    ]);
  });

  it.each([
    // README of the market data: "967 trading days between the two record closes" of the Russell
    // 2000 (2021-11-08 and 2025-09-18), as published in the financial press.
    ['2021-11-08', '2025-09-18', 967],
    ['2001-09-10', '2001-09-17', 0],
    ['2025-12-31', '2026-01-02', 0],
    ['2026-01-02', '2026-01-02', 0],
    ['2025-12-22', '2026-01-05', 7], // the 9 sessions listed above, less both ends
  ])('countSessionsBetween(%s, %s) = %i', (a, b, expected) => {
    expect(countSessionsBetween(a, b)).toBe(expected);
  });
});

describe('range and input errors', () => {
  it.each([['1979-12-31'], ['2028-01-03']])(
    'isSession(%s) throws a RangeError naming the covered range',
    (date) => {
      expect(() => isSession(date)).toThrow(
        new RangeError(`${date} is outside the NYSE calendar, which covers 1980-01-01 through 2027-12-31`),
      );
    },
  );

  it.each([['2025-02-30'], ['2025-2-3'], ['']])('isSession(%j) throws a TypeError', (date) => {
    expect(() => isSession(date)).toThrow(TypeError);
  });

  it('throws at the ends of the calendar and on reversed ranges', () => {
    expect(() => previousSession('1980-01-02')).toThrow(/no NYSE session before 1980-01-02/);
    expect(() => nextSession('2027-12-31')).toThrow(/no NYSE session after 2027-12-31/);
    expect(() => sessionsBetween('2025-01-02', '2025-01-01')).toThrow(RangeError);
    expect(() => countSessionsBetween('2025-01-02', '2025-01-01')).toThrow(RangeError);
    expect(() => sessionsBetween(CALENDAR_FIRST, '2028-01-01')).toThrow(RangeError);
    expect(CALENDAR_FIRST).toBe('1980-01-01');
    expect(CALENDAR_LAST).toBe('2027-12-31');
  });
});
