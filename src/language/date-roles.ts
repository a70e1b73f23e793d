/**
 * Date roles: which date-valued fact a date in copy stands for, from the words before it in its
 * clause. "its best week since the week ending Aug. 22" is the week's `best_since`; "its record
 * close of Nov. 8, 2021" is `record.last_date`; "a line it crossed on Aug. 4" the 200-day
 * average's `cross_date`. A date with no such words has no role, and is judged by value alone.
 */
import type { SuperlativePhrase } from './superlatives.ts';

export interface DateRole {
  /** The fact id after its series: `week.best_since`; matched as the id's ending. */
  fact: string;
  /** What the date is, in a reader's words, for messages. */
  words: string;
}

const SINCE = /\bsince\b/i;

const WORD_ROLES: ReadonlyArray<readonly [RegExp, DateRole]> = [
  [/\bsignal\b/gi, { fact: 'last_signal_date', words: 'the date of the last signal' }],
  [
    /\b(?:crossed|cross|200-day)\b/gi,
    { fact: 'sma200.cross_date', words: 'the date of the 200-day crossing' },
  ],
  [/\brecord\b/gi, { fact: 'record.last_date', words: 'the date of the record close' }],
  [
    /\b(?:going back to|data from|back to)\b/gi,
    { fact: 'history.first_date', words: 'the first date in the data' },
  ],
  [/\bmeeting\b/gi, { fact: 'next_meeting', words: 'the date of the next meeting' }],
];

/**
 * The role of a date, given its sentence up to it and the superlative the sentence makes before
 * it ("best week since ...", "the longest since the drought that ended on"), with the words
 * between the two. Of the words for a role, the nearest before the date wins:
 * "below its record close of 2,442.74, set on Nov. 8, 2021" is the record's date.
 */
export function dateRole(
  before: string,
  superlative?: { phrase: SuperlativePhrase; between: string },
): DateRole | undefined {
  if (
    superlative &&
    superlative.between.length <= 60 &&
    SINCE.test(superlative.phrase.words + superlative.between)
  )
    return sinceRole(superlative.phrase);
  let nearest: { at: number; role: DateRole } | undefined;
  for (const [pattern, role] of WORD_ROLES) {
    const at = [...before.matchAll(pattern)].at(-1)?.index;
    if (at !== undefined && (!nearest || at > nearest.at)) nearest = { at, role };
  }
  return nearest?.role;
}

function sinceRole(phrase: SuperlativePhrase): DateRole | undefined {
  const unit = phrase.unit === 'session' ? 'day' : phrase.unit;
  switch (phrase.kind) {
    case 'best-since':
      return { fact: `${unit}.best_since`, words: `the last ${unit} as good` };
    case 'worst-since':
      return { fact: `${unit}.worst_since`, words: `the last ${unit} as bad` };
    case 'highest-since':
      return { fact: 'highest_since', words: 'the last time it was as high' };
    case 'lowest-since':
      return { fact: 'lowest_since', words: 'the last time it was as low' };
    case 'longest':
      return { fact: 'drought_longest_since', words: 'the end of the last drought as long' };
    default:
      // "the first record close since Nov. 8, 2021" names the previous record, which no fact holds.
      return undefined;
  }
}

/** Whether the fact id (after its series) is the role's fact. */
export function isRoleFact(role: DateRole, factRest: string): boolean {
  if (factRest === role.fact || factRest.endsWith(`.${role.fact}`)) return true;
  // A day of the last five has its own best-since: "On July 11 it gained 3.6%, its best day since Nov. 14, 2023".
  return (
    (role.fact === 'day.best_since' && factRest === 'last5.best_day.best_since') ||
    (role.fact === 'day.worst_since' && factRest === 'last5.worst_day.worst_since')
  );
}
