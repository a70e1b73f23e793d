import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayOfWeek } from '../../src/calendar/dates.ts';
import {
  easterSunday,
  lastWeekdayOfMonth,
  nthWeekdayOfMonth,
  observedDate,
  regularHolidays,
} from '../../src/calendar/holidays.ts';

describe('easterSunday', () => {
  // Published Western Easter dates (e.g. the US Naval Observatory's "Date of Easter" table);
  // 2038-04-25 and 2285-03-22 are the latest and earliest possible dates, to exercise the extremes.
  it.each([
    [1980, '1980-04-06'],
    [1981, '1981-04-19'],
    [1985, '1985-04-07'],
    [1990, '1990-04-15'],
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('%i -> %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });

  it('is always a Sunday from March 22 to April 25 (the computus bounds)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1583, max: 4099 }), (year) => {
        const easter = easterSunday(year);
        expect(dayOfWeek(easter)).toBe(0);
        expect(easter.slice(5) >= '03-22' && easter.slice(5) <= '04-25').toBe(true);
      }),
    );
  });
});

describe('weekday-of-month rules', () => {
  // Worked out on a printed calendar: Nov. 1, 2018 was a Thursday, so its 4th Thursday is the 22nd;
  // May 31, 2027 is itself a Monday; Jan. 1, 2027 is a Friday, so its 3rd Monday is the 18th.
  it.each([
    ['4th Thursday of Nov 2018', nthWeekdayOfMonth(2018, 11, 4, 4), '2018-11-22'],
    ['4th Thursday of Nov 2026', nthWeekdayOfMonth(2026, 11, 4, 4), '2026-11-26'],
    ['3rd Monday of Jan 2027', nthWeekdayOfMonth(2027, 1, 1, 3), '2027-01-18'],
    ['1st Monday of Sep 2026', nthWeekdayOfMonth(2026, 9, 1, 1), '2026-09-07'],
    ['last Monday of May 2027', lastWeekdayOfMonth(2027, 5, 1), '2027-05-31'],
    ['last Monday of May 2026', lastWeekdayOfMonth(2026, 5, 1), '2026-05-25'],
    ['last Friday of Dec 2027', lastWeekdayOfMonth(2027, 12, 5), '2027-12-31'],
  ])('%s', (_label, actual, expected) => {
    expect(actual).toBe(expected);
  });
});

describe('observedDate (NYSE Rule 7.2)', () => {
  it.each([
    ['weekday stays', '2025-12-25', '2025-12-25'],
    ['Sunday -> Monday', '2022-06-19', '2022-06-20'],
    ['Saturday -> Friday', '2026-07-04', '2026-07-03'],
    ['Saturday Christmas -> Friday Dec 24', '2027-12-25', '2027-12-24'],
    ['Saturday Jan 1: the Friday ends the year, so no holiday', '2022-01-01', null],
    ['Saturday Jan 1, 2028 (NYSE: "no New Year\'s Day holiday is observed")', '2028-01-01', null],
  ])('%s', (_label, date, expected) => {
    expect(observedDate(date)).toBe(expected);
  });
});

describe('regularHolidays', () => {
  // 2025-2027: the NYSE's announcement of 8 Nov 2024 ("NYSE Group Announces 2025, 2026 and 2027
  // Holiday and Early Closings Calendar"). 2022: the NYSE's 2022 calendar (no New Year's holiday,
  // Juneteenth and Christmas on Monday). 1980: by the rules, and each date is missing from
  // GSPC.csv while the days around it are present.
  it.each([
    [
      1980,
      [
        ['1980-01-01', "New Year's Day"],
        ['1980-02-18', "Washington's Birthday"],
        ['1980-04-04', 'Good Friday'],
        ['1980-05-26', 'Memorial Day'],
        ['1980-07-04', 'Independence Day'],
        ['1980-09-01', 'Labor Day'],
        ['1980-11-04', 'Presidential Election Day'],
        ['1980-11-27', 'Thanksgiving Day'],
        ['1980-12-25', 'Christmas Day'],
      ],
    ],
    [
      2022,
      [
        ['2022-01-17', 'Martin Luther King Jr. Day'],
        ['2022-02-21', "Washington's Birthday"],
        ['2022-04-15', 'Good Friday'],
        ['2022-05-30', 'Memorial Day'],
        ['2022-06-20', 'Juneteenth National Independence Day (observed)'],
        ['2022-07-04', 'Independence Day'],
        ['2022-09-05', 'Labor Day'],
        ['2022-11-24', 'Thanksgiving Day'],
        ['2022-12-26', 'Christmas Day (observed)'],
      ],
    ],
    [
      2025,
      [
        ['2025-01-01', "New Year's Day"],
        ['2025-01-20', 'Martin Luther King Jr. Day'],
        ['2025-02-17', "Washington's Birthday"],
        ['2025-04-18', 'Good Friday'],
        ['2025-05-26', 'Memorial Day'],
        ['2025-06-19', 'Juneteenth National Independence Day'],
        ['2025-07-04', 'Independence Day'],
        ['2025-09-01', 'Labor Day'],
        ['2025-11-27', 'Thanksgiving Day'],
        ['2025-12-25', 'Christmas Day'],
      ],
    ],
    [
      2026,
      [
        ['2026-01-01', "New Year's Day"],
        ['2026-01-19', 'Martin Luther King Jr. Day'],
        ['2026-02-16', "Washington's Birthday"],
        ['2026-04-03', 'Good Friday'],
        ['2026-05-25', 'Memorial Day'],
        ['2026-06-19', 'Juneteenth National Independence Day'],
        ['2026-07-03', 'Independence Day (observed)'],
        ['2026-09-07', 'Labor Day'],
        ['2026-11-26', 'Thanksgiving Day'],
        ['2026-12-25', 'Christmas Day'],
      ],
    ],
    [
      2027,
      [
        ['2027-01-01', "New Year's Day"],
        ['2027-01-18', 'Martin Luther King Jr. Day'],
        ['2027-02-15', "Washington's Birthday"],
        ['2027-03-26', 'Good Friday'],
        ['2027-05-31', 'Memorial Day'],
        ['2027-06-18', 'Juneteenth National Independence Day (observed)'],
        ['2027-07-05', 'Independence Day (observed)'],
        ['2027-09-06', 'Labor Day'],
        ['2027-11-25', 'Thanksgiving Day'],
        ['2027-12-24', 'Christmas Day (observed)'],
      ],
    ],
  ])('%i', (year, expected) => {
    expect(regularHolidays(year).map((h) => [h.date, h.name])).toEqual(expected);
  });

  it.each([
    [1997, 'Martin Luther King Jr. Day', false, 'NYSE first closed for MLK Day in 1998'],
    [1998, 'Martin Luther King Jr. Day', true, 'NYSE first closed for MLK Day in 1998'],
    [2021, 'Juneteenth', false, 'made a federal holiday on 2021-06-17, first NYSE closure in 2022'],
    [2022, 'Juneteenth', true, 'made a federal holiday on 2021-06-17, first NYSE closure in 2022'],
    [1980, 'Presidential Election Day', true, 'last election-day closure (GSPC.csv has no 1980-11-04)'],
    [1984, 'Presidential Election Day', false, 'open on election day since 1984 (GSPC.csv has 1984-11-06)'],
  ])('%i has %s: %s (%s)', (year, name, expected) => {
    expect(regularHolidays(year).some((h) => h.name.startsWith(name))).toBe(expected);
  });

  it('never falls on a weekend, 1980-2027', () => {
    for (let year = 1980; year <= 2027; year++) {
      for (const { date } of regularHolidays(year)) expect([0, 6]).not.toContain(dayOfWeek(date));
    }
  });
});

describe('fast day numbers', () => {
  it('agree with Date.UTC on every day from 1900 to 2100, and weeks start on Monday', async () => {
    const { dayNumberOf, fromDayNumber, toDayNumber, weekIndexOf, dayOfWeek } = await import(
      '../../src/calendar/dates.ts'
    );
    for (let day = toDayNumber('1900-01-01'); day <= toDayNumber('2100-12-31'); day++) {
      const date = fromDayNumber(day);
      if (dayNumberOf(date) !== day) expect.fail(`${date}: ${dayNumberOf(date)} !== ${day}`);
      const sameWeekAsYesterday = weekIndexOf(date) === weekIndexOf(fromDayNumber(day - 1));
      if (sameWeekAsYesterday === (dayOfWeek(date) === 1))
        expect.fail(`${date}: week boundary not on Monday`);
    }
  });
});
