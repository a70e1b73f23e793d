import { describe, expect, it } from 'vitest';
import { defaultTitle } from '../../src/newsletter/issue.ts';
import { formatRange, isoWeekId, issueIdFor, lastCompleteWeek } from '../../src/newsletter/issue-range.ts';

describe('lastCompleteWeek: Monday to Sunday of the week before the one holding today', () => {
  it.each([
    ['2025-12-01', '2025-11-24', '2025-11-30'], // a Monday: last week just completed
    ['2025-12-03', '2025-11-24', '2025-11-30'],
    ['2025-11-30', '2025-11-17', '2025-11-23'], // a Sunday: its own week is not over yet
    ['2026-01-02', '2025-12-22', '2025-12-28'], // across the new year
  ])('today %s → %s to %s', (today, from, to) => {
    expect(lastCompleteWeek(today)).toEqual({ from, to });
  });
});

describe('isoWeekId: ISO 8601 weeks, which belong to the year of their Thursday', () => {
  it.each([
    ['2025-11-24', '2025-w48'],
    ['2025-11-30', '2025-w48'],
    ['2025-01-01', '2025-w01'], // a Wednesday: week 1 of 2025 starts on 2024-12-30
    ['2024-12-30', '2025-w01'],
    ['2025-12-29', '2026-w01'],
    ['2021-01-03', '2020-w53'], // a Sunday in the 53rd week of 2020
    ['2026-12-31', '2026-w53'],
    ['2027-01-04', '2027-w01'],
  ])('%s → %s', (date, id) => {
    expect(isoWeekId(date)).toBe(id);
  });
});

describe('issue ids, labels and default titles', () => {
  it.each([
    [{ from: '2025-11-24', to: '2025-11-30' }, '2025-w48', 'Nov. 24–30, 2025', 'The week of Nov. 24, 2025'],
    [{ from: '2025-11-25', to: '2025-11-28' }, '2025-w48', 'Nov. 25–28, 2025', 'Nov. 25–28, 2025'],
    [
      { from: '2025-11-21', to: '2025-11-24' },
      '2025-11-21-to-2025-11-24',
      'Nov. 21–24, 2025',
      'Nov. 21–24, 2025',
    ],
    [
      { from: '2025-11-24', to: '2025-12-07' },
      '2025-11-24-to-2025-12-07',
      'Nov. 24–Dec. 7, 2025',
      'Nov. 24–Dec. 7, 2025',
    ],
    [
      { from: '2025-12-29', to: '2026-01-04' },
      '2026-w01',
      'Dec. 29, 2025–Jan. 4, 2026',
      'The week of Dec. 29, 2025',
    ],
    [{ from: '2025-09-18', to: '2025-09-18' }, '2025-w38', 'Sept. 18, 2025', 'Sept. 18, 2025'],
  ])('%o → %s, "%s", "%s"', (range, id, label, title) => {
    expect(issueIdFor(range)).toBe(id);
    expect(formatRange(range)).toBe(label);
    expect(defaultTitle(range)).toBe(title);
  });

  it('custom-range ids are URL slugs the site accepts (single hyphens)', () => {
    expect(issueIdFor({ from: '2025-11-01', to: '2025-11-30' })).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });
});
