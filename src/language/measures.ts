/**
 * Measures: what kind of figure a fact is (a move, a level, the distance from the record, a
 * streak, a count, a rank, a share) and what a fact id says about its subject and period. The
 * reader uses the same words to tell, from a sentence, what kind of figure it gives.
 */
import type { SymbolKey } from '../types.ts';
import type { Period } from './periods.ts';

export type Measure =
  | 'change'
  | 'level'
  | 'record-distance'
  | 'streak'
  | 'count'
  | 'rank'
  | 'share'
  | 'spread'
  | 'pattern'
  | 'date'
  | 'other';

export interface FactMeaning {
  /** The series the fact is about: `RUT` for `RUT.return.5d`. */
  subject: SymbolKey;
  /** For `RUT.vs.SPX.*`: the benchmark, which copy may name as the subject instead. */
  versus?: SymbolKey;
  measure: Measure;
  period?: Period;
  /** The sign of the value is a direction the words must agree with (a move, a spread, the record gap). */
  signed: boolean;
  /** A streak's own direction (`streak.up`, `streak.down`). */
  direction?: 'up' | 'down';
}

const PERIOD_OF: Record<string, Period> = {
  '1d': { kind: 'day' },
  '5d': { kind: 'sessions', count: 5 },
  week: { kind: 'week' },
  mtd: { kind: 'month' },
  ytd: { kind: 'year' },
  '1y': { kind: 'trailing-year' },
};

/** What a fact id means; undefined for ids that are not `SUBJECT.something`. */
export function factMeaning(id: string): FactMeaning | undefined {
  const parts = id.split('.');
  const subject = parts[0];
  if (!subject || parts.length < 2 || id.startsWith('front matter') || id.startsWith('sources '))
    return undefined;
  const [a, b, c, d] = parts.slice(1);
  if (a === 'change' || a === 'return') {
    return {
      subject,
      measure: 'change',
      signed: true,
      ...(b && PERIOD_OF[b] ? { period: PERIOD_OF[b] } : {}),
    };
  }
  if (a === 'close' || a === 'level' || a === 'sma200') {
    return b === 'cross_date'
      ? { subject, measure: 'date', signed: false }
      : { subject, measure: 'level', signed: false };
  }
  if (a === 'record') {
    if (b === 'pct_below') return { subject, measure: 'record-distance', signed: true };
    if (b === 'count_ytd') return { subject, measure: 'rank', signed: false, period: { kind: 'year' } };
    if (b === 'last_close') return { subject, measure: 'level', signed: false };
    if (b === 'last_date') return { subject, measure: 'date', signed: false };
    return { subject, measure: 'count', signed: false };
  }
  if (a === 'streak' && (b === 'up' || b === 'down'))
    return { subject, measure: 'streak', signed: false, direction: b };
  if (a === 'ytd_share') return { subject, measure: 'share', signed: false };
  if (a === 'vs' && b) {
    const versus = b;
    if (c === 'outperform_streak') return { subject, versus, measure: 'streak', signed: false };
    if (c === 'spread') {
      return {
        subject,
        versus,
        measure: 'spread',
        signed: true,
        ...(d && PERIOD_OF[d] ? { period: PERIOD_OF[d] } : {}),
      };
    }
    return { subject, versus, measure: 'count', signed: false };
  }
  if (a === 'pattern') {
    // `S.pattern.<id>.h21.mean`, `.prior_occurrences`, `.rule.sessions`: the statistic says the measure.
    const horizon = /^h(\d+)$/.exec(c ?? '');
    const statistic = parts.at(-1) ?? '';
    const signed = statistic === 'mean' || statistic === 'median' || statistic === 'min_return';
    const measure: Measure = signed
      ? 'change'
      : statistic === 'hit_rate'
        ? 'share'
        : statistic.endsWith('date')
          ? 'date'
          : statistic === 'sessions'
            ? 'streak'
            : 'count';
    return {
      subject,
      measure,
      signed,
      ...(horizon ? { period: { kind: 'horizon', sessions: Number(horizon[1]) } } : {}),
    };
  }
  return { subject, measure: 'other', signed: false };
}

/** Words right after a figure that say what it measures. */
const AFTER: ReadonlyArray<readonly [RegExp, Measure]> = [
  [
    /^\s*(?:below|above|from|under|off|short of)\s+(?:its|the|a)\s+(?:record|all-time|previous record|high)/i,
    'record-distance',
  ],
  [
    /^\s*(?:straight|consecutive)\s+(?:sessions|days|weeks|months|calendar years|years)|^\s*(?:sessions|days|weeks) (?:in a row|running|straight)/i,
    'streak',
  ],
  [/^\s*(?:times|cases|occasions)\b/i, 'count'],
  [/^\s*of\s+(?:the|its)\s+(?:index's\s+|year's\s+)?(?:[\d.,]+%\s+)?(?:gain|rise|advance|move)/i, 'share'],
  [/^\s*(?:record close|record closes|record high|record)\b/i, 'rank'],
];
/** Words right before a figure that say what it measures. */
const BEFORE: ReadonlyArray<readonly [RegExp, Measure]> = [
  [/\b(?:to|at|of|near|around)\s+\$?$/i, 'level'],
  [/\b(?:for|beaten\s+(?:it|the [\w&\- ]+)\s+for)\s+$/i, 'streak'],
];

/** The measure the words around a figure give it, when they give one. */
export function measureAround(
  before: string,
  after: string,
  kind: 'percent' | 'number' | 'ordinal' | 'date',
): Measure | undefined {
  if (kind === 'date') return 'date';
  for (const [pattern, measure] of AFTER) if (pattern.test(after)) return measure;
  if (kind === 'ordinal') return 'rank';
  if (kind === 'percent') return undefined;
  for (const [pattern, measure] of BEFORE) if (pattern.test(before)) return measure;
  return undefined;
}

/** Measures a sentence may give for a fact's measure: a move is a move whether called change or return. */
export function sameMeasure(claimed: Measure, fact: Measure): boolean {
  if (claimed === fact) return true;
  const family = (m: Measure) =>
    m === 'change' || m === 'spread' || m === 'pattern'
      ? 'move'
      : m === 'count' || m === 'streak'
        ? 'count'
        : m;
  return family(claimed) === family(fact);
}
