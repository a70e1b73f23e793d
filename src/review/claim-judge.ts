/**
 * Judges the claims a reading found against the draft's facts, by subject, measure and period,
 * not by value alone. A figure linked to a fact (or, unlinked, fitting one by value) must be
 * given for that fact's series and period, with the direction its sign says; a superlative
 * must have a fact behind it; a figure whose series cannot be told is a warning.
 *
 * A date is judged by what its words say it is the date of ("its best week since ...", "its
 * record close of ..."): another date is `claim-date`, naming the fact and its date. A year named
 * with no figure ("the first record close in 2024") must be the as-of year or a date's year.
 *
 * Rules: `claim-subject`, `claim-period`, `claim-year`, `claim-date`, `claim-direction`, `claim-measure`,
 * `claim-superlative` (errors); `claim-subject-unresolved` (warning). A figure that fits no fact at all is left to
 * `number-without-fact`, so one slip gets one message.
 */
import { type DateRole, isRoleFact } from '../language/date-roles.ts';
import { type FactMeaning, factMeaning, type Measure, sameMeasure } from '../language/measures.ts';
import { describePeriod, samePeriod } from '../language/periods.ts';
import { backs } from '../language/superlatives.ts';
import type { Claim, Reading, Subject } from './claim-reading.ts';
import type { ReferenceFact } from './draft-facts.ts';
import { claimMatchesFact, shownDisplay } from './fact-match.ts';

export type ClaimRule =
  | 'claim-subject'
  | 'claim-period'
  | 'claim-year'
  | 'claim-date'
  | 'claim-direction'
  | 'claim-superlative'
  | 'claim-measure'
  | 'claim-subject-unresolved';

export interface ClaimProblem {
  rule: ClaimRule;
  severity: 'error' | 'warning';
  /** Offsets in the text that was read: the words at fault. */
  start: number;
  end: number;
  message: string;
  hint: string;
}

export interface JudgeContext {
  facts: readonly ReferenceFact[];
  /** The front matter's fact values by id (booleans included, which `facts` leaves as `other`). */
  values: ReadonlyMap<string, unknown>;
  year: number | undefined;
  asOf: string | undefined;
  /** The as-of's day of the week (0 Sunday), for "on Friday". */
  weekday: number | undefined;
  /** Series names for messages: RUT → "Russell 2000". */
  nameOf: (key: string) => string;
  /** Numbers sourced by hand in the body: not the facts' business. */
  sourced: ReadonlySet<string>;
}

export interface JudgedClaim {
  claim: Claim;
  /** The fact the claim stands for, when one fits its value (linked, or found by value). */
  fact?: ReferenceFact;
  problems: ClaimProblem[];
}

export function judgeReading(
  reading: Reading,
  context: JudgeContext,
): { claims: JudgedClaim[]; problems: ClaimProblem[] } {
  const claims = reading.claims.map((claim) => judgeClaim(claim, context));
  const problems = oncePerPlace(claims);
  problems.push(...yearProblems(reading, context));
  for (const { phrase, subject } of reading.superlatives) {
    const key = subject.kind === 'series' ? subject.key : undefined;
    const backed = [...context.values].some(([id, value]) => {
      const [of, ...rest] = id.split('.');
      return (key === undefined || of === key) && backs(phrase, rest.join('.'), value, context.asOf);
    });
    if (backed) continue;
    const whose = key ? ` for the ${context.nameOf(key)}` : '';
    problems.push({
      rule: 'claim-superlative',
      severity: 'error',
      start: phrase.start,
      end: phrase.end,
      message: `"${phrase.words}" claims a ${phrase.kind.replace('-', ' ')}${whose}, but no fact of this draft backs it.`,
      hint:
        phrase.kind === 'record'
          ? `Only a record close on the as-of session (${key ?? 'S'}.record.today) backs "a record"; reword it, e.g. "below its record close".`
          : 'Remove the superlative, or back it with a fact of this draft (e.g. best_since, drought_longest_since).',
    });
  }
  return { claims, problems };
}

/**
 * One message per slip: a wrong period label ("The next three months:") over five figures is
 * one error at the label, naming the other figures, not five errors at the same place.
 */
function oncePerPlace(claims: readonly JudgedClaim[]): ClaimProblem[] {
  const problems: ClaimProblem[] = [];
  const others = new Map<ClaimProblem, string[]>();
  for (const { claim, problems: found } of claims) {
    for (const problem of found) {
      const same = problems.find(
        (p) => p.rule === problem.rule && p.start === problem.start && p.end === problem.end,
      );
      if (same) others.get(same)!.push(claim.number.text);
      else {
        problems.push(problem);
        others.set(problem, []);
      }
    }
  }
  return problems.map((p) => {
    const also = others.get(p)!;
    return also.length === 0 ? p : { ...p, message: `${p.message} The same holds for ${also.join(', ')}.` };
  });
}

function judgeClaim(claim: Claim, context: JudgeContext): JudgedClaim {
  const { number, marker } = claim;
  if (marker?.kind === 'sourced' || marker?.kind === 'sourced-invalid') return { claim, problems: [] };
  // A linked date is `number-mismatch`'s: one message per slip.
  if (number.kind === 'date') return marker ? { claim, problems: [] } : judgeDate(claim, context);
  if (!marker && context.sourced.has(number.text)) return { claim, problems: [] };
  const problems: ClaimProblem[] = [];
  const unresolved = unresolvedWarning(claim);
  if (unresolved) problems.push(unresolved);

  let fact: ReferenceFact | undefined;
  if (marker?.kind === 'fact') {
    const linked = context.facts.find((f) => f.id === marker.factId);
    // A wrong value or an unknown id is `number-mismatch` / `unknown-fact`: one message per slip.
    if (!linked || !claimMatchesFact(number, linked, context.year)) return { claim, problems };
    fact = linked;
  } else {
    const fitting = context.facts.filter((f) => claimMatchesFact(number, f, context.year));
    if (fitting.length === 0) return { claim, problems };
    fact = fitting.find((f) => disagreement(claim, f, context) === undefined);
    if (!fact) {
      // The value fits only facts of another series, period or measure: name the one it fits,
      // preferring the slip an editor most likely made (a word, then a period, then a series).
      const rank: Record<Dimension, number> = { direction: 0, year: 1, period: 2, subject: 3, measure: 4 };
      const closest = [...fitting].sort(
        (a, b) => rank[disagreement(claim, a, context)!] - rank[disagreement(claim, b, context)!],
      )[0]!;
      problems.push(...explain(claim, closest, context, true));
      return { claim, fact: closest, problems };
    }
  }
  problems.push(...explain(claim, fact, context, false));
  return { claim, fact, problems };
}

/** A date against the fact its words name: "its best week since Aug. 21" for a best week since Aug. 22. */
function judgeDate(claim: Claim, context: JudgeContext): JudgedClaim {
  const { number, dateRole: role, subject } = claim;
  if (!role) return { claim, problems: [] };
  const candidates = roleFacts(role, subject, context);
  if (candidates.length === 0) return { claim, problems: [] };
  const fitting = candidates.find((f) => claimMatchesFact(number, f, context.year));
  if (fitting) return { claim, fact: fitting, problems: [] };
  const right = candidates[0]!;
  return {
    claim,
    fact: right,
    problems: [
      {
        rule: 'claim-date',
        severity: 'error',
        start: number.start,
        end: number.end,
        message: `${number.text} is given as ${role.words}, but ${right.id} is ${right.display}.`,
        hint: `Write ${right.display}, or reword so the date is not given as ${role.words}.`,
      },
    ],
  };
}

/** The draft's facts of a date role, the series' own: another series' date says nothing of this one's. */
function roleFacts(role: DateRole, subject: Subject, context: JudgeContext): ReferenceFact[] {
  const ofRole = context.facts.filter(
    (f) => f.kind === 'date' && isRoleFact(role, f.id.replace(/^[^.]+\./, '')),
  );
  return subject.kind === 'series' ? ofRole.filter((f) => f.id.startsWith(`${subject.key}.`)) : ofRole;
}

/** Years named with no figure: the as-of year, or the year of one of the draft's dates. */
function yearProblems(reading: Reading, context: JudgeContext): ClaimProblem[] {
  const problems: ClaimProblem[] = [];
  for (const { phrase, subject, dateRole: role } of reading.years) {
    const { year } = phrase.period;
    if (role) {
      const facts = roleFacts(role, subject, context);
      const right = facts[0];
      if (!right || facts.some((f) => f.date?.year === year)) continue;
      problems.push({
        rule: 'claim-date',
        severity: 'error',
        start: phrase.start,
        end: phrase.end,
        message: `${year} is given as the year of ${role.words}, but ${right.id} is ${right.display}.`,
        hint: `Write ${right.date?.year ?? right.display} (or ${right.display}).`,
      });
      continue;
    }
    if (context.year === undefined || year === context.year) continue;
    if (context.facts.some((f) => f.kind === 'date' && f.date?.year === year)) continue;
    // A year that is itself a fact's value ("the run that ended in 1998": `years_under.longest_end`).
    if (
      context.facts.some(
        (f) => f.kind === 'number' && /(?:^|\.)longest_end$/.test(f.id) && f.printed === year,
      )
    )
      continue;
    problems.push({
      rule: 'claim-year',
      severity: 'error',
      start: phrase.start,
      end: phrase.end,
      message: `“${phrase.words.trim()}” names ${year}, but this draft is of ${context.year} and none of its dates falls in ${year}.`,
      hint: `Write ${context.year} (or "this year"), or the year of a date of this draft.`,
    });
  }
  return problems;
}

type Dimension = 'subject' | 'period' | 'year' | 'measure' | 'direction';

function disagreement(claim: Claim, fact: ReferenceFact, context: JudgeContext): Dimension | undefined {
  const meaning = factMeaning(fact.id);
  if (!meaning) return undefined;
  if (!subjectFits(claim.subject, meaning)) return 'subject';
  const period = claim.period?.period;
  if (period && meaning.period && !samePeriod(period, meaning.period, context.year, context.weekday)) {
    return period.kind === 'year' && meaning.period.kind === 'year' ? 'year' : 'period';
  }
  if (claim.measure && !sameMeasure(claim.measure, meaning.measure)) return 'measure';
  if (directionDisagrees(claim, meaning, context.values.get(fact.id))) return 'direction';
  return undefined;
}

function subjectFits(subject: Subject, meaning: FactMeaning): boolean {
  return subject.kind !== 'series' || subject.key === meaning.subject || subject.key === meaning.versus;
}

function directionDisagrees(claim: Claim, meaning: FactMeaning, value: unknown): boolean {
  if (!claim.direction) return false;
  // A streak of higher closes is `streak.up`, of lower closes `streak.down`.
  if (meaning.direction) return claim.direction.direction !== meaning.direction;
  if (!meaning.signed || typeof value !== 'number' || value === 0) return false;
  return (claim.direction.direction === 'up') !== value > 0;
}

function explain(claim: Claim, fact: ReferenceFact, context: JudgeContext, byValue: boolean): ClaimProblem[] {
  const dimension = disagreement(claim, fact, context);
  const meaning = factMeaning(fact.id);
  if (!dimension || !meaning) return [];
  const { number } = claim;
  const shown = shownDisplay(number, fact);
  const link = byValue ? `it fits ${fact.id} (${shown})` : `its fact ${fact.id}`;
  switch (dimension) {
    case 'subject': {
      const subject = claim.subject as Extract<Subject, { kind: 'series' }>;
      const intended = context.facts.find((f) => f.id === fact.id.replace(/^[^.]+/, subject.key));
      const theirs = intended
        ? ` The ${context.nameOf(subject.key)}'s figure is ${intended.id} (${shownDisplay(number, intended)}).`
        : '';
      return [
        {
          rule: 'claim-subject',
          severity: 'error',
          start: number.start,
          end: number.end,
          message: `${number.text} is given for the ${context.nameOf(subject.key)} (“${subject.words}”), but ${link}, a figure of the ${context.nameOf(meaning.subject)}.${theirs}`,
          hint: intended
            ? `Write ${shownDisplay(number, intended)} for the ${context.nameOf(subject.key)}, or name the ${context.nameOf(meaning.subject)}.`
            : `Name the ${context.nameOf(meaning.subject)}, or give a figure of the ${context.nameOf(subject.key)}.`,
        },
      ];
    }
    case 'period':
    case 'year': {
      const phrase = claim.period!;
      const factPeriod = describePeriod(meaning.period!, context.year);
      const claimed = describePeriod(phrase.period, context.year);
      return [
        {
          rule: dimension === 'year' ? 'claim-year' : 'claim-period',
          severity: 'error',
          start: phrase.start,
          end: phrase.end,
          message: `${number.text} is given for ${claimed} (“${phrase.words.trim()}”), but ${link} covers ${factPeriod}.`,
          hint: `Write the period of the fact (${factPeriod}), or link the figure to a fact of ${claimed}.`,
        },
      ];
    }
    case 'direction': {
      const word = claim.direction!;
      const value = context.values.get(fact.id) as number;
      const actual = meaning.direction ?? (value > 0 ? 'up' : 'down');
      return [
        {
          rule: 'claim-direction',
          severity: 'error',
          start: word.at,
          end: word.at + word.word.length,
          message: `“${word.word}” says ${number.text} went ${word.direction}, but ${link} is ${fact.display}: ${actual}.`,
          hint: `Use a word for a move ${actual} (${actual === 'up' ? '"rose", "up", "gain", "above"' : '"fell", "down", "loss", "below"'}).`,
        },
      ];
    }
    case 'measure':
      // A linked figure is the generator's or the editor's explicit choice; only a figure found
      // by value is judged on what the words say it measures.
      if (!byValue || !claim.measure) return [];
      return [
        {
          rule: 'claim-measure',
          severity: 'error',
          start: number.start,
          end: number.end,
          message: `${number.text} reads as a ${MEASURE_WORDS[claim.measure]}, but the only fact it fits, ${fact.id} (${shown}), is a ${MEASURE_WORDS[meaning.measure]}.`,
          hint: `Write the figure of the ${MEASURE_WORDS[claim.measure]} this draft has, or link it to its fact (<!--fact:ID-->).`,
        },
      ];
  }
}

const MEASURE_WORDS: Record<Measure, string> = {
  change: 'move',
  level: 'level',
  'record-distance': 'distance from the record',
  streak: 'streak',
  count: 'count',
  rank: 'rank',
  share: 'share',
  spread: 'spread',
  pattern: 'pattern statistic',
  date: 'date',
  other: 'figure',
};

function unresolvedWarning(claim: Claim): ClaimProblem | undefined {
  const { number, subject } = claim;
  if (subject.kind === 'series') return undefined;
  const message =
    subject.kind === 'unknown'
      ? `Could not tell which series “${subject.words}” is, so ${number.text} is checked by its value only.`
      : `Could not tell which series ${number.text} is about, so it is checked by its value only.`;
  return {
    rule: 'claim-subject-unresolved',
    severity: 'warning',
    start: subject.kind === 'unknown' ? subject.start : number.start,
    end: subject.kind === 'unknown' ? subject.start + subject.words.length : number.end,
    message,
    hint: 'Name the series (the Russell 2000, small caps, the S&P 500, the Nasdaq-100, the 2-year yield) in the sentence.',
  };
}
