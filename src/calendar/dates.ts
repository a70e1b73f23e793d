/**
 * Calendar-date arithmetic on `YYYY-MM-DD` strings. Dates are counted as whole days since
 * 1970-01-01 (UTC), so no time zone or daylight-saving rule can move them.
 */
import type { IsoDate } from '../types.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** True for a well-formed, real calendar date (`2025-02-30` is not). */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  return back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d;
}

/** Days since 1970-01-01. Throws on a malformed date: callers validate input first. */
export function toDayNumber(date: IsoDate): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new TypeError(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / MS_PER_DAY;
}

export function fromDayNumber(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** 0 = Sunday ... 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

export function isWeekend(date: IsoDate): boolean {
  const dow = dayOfWeek(date);
  return dow === 0 || dow === 6;
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** `YYYY-MM` of a date. */
export function monthOf(date: IsoDate): string {
  return date.slice(0, 7);
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Monday of the ISO week that holds `date`, as the key of its calendar week. Two session dates
 * are in the same calendar week exactly when their keys are equal.
 */
export function weekKey(date: IsoDate): IsoDate {
  const dow = dayOfWeek(date);
  const sinceMonday = (dow + 6) % 7;
  return addDays(date, -sinceMonday);
}

/** The calendar date in America/New_York at an instant: the session date of a bar. */
export function newYorkDate(instant: Date): IsoDate {
  return NEW_YORK_DATE.format(instant);
}

const NEW_YORK_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'America/New_York',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** `HH:MM:SS` on the America/New_York wall clock. */
export function newYorkTime(instant: Date): string {
  return NEW_YORK_TIME.format(instant);
}

const NEW_YORK_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'America/New_York',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/**
 * Days since 1970-01-01 of a well-formed `YYYY-MM-DD`, without a regex or a Date: for loops over
 * whole series, whose dates were validated when they were stored (Howard Hinnant's
 * days-from-civil algorithm). Use `toDayNumber` for anything not yet validated.
 */
export function dayNumberOf(date: IsoDate): number {
  const digit = (i: number) => date.charCodeAt(i) - 48;
  let year = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3);
  const month = digit(5) * 10 + digit(6);
  const day = digit(8) * 10 + digit(9);
  if (month <= 2) year -= 1;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** A number for the Monday-to-Sunday week holding `date` (validated): equal for the same week. */
export function weekIndexOf(date: IsoDate): number {
  // Day 0 (1970-01-01) was a Thursday, so Monday 1969-12-29 is day -3 and starts week 0.
  return Math.floor((dayNumberOf(date) + 3) / 7);
}

/** Month names, January first: for copy and pages that spell a month out. */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;
