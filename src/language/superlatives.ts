/**
 * Superlatives: words that claim a record or a rank in history ("a record close", "its best
 * week since", "the longest drought since", "the first record close in 967 sessions"). Each
 * needs a fact of the draft behind it; `backedBy` names the facts that can be.
 */

export type SuperlativeKind =
  | 'record'
  | 'best-since'
  | 'worst-since'
  | 'longest'
  | 'highest-since'
  | 'lowest-since'
  | 'first-since'
  | 'widest';

export interface SuperlativePhrase {
  kind: SuperlativeKind;
  /** For "best/worst ... since": the period word (day, session, week, month, year). */
  unit?: string;
  words: string;
  start: number;
  end: number;
}

const RULES: ReadonlyArray<readonly [RegExp, SuperlativeKind]> = [
  // A new record, not a reference to the old one ("below its record close" claims nothing new).
  [
    /\b(?:at|to|hit|hits|set|sets|notched|notches|posted|posts|marked|marks|reached|reaches)\s+(?:a\s+|another\s+|its\s+\w+\s+)?(?:new\s+|fresh\s+)?record(?:\s+(?:close|high|closing high|level))?\b/gi,
    'record',
  ],
  [
    /(?<!\b(?:without|no|not)\s+)\b(?:a|another)\s+(?:new\s+|fresh\s+)?record(?:\s+(?:close|high|closing high))?\b/gi,
    'record',
  ],
  [/\b(?:new|fresh|all-time)\s+(?:record|high)s?\b/gi, 'record'],
  [/\bbest\s+(day|session|week|month|quarter|year)\s+(?:since|on record|ever)\b/gi, 'best-since'],
  [/\bworst\s+(day|session|week|month|quarter|year)\s+(?:since|on record|ever)\b/gi, 'worst-since'],
  [/\blongest\b/gi, 'longest'],
  [/\bhighest\s+(?:\w+\s+)?since\b/gi, 'highest-since'],
  [/\blowest\s+(?:\w+\s+)?since\b/gi, 'lowest-since'],
  [/\bfirst\s+(?:record\s+close|record|gain|close|time)\s+(?:since|in)\b/gi, 'first-since'],
  [/\bwidest\b/gi, 'widest'],
];

export function findSuperlatives(text: string): SuperlativePhrase[] {
  const found: SuperlativePhrase[] = [];
  for (const [pattern, kind] of RULES) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (found.some((s) => s.start < end && start < s.end)) continue;
      found.push({ kind, words: m[0], start, end, ...(m[1] ? { unit: m[1].toLowerCase() } : {}) });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * Whether a fact (id and value) of the subject backs the superlative. A record needs
 * `record.today` true; "best week since" the week's `best_since`; "first record close in"
 * a record today after a drought; "longest" a longest-since fact.
 */
export function backs(phrase: SuperlativePhrase, factRest: string, value: unknown, asOf?: string): boolean {
  // A draft from before `record.today` was kept shows its record by the date of the last one.
  const recordToday =
    (factRest === 'record.today' && value === true) ||
    (factRest === 'record.last_date' && asOf !== undefined && value === asOf);
  switch (phrase.kind) {
    case 'record':
      return recordToday;
    case 'best-since': {
      const unit = phrase.unit === 'session' ? 'day' : phrase.unit;
      // A day of the last five ("On July 11 it gained 3.6%, its best day since Nov. 14, 2023").
      return (
        factRest === `${unit}.best_since` || (unit === 'day' && factRest === 'last5.best_day.best_since')
      );
    }
    case 'worst-since': {
      const unit = phrase.unit === 'session' ? 'day' : phrase.unit;
      return (
        factRest === `${unit}.worst_since` || (unit === 'day' && factRest === 'last5.worst_day.worst_since')
      );
    }
    case 'longest':
      return /(?:^|\.)(?:drought_longest_since|drought_sessions|longest)$/.test(factRest);
    case 'highest-since':
      return factRest.endsWith('highest_since');
    case 'lowest-since':
      return factRest.endsWith('lowest_since');
    case 'first-since':
      return recordToday || factRest.endsWith('best_since');
    case 'widest':
      return factRest.endsWith('widest_since');
  }
}
