/**
 * The document plan: a piece is a sequence of sections (lead, data, history, why, other side,
 * watch next), each a ranked choice of candidate sentences. Every candidate is backed by a fact
 * and scored for newsworthiness (0–100, the scale of src/drafts/angles.ts); a section prints its
 * best candidates above the threshold, at most `perSection` of them, in rank order. A candidate
 * scoring at least `mustCarry` is printed in every piece whatever the story, so the day's lead
 * piece never misses it (an S&P 500 record close, the end of a long drought). The plan and its
 * scores go into the draft's front matter, so an editor sees why each sentence is there.
 *
 * Candidates only decide *whether* and *in which order* a sentence prints; the words live in the
 * sentence partials (templates/partials/s-*.mustache) and every number in them is a fact's display.
 */
import { weekKey } from '../calendar/dates.ts';
import type { FactSet } from '../facts/types.ts';
import { boolOf, has, numberOf } from './fact-view.ts';
import { closesPeriod } from './stories/period-recaps.ts';
import type { StorySettings } from './stories/story.ts';

export const SECTIONS = ['data', 'history', 'why', 'other_side', 'watch'] as const;
export type SectionId = (typeof SECTIONS)[number];

/** What each story's period is: the move its social posts and its why section are about. */
export type PiecePeriod = 'five' | 'week' | 'month';

export interface Candidate {
  /** The sentence partial (`s-<sentence>`) that prints it. */
  sentence: string;
  /** The fact that backs it (the one an editor checks first). */
  fact: string;
  score: number;
  reason: string;
  /** Facts the sentence claims without printing them as numbers ("at a record", "ended in 1998"). */
  backs?: string[];
}

export interface PlannedItem extends Candidate {
  printed: boolean;
}

export interface DocumentPlan {
  threshold: number;
  mustCarry: number;
  sections: Record<SectionId, PlannedItem[]>;
}

/** What the plan needs to know about the piece it plans. */
export interface PieceShape {
  story: string;
  period: PiecePeriod;
}

const clamp = (x: number) => Math.max(0, Math.min(100, Math.round(x)));

/** Calendar days between two ISO dates. */
const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

/**
 * A "best since" date is worth printing only when it lies at least `minDays` back: "its best
 * month since October" in November only says the month before was better.
 */
export function nonTrivialSince(f: FactSet, id: string, minDays: number): boolean {
  const fact = f.facts[id];
  if (fact === undefined || typeof fact.value !== 'string') return false;
  return daysBetween(fact.value, f.asOf) >= minDays;
}

/**
 * The smallest moves whose "best since" is history rather than noise: a five-session move of 2%,
 * a five-session lead of 2 points, a day of 1.5% (the pattern study's default daily surge).
 */
const MEMORABLE_MOVE = { five: 0.02, lead: 0.02, day: 0.015 };

/** Years between a date fact's value and the as-of date (0 when the fact is missing or none). */
function yearsSince(f: FactSet, id: string): number {
  const value = f.facts[id]?.value;
  return typeof value === 'string' ? daysBetween(value, f.asOf) / 365.25 : 0;
}

/** How far the close is above its 200-day average, as a fraction; undefined when unknown. */
export function smaMargin(f: FactSet, symbol = 'RUT'): number | undefined {
  const close = numberOf(f, `${symbol}.close`);
  const sma = numberOf(f, `${symbol}.sma200`);
  return close !== undefined && sma !== undefined && sma > 0 ? close / sma - 1 : undefined;
}

type CandidateRule = (f: FactSet, settings: StorySettings, shape: PieceShape) => Candidate | undefined;

/** The candidates of each section. A rule returns undefined when its facts are missing or say nothing. */
const RULES: Record<SectionId, CandidateRule[]> = {
  data: [
    (f) => {
      // Another index's record close is news for a small-cap piece too: it says the market is at highs.
      if (boolOf(f, 'SPX.record.today') !== true || !has(f, 'SPX.record.count_ytd')) return undefined;
      return {
        sentence: 'spx_record',
        fact: 'SPX.record.today',
        backs: ['SPX.record.today'],
        score: 88,
        reason: 'The S&P 500 closed at a record.',
      };
    },
    (f, _s, shape) => {
      if (shape.period === 'month' || !has(f, 'RUT.return.mtd')) return undefined;
      const mtd = numberOf(f, 'RUT.return.mtd')!;
      // Early in a month the month-to-date move is the day's move; from the fifth session on it says something.
      if (Number(f.asOf.slice(8, 10)) < 7) return undefined;
      // In early January the month so far is the five sessions and the year: the same figure again.
      const shown = f.facts['RUT.return.mtd']!.display;
      if (['RUT.return.5d', 'RUT.return.ytd'].some((id) => f.facts[id]?.display === shown)) return undefined;
      return {
        sentence: 'mtd',
        fact: 'RUT.return.mtd',
        score: clamp(35 + Math.abs(mtd) * 400),
        reason: `Month to date the index is ${f.facts['RUT.return.mtd']!.display}.`,
      };
    },
    (f) => {
      // "Its highest close since Jan. 4, 2022": the level's place in history (a record says more, and has its own lines).
      if (boolOf(f, 'RUT.record.today') === true) return undefined;
      const up = numberOf(f, 'RUT.change.1d') ?? 0;
      const id = up >= 0 ? 'RUT.close.highest_since' : 'RUT.close.lowest_since';
      if (!has(f, id) || boolOf(f, `${id}.notable`) !== true) return undefined;
      // Just below a recent record, "the highest since" names a day after it: the distance from the record says more.
      const record = f.facts['RUT.record.last_date']?.value;
      const since = String(f.facts[id]!.value);
      if (up >= 0 && typeof record === 'string' && daysBetween(record, since) < 31) return undefined;
      const years = yearsSince(f, id);
      return {
        sentence: up >= 0 ? 'highest_since' : 'lowest_since',
        fact: id,
        score: clamp(45 + years * 14),
        reason: `The ${up >= 0 ? 'highest' : 'lowest'} close since ${f.facts[id]!.display}.`,
      };
    },
    (f) => {
      if (!has(f, 'IWM.close') || f.facts['IWM.close']!.asOf !== f.asOf) return undefined;
      return {
        sentence: 'iwm',
        fact: 'IWM.close',
        score: 42,
        reason: 'The ETF most readers trade, iShares Russell 2000 (IWM), has a close for the session.',
      };
    },
  ],
  history: [
    (f, _s, shape) => {
      // "Its best five-session gain since the stretch ending April 29, 2020." Not in a weekly
      // recap: beside the week's best-since it reads as a second, different record of the same days.
      if (shape.period === 'week') return undefined;
      const move = numberOf(f, 'RUT.return.5d') ?? 0;
      const id = move >= 0 ? 'RUT.return.5d.best_since' : 'RUT.return.5d.worst_since';
      // After a long rally any small loss is "the worst since" a few weeks back: only a real move counts.
      if (Math.abs(move) < MEMORABLE_MOVE.five || !has(f, id) || boolOf(f, `${id}.notable`) !== true)
        return undefined;
      const years = yearsSince(f, id);
      return {
        sentence: move > 0 ? 'five_best' : 'five_worst',
        fact: id,
        score: clamp(48 + years * 8),
        reason: `The ${move > 0 ? 'best' : 'worst'} five sessions since the stretch ending ${f.facts[id]!.display}.`,
      };
    },
    (f) => {
      // The five-session lead over the S&P 500, in points (the gap between the two returns).
      const id = 'RUT.vs.SPX.spread.5d.widest_since';
      const lead = numberOf(f, 'RUT.vs.SPX.spread.5d') ?? 0;
      if (lead < MEMORABLE_MOVE.lead || boolOf(f, `${id}.notable`) !== true || f.facts[id] === undefined)
        return undefined;
      const onRecord = f.facts[id]!.value === null;
      return {
        sentence: onRecord ? 'lead_widest_ever' : 'lead_widest',
        fact: onRecord ? 'RUT.vs.SPX.spread.5d' : id,
        backs: [id],
        score: onRecord ? 84 : clamp(46 + yearsSince(f, id) * 12),
        reason: onRecord
          ? 'The widest five-session lead over the S&P 500 on record, in points.'
          : `The widest five-session lead over the S&P 500, in points, since ${f.facts[id]!.display}.`,
      };
    },
    (f, _s, shape) => {
      // A day inside the last five that was the best since a date well back (July 11, 2024: best since Nov. 14, 2023).
      const id = 'RUT.last5.best_day.best_since';
      if (!has(f, id) || !has(f, 'RUT.last5.best_day') || boolOf(f, `${id}.notable`) !== true)
        return undefined;
      // On the day itself the lead already gives the day's move; a weekly recap keeps to its week.
      const day = String(f.facts['RUT.last5.best_day']!.value);
      if (day === f.asOf || (shape.period === 'week' && weekKey(day) !== weekKey(f.asOf))) return undefined;
      if ((numberOf(f, 'RUT.last5.best_day.change') ?? 0) < MEMORABLE_MOVE.day) return undefined;
      return {
        sentence: 'best_day_recent',
        fact: id,
        // Under the threshold when the best-since is less than about three months back.
        score: clamp(30 + yearsSince(f, id) * 40),
        reason: `${f.facts['RUT.last5.best_day']!.display} was the best day since ${f.facts[id]!.display}.`,
      };
    },
    (f, settings, shape) => {
      if (shape.period === 'week') return undefined; // the weekly recap leads with it
      const move = numberOf(f, 'RUT.return.week');
      if (move === undefined || move <= 0 || !nextSessionClosesWeek(f)) return undefined;
      if (!nonTrivialSince(f, 'RUT.week.best_since', settings.superlativeMinDays.week)) return undefined;
      const years = daysBetween(String(f.facts['RUT.week.best_since']!.value), f.asOf) / 365.25;
      return {
        sentence: 'week_best',
        fact: 'RUT.week.best_since',
        score: clamp(55 + years * 15),
        reason: `The best week since the week ending ${f.facts['RUT.week.best_since']!.display}.`,
      };
    },
    (f, settings) => {
      // A drought still running: how it compares with history (the record-day version is in the data).
      if (boolOf(f, 'RUT.record.today') === true || !has(f, 'RUT.record.drought_longest_since'))
        return undefined;
      const drought = numberOf(f, 'RUT.record.drought_sessions') ?? 0;
      if (drought < settings.longDrought) return undefined;
      return {
        sentence: 'drought',
        fact: 'RUT.record.drought_longest_since',
        score: clamp(50 + drought / 40),
        reason: `${drought} sessions without a record, the longest since the drought that ended ${f.facts['RUT.record.drought_longest_since']!.display}.`,
      };
    },
  ],
  why: [
    (f, _s, shape) => {
      const id = yieldMoveId(shape.period);
      if (!has(f, 'DGS2.level') || !has(f, id)) return undefined;
      const bp = numberOf(f, id)!;
      // Rates are part of every small-cap piece when they are stored; a big move ranks higher.
      return {
        sentence: 'rates',
        fact: id,
        score: clamp(50 + Math.abs(bp) * 2),
        reason: `2-year yield: ${f.facts[id]!.display} bp over the piece's period.`,
      };
    },
    (f) => {
      if (
        !has(f, 'FED.target.lower') ||
        !has(f, 'FED.target.upper') ||
        !has(f, 'FED.target.last_change_date')
      )
        return undefined;
      const days = daysBetween(String(f.facts['FED.target.last_change_date']!.value), f.asOf);
      // A change in the last three months is the Fed news; a long hold is context.
      return {
        sentence: 'fed',
        fact: 'FED.target.last_change_date',
        score: clamp(days <= 92 ? 75 - days / 6 : 48),
        reason: `Target range ${f.facts['FED.target.lower']!.display}–${f.facts['FED.target.upper']!.display}, last changed ${f.facts['FED.target.last_change_date']!.display}.`,
      };
    },
    (f) => {
      if (!has(f, 'FED.next_meeting') || !has(f, 'FED.cut_probability.next')) return undefined;
      return {
        sentence: 'cut_odds',
        fact: 'FED.cut_probability.next',
        score: 60,
        reason: 'Futures price the odds of a cut at the next meeting.',
      };
    },
  ],
  other_side: [
    (f) => {
      const provisional = numberOf(f, 'RUT.vs.SPX.years_under.provisional');
      const longest = numberOf(f, 'RUT.vs.SPX.years_under.longest');
      const completed = numberOf(f, 'RUT.vs.SPX.years_under') ?? 0;
      if (provisional === undefined || longest === undefined || !has(f, 'RUT.vs.SPX.years_under.longest_end'))
        return undefined;
      // Only when this year would extend the streak, and the streak is long enough to be history.
      if (provisional <= completed || provisional < 3) return undefined;
      const ties = provisional >= longest;
      return {
        sentence: ties ? 'years_under_record' : 'years_under_run',
        fact: 'RUT.vs.SPX.years_under.provisional',
        ...(ties ? { backs: ['RUT.vs.SPX.years_under.longest', 'RUT.vs.SPX.years_under.longest_end'] } : {}),
        score: ties ? 72 : 50,
        reason: ties
          ? `On course for ${provisional} straight years behind the S&P 500, the longest run on record (${longest}).`
          : `On course for ${provisional} straight years behind the S&P 500.`,
      };
    },
    (f) => {
      const own = numberOf(f, 'RUT.return.1y');
      const spx = numberOf(f, 'SPX.return.1y');
      if (own === undefined || spx === undefined || spx - own < 0.03) return undefined;
      return {
        sentence: 'one_year',
        fact: 'RUT.return.1y',
        score: clamp(45 + (spx - own) * 200),
        reason: `Over a year the index trails the S&P 500 by ${((spx - own) * 100).toFixed(1)} points.`,
      };
    },
    (f) => {
      // Value against growth needs both; with one side stored, the side we have is still worth a line.
      if (!has(f, 'RUJ.return.ytd') || has(f, 'RUO.return.ytd')) return undefined;
      if (f.facts['RUJ.return.ytd']!.asOf !== f.asOf) return undefined;
      return {
        sentence: 'value_only',
        fact: 'RUJ.return.ytd',
        score: 41,
        reason: 'Only the value side of the style split is stored.',
      };
    },
  ],
  watch: [
    (f) => {
      if (!has(f, 'FED.next_meeting')) return undefined;
      return {
        sentence: 'watch_fomc',
        fact: 'FED.next_meeting',
        score: 70,
        reason: 'The next Fed decision is the next scheduled event for rates.',
      };
    },
    (f) => {
      if (boolOf(f, 'RUT.record.today') === true || !has(f, 'RUT.record.last_close')) return undefined;
      const below = numberOf(f, 'RUT.record.pct_below') ?? 0;
      if (below >= 0) return undefined;
      return {
        sentence: 'watch_record',
        fact: 'RUT.record.last_close',
        score: clamp(70 + below * 500),
        reason: `The record close is ${f.facts['RUT.record.pct_below']!.display} away.`,
      };
    },
    (f) => {
      const margin = smaMargin(f);
      if (margin === undefined) return undefined;
      // The 200-day line is worth watching only near it: from about 6% away it falls under the threshold.
      return {
        sentence: 'watch_sma',
        fact: 'RUT.sma200',
        score: clamp(65 - Math.abs(margin) * 400),
        reason: `The 200-day average is ${(margin * 100).toFixed(1)}% from the close.`,
      };
    },
  ],
};

/** The 2-year yield's move over the piece's period: five sessions, or the month so far. */
export const yieldMoveId = (period: PiecePeriod) =>
  period === 'month' ? 'DGS2.change.mtd' : 'DGS2.change.5d';

/** Whether the session closes its calendar week (the week's move is then complete). */
const nextSessionClosesWeek = (f: FactSet) => closesPeriod(f.asOf, weekKey);

/** The plan of one piece: every section's candidates, ranked, with the ones that print marked. */
export function planPiece(f: FactSet, settings: StorySettings, shape: PieceShape): DocumentPlan {
  const threshold = settings.sectionThreshold;
  const mustCarry = settings.mustCarry;
  const sections = Object.fromEntries(
    SECTIONS.map((section) => {
      const ranked = RULES[section]
        .map((rule) => rule(f, settings, shape))
        .filter((c): c is Candidate => c !== undefined)
        .sort((a, b) => b.score - a.score);
      let printed = 0;
      const items = ranked.map((c) => {
        const prints = c.score >= mustCarry || (c.score >= threshold && printed < settings.perSection);
        if (prints) printed++;
        return { ...c, printed: prints };
      });
      return [section, items];
    }),
  ) as Record<SectionId, PlannedItem[]>;
  return { threshold, mustCarry, sections };
}

/** Every sentence any section can print, so each list item can set all of them (strict templates). */
const ALL_SENTENCES = [
  'spx_record',
  'mtd',
  'highest_since',
  'lowest_since',
  'iwm',
  'five_best',
  'five_worst',
  'lead_widest',
  'lead_widest_ever',
  'best_day_recent',
  'week_best',
  'years_under_record',
  'years_under_run',
  'drought',
  'rates',
  'fed',
  'cut_odds',
  'one_year',
  'value_only',
  'watch_fomc',
  'watch_record',
  'watch_sma',
];

/**
 * The plan as the templates read it: `plan.<section>` is the list of printed sentences in rank
 * order, each item a set of flags with exactly one true, so `{{#plan.why}}{{#rates}}…` prints
 * the sentences in the plan's order; `plan_has.<section>` says whether a section prints at all.
 */
export function planView(plan: DocumentPlan) {
  const lists = Object.fromEntries(
    SECTIONS.map((section) => [
      section,
      plan.sections[section]
        .filter((item) => item.printed)
        .map((item) => Object.fromEntries(ALL_SENTENCES.map((s) => [s, s === item.sentence]))),
    ]),
  ) as Record<SectionId, Record<string, boolean>[]>;
  const hasSection = Object.fromEntries(SECTIONS.map((s) => [s, lists[s].length > 0])) as Record<
    SectionId,
    boolean
  >;
  const printed = Object.fromEntries(
    ALL_SENTENCES.map((s) => [s, SECTIONS.some((section) => lists[section].some((item) => item[s]))]),
  );
  return { plan: lists, plan_has: hasSection, printed };
}

/** The facts printed sentences claim without a number of their own: they go in the front matter. */
export function backedFacts(plan: DocumentPlan): string[] {
  return SECTIONS.flatMap((section) =>
    plan.sections[section].filter((item) => item.printed).flatMap((item) => item.backs ?? []),
  );
}

/** The plan as the front matter keeps it: per section, each candidate with its score and whether it printed. */
export function planRecord(plan: DocumentPlan) {
  return {
    threshold: plan.threshold,
    mustCarry: plan.mustCarry,
    sections: Object.fromEntries(
      SECTIONS.map((section) => [
        section,
        plan.sections[section].map(({ sentence, fact, score, reason, printed }) => ({
          sentence,
          fact,
          score,
          reason,
          printed,
        })),
      ]),
    ),
  };
}
