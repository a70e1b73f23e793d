/**
 * The style gate: what a markets editor would send back, counted over every draft of every
 * session of a span (`wirecopy style --from --to`, `npm run bench`). Each rule counts
 * violations, not drafts, and keeps a few examples (session, story, text) so a non-zero count
 * can be traced. A draft failing `wirecopy check` counts once per draft.
 */
import { directionAround } from '../../language/directions.ts';
import { findPeriods, type Period } from '../../language/periods.ts';
import { findSuperlatives } from '../../language/superlatives.ts';
import type { CheckOptions } from '../../review/check.ts';
import { checkText } from '../../review/check.ts';
import type { RenderedDraft } from '../generate.ts';
import { FACT_LINK } from '../view-values.ts';
import { numeralsUnderTen } from './ap-numbers.ts';
import { wrongArticles } from './articles.ts';
import { printedFigures, proseOf, repeatedNumbers } from './repetition.ts';
import { reachesBack } from './since.ts';

export const STYLE_RULES = [
  'empty-superlative',
  'duplicate-headline',
  'numeral-under-ten',
  'wrong-article',
  'number-repeated',
  'mixed-social-periods',
  'down-day-gain-headline',
  'non-story-lead',
  'repeated-lead',
  'check-failed',
] as const;
export type StyleRule = (typeof STYLE_RULES)[number];

export interface StyleExample {
  asOf: string;
  story: string;
  text: string;
}

export interface StyleReport {
  sessions: number;
  drafts: number;
  counts: Record<StyleRule, number>;
  /** The first few violations of each rule. */
  examples: Record<StyleRule, StyleExample[]>;
}

const EXAMPLES_KEPT = 5;

export function emptyStyleReport(): StyleReport {
  const counts = Object.fromEntries(STYLE_RULES.map((r) => [r, 0])) as Record<StyleRule, number>;
  const examples = Object.fromEntries(STYLE_RULES.map((r) => [r, []])) as unknown as Record<
    StyleRule,
    StyleExample[]
  >;
  return { sessions: 0, drafts: 0, counts, examples };
}

/** What the gate knows of a session beyond its drafts. */
export interface SessionFacts {
  /** The Russell 2000's move on the session (`RUT.change.1d`), a fraction. */
  dayMove?: number;
  /** The story of the session's default piece (`wirecopy draft` without `--story`). */
  defaultStory?: string;
  /** `stories.headlineMinMove`: moves smaller than these lead no headline. */
  headlineMinMove?: Record<'day' | 'five' | 'week' | 'month', number>;
}

/** The previous session's default piece, per report: a lead repeated from it is counted. */
const previousDefault = new WeakMap<StyleReport, { story: string; title: string }>();

/** Adds one session's drafts to the report; `check` is `wirecopy check`'s options. */
export async function gateSession(
  report: StyleReport,
  asOf: string,
  drafts: readonly RenderedDraft[],
  check: CheckOptions,
  session: SessionFacts = {},
): Promise<void> {
  report.sessions++;
  const add = (rule: StyleRule, story: string, text: string) => {
    report.counts[rule]++;
    if (report.examples[rule].length < EXAMPLES_KEPT) report.examples[rule].push({ asOf, story, text });
  };
  const titles = new Map<string, string>();
  for (const draft of drafts) {
    report.drafts++;
    const { story, frontMatter } = draft;
    const title = frontMatter.title;
    const earlier = titles.get(title);
    if (earlier !== undefined) add('duplicate-headline', story, `"${title}" (also ${earlier})`);
    titles.set(title, story);

    const body = draft.body.replace(FACT_LINK, '');
    const posts = Object.values(frontMatter.social).flat() as string[];
    const prose = [title, frontMatter.summary, body, ...posts];
    for (const text of prose) {
      for (const m of numeralsUnderTen(text)) add('numeral-under-ten', story, around(text, m.index));
      for (const m of wrongArticles(text)) add('wrong-article', story, around(text, m.index));
    }
    // What a reader of the page meets: the headline and the piece, not the sources and disclaimer.
    for (const r of repeatedNumbers(`${title}\n\n${proseOf(body)}`))
      add('number-repeated', story, `${r.figure} ×${r.count}`);
    for (const phrase of emptySuperlatives(asOf, body, frontMatter.facts))
      add('empty-superlative', story, phrase);
    for (const post of [frontMatter.social.x, frontMatter.social.linkedin, frontMatter.social.facebook]) {
      const mixed = mixedPeriods(post);
      if (mixed) add('mixed-social-periods', story, mixed);
    }
    if (session.dayMove !== undefined && draft.period === 'five' && gainOnDownDay(title, session.dayMove))
      add('down-day-gain-headline', story, title);
    if (session.headlineMinMove && onlySmallMoves(title, frontMatter.facts, session.headlineMinMove))
      add('non-story-lead', story, title);
    const { counts, file } = await checkText(draft.text, `${draft.fileName}`, check);
    if (counts.errors > 0) {
      const first = file.messages.find((m) => m.fatal);
      add('check-failed', story, `${first?.ruleId ?? 'error'}: ${first?.reason ?? ''}`);
    }
  }
  const lead = drafts.find((d) => d.story === session.defaultStory);
  if (lead) {
    const before = previousDefault.get(report);
    const title = lead.frontMatter.title;
    if (before?.story === lead.story && before.title === title) add('repeated-lead', lead.story, title);
    previousDefault.set(report, { story: lead.story, title });
  }
}

/** The Russell 2000's moves a headline can lead with, by the period of `headlineMinMove` they are judged by. */
const HEADLINE_MOVES = {
  'RUT.change.1d': 'day',
  'RUT.return.5d': 'five',
  'RUT.return.week': 'week',
  'RUT.return.mtd': 'month',
} as const;

/**
 * A headline whose every figure is a move too small to be a story ("Russell 2000 ends the week
 * up 0.2%", "Small caps edge up 0.1%; Russell 2000 ends at 2,100.12"). Each figure is matched to
 * the piece's facts by its display; the close is left aside, and a figure that is none of the
 * moves (a count, the year's move, basis points) or a record makes the headline a story.
 */
export function onlySmallMoves(
  headline: string,
  facts: Record<string, { value: unknown; display: string }>,
  min: Record<'day' | 'five' | 'week' | 'month', number>,
): boolean {
  // A record is a story whatever the move; the close it ends at is where, not what happened.
  if (/\brecord\b/i.test(headline)) return false;
  const close = facts['RUT.close']?.display;
  const figures = printedFigures(headline).filter((f) => f !== close);
  if (figures.length === 0) return false;
  // A figure is a small move when every fact it could be is one: "0.4%" that is also the year's move is a story.
  const isSmallMove = (id: string, value: number) => {
    const period = HEADLINE_MOVES[id as keyof typeof HEADLINE_MOVES];
    return period !== undefined && Math.abs(value) < min[period];
  };
  return figures.every((figure) => {
    const matching = Object.entries(facts).filter(
      ([, fact]) => typeof fact.value === 'number' && fact.display.replace(/^-/, '') === figure,
    );
    return matching.length > 0 && matching.every(([id, fact]) => isSmallMove(id, fact.value as number));
  });
}

/**
 * A headline that gives only gains on a day the index fell ("Small caps rise 4.2% in five
 * sessions" after a 0.8% drop): the day's loss must be in it too ("slip 0.8% but hold a 4.2%
 * five-session gain"). Judged by the words around each figure (language/directions.ts).
 */
export function gainOnDownDay(headline: string, dayMove: number): boolean {
  // "Russell 2000 little changed at 2,082.71, up 2.7% for the year" gives the day as it was.
  if (dayMove >= 0 || /\b(?:little changed|unchanged)\b/i.test(headline)) return false;
  const directions = [...headline.matchAll(/\d[\d,.]*%/g)].map(
    (m) => directionAround(headline.slice(0, m.index), headline.slice(m.index + m[0].length))?.direction,
  );
  return directions.includes('up') && !directions.includes('down');
}

function around(text: string, index: number): string {
  return text.slice(Math.max(0, index - 30), index + 30).replace(/\s+/g, ' ');
}

/** "first record", "first close above …": the words that make "in N sessions" a drought. */
const DROUGHT_BEFORE = /\bfirst\b[^.;:]*$/i;

const SHORT_PERIODS = new Set<Period['kind']>(['sessions', 'week', 'month']);

/**
 * A social post that gives two of "five sessions", "the week", "the month" (issue 11: "Small
 * caps jump 5.5% on the week. Five sessions: Russell 2000 up 8.5%"). The day and the year are
 * context any post may add.
 */
export function mixedPeriods(post: string): string | undefined {
  const kinds = new Set(
    findPeriods(post)
      // "its first record in 967 sessions" counts a drought, not the period of a move.
      .filter((p) => !DROUGHT_BEFORE.test(post.slice(Math.max(0, p.start - 40), p.start)))
      .map((p) => p.period)
      .filter((p) => SHORT_PERIODS.has(p.kind))
      .map((p) => (p.kind === 'sessions' ? `${p.count} sessions` : p.kind)),
  );
  return kinds.size > 1 ? [...kinds].join(' + ') : undefined;
}

/**
 * Superlatives that say nothing: "its best month since October" in November only means October
 * was better. Judged from the printed `…best_since`/`…worst_since` facts and the phrase in the body.
 */
export function emptySuperlatives(
  asOf: string,
  body: string,
  facts: Record<string, { value: unknown }>,
): string[] {
  const found: string[] = [];
  const phrases = findSuperlatives(body).filter((p) => p.kind === 'best-since' || p.kind === 'worst-since');
  for (const phrase of phrases) {
    const unit = phrase.unit === 'session' ? 'day' : (phrase.unit ?? '');
    const rest = `${unit}.${phrase.kind === 'best-since' ? 'best' : 'worst'}_since`;
    const fact = Object.entries(facts).find(([id]) => id.endsWith(`.${rest}`));
    const since = fact?.[1].value;
    if (typeof since === 'string' && !reachesBack(unit, since, asOf)) {
      found.push(`${body.slice(phrase.start, phrase.end + 40).split('\n')[0]} (${since})`);
    }
  }
  return found;
}
