import { describe, expect, it } from 'vitest';
import { parseCsvDate } from '../../src/fetchers/csv/dates.ts';

// The accepted forms and the reasons for rejecting the others are documented in dates.ts;
// the leap-year cases follow the Gregorian rule (divisible by 4, not by 100 unless by 400).
describe('parseCsvDate', () => {
  it.each([
    ['2024-01-02', '2024-01-02'],
    [' 2024-01-02 ', '2024-01-02'],
    ['1927-12-30', '1927-12-30'],
    ['2024-02-29', '2024-02-29'],
    ['2000-02-29', '2000-02-29'],
    ['20240105', '2024-01-05'],
    ['2024-01-09 00:00:00', '2024-01-09'],
    ['2024-01-09 00:00', '2024-01-09'],
    ['2024-01-09T00:00:00Z', '2024-01-09'],
    ['2024-01-09 00:00:00-05:00', '2024-01-09'],
    ['2024-07-09 00:00:00-04:00', '2024-07-09'],
    ['2024-01-09T00:00:00.000+0000', '2024-01-09'],
  ])('accepts %j as %s', (raw, date) => {
    expect(parseCsvDate(raw)).toEqual({ ok: true, date });
  });

  it.each([
    ['2024-02-30', 'not a day of the calendar'],
    ['1900-02-29', 'not a day of the calendar'],
    ['2024-13-01', 'not a day of the calendar'],
    ['2024-00-10', 'not a day of the calendar'],
    ['20240230', 'not a day of the calendar'],
    ['01/04/2024', 'ambiguous'],
    ['2024/01/04', 'ambiguous'],
    ['2024-01-08 14:30:00', 'time of day (14:30:00)'],
    ['2024-01-08T09:30:00-05:00', 'time of day'],
    ['0001-01-01', 'outside 1800-2999'],
    ['9999-12-31', 'outside 1800-2999'],
    ['yesterday', 'not a date'],
    ['2024-1-2', 'not a date'],
    ['2024-01-02x', 'not a date'],
    ['', 'blank'],
  ])('rejects %j (%s)', (raw, reason) => {
    const parsed = parseCsvDate(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain(reason);
  });
});
