/**
 * Which days an issue covers and what it is called. The default issue is the last complete
 * calendar week (Monday to Sunday) before today, named by its ISO week: `2025-w48`.
 */
import { addDays, dayOfWeek, weekKey } from '../calendar/dates.ts';
import { formatDate } from '../facts/format.ts';
import type { IsoDate } from '../types.ts';

export interface IssueRange {
  from: IsoDate;
  to: IsoDate;
}

/** Monday to Sunday of the week before the one that holds `today`: a week still running is not complete. */
export function lastCompleteWeek(today: IsoDate): IssueRange {
  const from = addDays(weekKey(today), -7);
  return { from, to: addDays(from, 6) };
}

/**
 * ISO 8601 week of a date, `2025-w48`. The week belongs to the year of its Thursday, so
 * 2025-12-29 is in `2026-w01` and 2021-01-03 in `2020-w53`.
 */
export function isoWeekId(date: IsoDate): string {
  const thursday = addDays(weekKey(date), 3);
  const year = thursday.slice(0, 4);
  const firstThursday = firstThursdayOf(Number(year));
  const week = 1 + Math.round((Date.parse(thursday) - Date.parse(firstThursday)) / (7 * 86_400_000));
  return `${year}-w${String(week).padStart(2, '0')}`;
}

function firstThursdayOf(year: number): IsoDate {
  const january1 = `${String(year).padStart(4, '0')}-01-01`;
  return addDays(january1, (4 - dayOfWeek(january1) + 7) % 7);
}

/**
 * The issue id: the ISO week when the range lies inside one week (the usual weekly issue), else
 * both ends (`2025-11-01-to-2025-11-30`), so two different custom ranges never share an id and
 * overwrite each other's archive page. Single hyphens only: the site's schema takes the id as a URL slug.
 */
export function issueIdFor(range: IssueRange): string {
  return weekKey(range.from) === weekKey(range.to) ? isoWeekId(range.to) : `${range.from}-to-${range.to}`;
}

/** "Nov. 24–30, 2025", "Nov. 24–Dec. 1, 2025", "Dec. 29, 2025–Jan. 4, 2026", or one day. */
export function formatRange({ from, to }: IssueRange): string {
  if (from === to) return formatDate(from);
  const sameYear = from.slice(0, 4) === to.slice(0, 4);
  if (!sameYear) return `${formatDate(from)}–${formatDate(to)}`;
  const year = to.slice(0, 4);
  const start = formatDate(from, from);
  const end = from.slice(0, 7) === to.slice(0, 7) ? String(Number(to.slice(8, 10))) : formatDate(to, to);
  return `${start}–${end}, ${year}`;
}

export function inRange(date: IsoDate, { from, to }: IssueRange): boolean {
  return date >= from && date <= to;
}
