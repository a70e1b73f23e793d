/**
 * Periods: the stretch of time a figure covers. The reader finds period phrases in a clause
 * ("over the past five sessions", "this year", "in 2024", "on Friday", "the next three months");
 * the fact ids carry the same periods (`return.5d`, `return.ytd`, `h63`); both meet here.
 */
import { cardinalWord, NUMBER_WORD_SOURCE, parseNumberWord } from './number-words.ts';

export type Period =
  | { kind: 'day'; weekday?: number }
  | { kind: 'sessions'; count: number }
  | { kind: 'week' }
  | { kind: 'month' }
  | { kind: 'year'; year?: number }
  | { kind: 'trailing-year' }
  /** What followed a signal: the next N sessions (21 a month, 63 three months, ...). */
  | { kind: 'horizon'; sessions: number };

export interface PeriodPhrase {
  period: Period;
  words: string;
  start: number;
  end: number;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const COUNT = String.raw`(\d+|${NUMBER_WORD_SOURCE})`;
const HORIZONS: Record<string, number> = { month: 21, 'three months': 63, 'six months': 126, year: 252 };

interface Rule {
  pattern: RegExp;
  period: (m: RegExpExecArray) => Period | undefined;
}

const RULES: Rule[] = [
  {
    pattern: /\bthe next (month|three months|six months|year)\b/gi,
    period: (m) => ({ kind: 'horizon', sessions: HORIZONS[m[1]!.toLowerCase()]! }),
  },
  {
    // Counts of sessions are streaks ("5 straight sessions", "5 sessions in a row"), not periods.
    pattern: new RegExp(
      String.raw`\b(?:(?:over|in|during|across|for)\s+)?(?:the\s+)?(?:past|last|same|previous|prior|latest)\s+${COUNT}\s+(?:trading\s+)?(?:sessions|days)\b|\b(?:over|in)\s+${COUNT}\s+(?:trading\s+)?(?:sessions|days)\b|\b${COUNT}[- ](?:session|day)\s+(?:gain|loss|move|rise|drop|decline|advance|rally|change|return)\b`,
      'gi',
    ),
    period: (m) => {
      const count = countOf(m[1] ?? m[2] ?? m[3]);
      return count === undefined ? undefined : count === 1 ? { kind: 'day' } : { kind: 'sessions', count };
    },
  },
  {
    pattern:
      /\b(?:on|last)\s+(Monday|Tuesday|Wednesday|Thursday|Friday)\b|\b(?:today|on the day|in the session|one-day|daily)\b/gi,
    period: (m) => (m[1] ? { kind: 'day', weekday: WEEKDAYS.indexOf(m[1].toLowerCase()) } : { kind: 'day' }),
  },
  {
    pattern: /\b(?:the|this|a|on the|for the)\s+week\b(?!\s+ending)|\bweekly\b|\bweek to date\b/gi,
    period: () => ({ kind: 'week' }),
  },
  {
    pattern: /\b(?:the|this|in the|for the)\s+month\b|\bmonthly\b|\bmonth to date\b|\bmonth-to-date\b/gi,
    period: () => ({ kind: 'month' }),
  },
  {
    pattern: /\b(?:the past|the last)\s+(?:year|12 months|twelve months)\b/gi,
    period: () => ({ kind: 'trailing-year' }),
  },
  {
    // "2025's gain" is a year; "the Russell 2000's close" is the index's (its name ends in digits).
    pattern:
      /\b(?:in|for|during|so far in|through)\s+((?:19|20)\d{2})\b|(?<!\bRussell\s)\b((?:19|20)\d{2})['’]s\b/gi,
    period: (m) => ({ kind: 'year', year: Number(m[1] ?? m[2]) }),
  },
  {
    pattern:
      /\b(?:this|the|for the|in the)\s+year\b(?!\s+(?:ago|before|earlier))|\byear to date\b|\byear-to-date\b|\bYTD\b/gi,
    period: () => ({ kind: 'year' }),
  },
];

function countOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  return /^\d+$/.test(text) ? Number(text) : parseNumberWord(text);
}

/** Every period phrase in `text`, in order, overlapping ones dropped (the first rule wins). */
export function findPeriods(text: string): PeriodPhrase[] {
  const found: PeriodPhrase[] = [];
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(text); m; m = rule.pattern.exec(text)) {
      const period = rule.period(m);
      const start = m.index;
      const end = m.index + m[0].length;
      if (!period || found.some((p) => p.start < end && start < p.end)) continue;
      found.push({ period, words: m[0], start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Whether the period a sentence gives a figure is the period of its fact (the as-of year for "this year"). */
export function samePeriod(
  claimed: Period,
  fact: Period,
  asOfYear: number | undefined,
  asOfWeekday?: number,
): boolean {
  if (claimed.kind !== fact.kind) return false;
  switch (claimed.kind) {
    case 'sessions':
      return fact.kind === 'sessions' && claimed.count === fact.count;
    case 'horizon':
      return fact.kind === 'horizon' && claimed.sessions === fact.sessions;
    case 'year':
      return claimed.year === undefined || asOfYear === undefined || claimed.year === asOfYear;
    case 'day':
      return claimed.weekday === undefined || asOfWeekday === undefined || claimed.weekday === asOfWeekday;
    default:
      return true;
  }
}

/** Writer's and reader's words for a period ("the past five sessions", "2025"). */
export function describePeriod(period: Period, asOfYear?: number): string {
  switch (period.kind) {
    case 'day':
      return period.weekday === undefined
        ? 'the day'
        : WEEKDAYS[period.weekday]!.replace(/^./, (c) => c.toUpperCase());
    case 'sessions':
      return `the past ${cardinalWord(period.count)} sessions`;
    case 'week':
      return 'the week';
    case 'month':
      return 'the month';
    case 'year':
      return String(period.year ?? asOfYear ?? 'the year');
    case 'trailing-year':
      return 'the past year';
    case 'horizon':
      return `the ${period.sessions} sessions after a signal`;
  }
}
