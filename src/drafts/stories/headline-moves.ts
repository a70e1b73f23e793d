/**
 * Headline phrases for a five-session move seen from the day (issue 11): a down day is never
 * headlined as a gain without saying both ("Small caps slip 0.8% but hold a 4.2% five-session
 * gain"), and the day comes with the run, so two sessions with the same five-session figure do
 * not get the same headline.
 */
import type { FactSet } from '../../facts/types.ts';
import { boolOf, magnitudeOf, numberOf, weekIsFiveSessions } from '../fact-view.ts';
import { headlineVerb } from '../lexicon.ts';
import type { PiecePeriod } from '../plan.ts';
import { withArticle } from '../style/articles.ts';
import type { StorySettings } from './story.ts';

function moves(f: FactSet) {
  const day = numberOf(f, 'RUT.change.1d');
  const run = numberOf(f, 'RUT.return.5d');
  if (day === undefined || run === undefined || day === 0 || run === 0) return undefined;
  return {
    day,
    run,
    dayPart: `${headlineVerb(day)} ${magnitudeOf(f, 'RUT.change.1d')}`,
    runSize: magnitudeOf(f, 'RUT.return.5d'),
  };
}

/**
 * "fall 0.8% but hold a 4.2% five-session gain" (after "Small caps") when the day went against
 * the five sessions; undefined when it did not (or a figure is missing). `period: false` leaves
 * out "five-session" for a headline that has named the five sessions already.
 */
export function dayAgainstRun(f: FactSet, options: { period?: boolean } = {}): string | undefined {
  const m = moves(f);
  if (m === undefined || m.day < 0 === m.run < 0) return undefined;
  // After a headline that already names the five sessions, the period goes without saying.
  const period = options.period ?? true;
  return m.run > 0
    ? `${m.dayPart} but hold ${withArticle(`${m.runSize}${period ? ' five-session' : ''} gain`)}`
    : `${m.dayPart} but are still down ${m.runSize}${period ? ' in five sessions' : ''}`;
}

/**
 * The day and the run in one headline phrase: `dayAgainstRun`, or "rise 1.1%, up 4.2% in five
 * sessions" when the day went the run's way and the run is larger; undefined when the
 * five-session move alone tells the day.
 */
export function dayAndRun(f: FactSet): string | undefined {
  const against = dayAgainstRun(f);
  if (against !== undefined) return against;
  const m = moves(f);
  if (m === undefined || Math.abs(m.run) <= Math.abs(m.day)) return undefined;
  // "extending their loss" would say the run grew, which a rolling window need not have done.
  return `${m.dayPart}, ${m.run > 0 ? 'up' : 'down'} ${m.runSize} in five sessions`;
}

/** A cause a headline gives for small caps' move, and the facts that back it (they go in the front matter). */
export interface HeadlineCause {
  /** " as the 2-year Treasury yield falls 18 basis points", " after the Fed's Sept. 17 rate cut". */
  text: string;
  facts: string[];
}

/** The small-cap move a period's headline gives, and the 2-year yield's move over the same span. */
const PERIOD_MOVES: Record<PiecePeriod, { move: string; yieldMove: string }> = {
  five: { move: 'RUT.return.5d', yieldMove: 'DGS2.change.5d' },
  week: { move: 'RUT.return.week', yieldMove: 'DGS2.change.5d' },
  month: { move: 'RUT.return.mtd', yieldMove: 'DGS2.change.mtd' },
};

/**
 * Why small caps moved over the piece's period, when the data give a reason: the Fed changed
 * rates within the period the way that helps (a cut before a gain, a hike before a loss), or
 * the 2-year yield moved at least `headlineCauseBp` against them (small companies carry more
 * floating-rate debt, the why section says). Never a cause the facts do not show; undefined
 * when they show none. The week uses the five-session yield move only when the week is those
 * five sessions.
 */
export function headlineCause(
  f: FactSet,
  period: PiecePeriod,
  settings: StorySettings,
): HeadlineCause | undefined {
  const ids = PERIOD_MOVES[period];
  const move = numberOf(f, ids.move);
  if (move === undefined || move === 0) return undefined;
  if (period === 'week' && !weekIsFiveSessions(f)) return undefined;
  const changed = f.facts['FED.target.last_change_date'];
  const cut = boolOf(f, 'FED.target.last_change_cut');
  if (changed && typeof changed.value === 'string' && cut !== undefined && cut === move > 0) {
    const inPeriod =
      period === 'month'
        ? changed.value.slice(0, 7) === f.asOf.slice(0, 7)
        : (Date.parse(f.asOf) - Date.parse(changed.value)) / 86_400_000 <= 7;
    if (inPeriod) {
      return {
        text: ` after the Fed's ${changed.display} rate ${cut ? 'cut' : 'increase'}`,
        facts: ['FED.target.last_change_date', 'FED.target.last_change_cut'],
      };
    }
  }
  const bp = numberOf(f, ids.yieldMove);
  if (bp === undefined || Math.abs(bp) < settings.headlineCauseBp || bp < 0 !== move > 0) return undefined;
  return {
    // The week is the five sessions, but the claim check reads "13 basis points on the week" as a
    // weekly figure, which DGS2.change.5d is not: the week gives the yield move beside the gain.
    text: `${period === 'week' ? '; 2-year Treasury yield' : ' as the 2-year Treasury yield'} ${bp < 0 ? 'falls' : 'rises'} ${magnitudeOf(f, ids.yieldMove)} basis points`,
    facts: [ids.yieldMove],
  };
}

/** Whether a move is too small to lead a headline on its own (`stories.headlineMinMove`). */
export function tooSmallToLead(
  f: FactSet,
  id: string,
  period: keyof StorySettings['headlineMinMove'],
  settings: StorySettings,
): boolean {
  const move = numberOf(f, id);
  return move !== undefined && Math.abs(move) < settings.headlineMinMove[period];
}

/**
 * ", up 8.1% for the year": what a headline says after "little changed" when the period's move
 * is no story; undefined without the year's move.
 */
export function yearSoFar(f: FactSet): string | undefined {
  const ytd = numberOf(f, 'RUT.return.ytd');
  if (ytd === undefined || ytd === 0) return undefined;
  return `, ${ytd > 0 ? 'up' : 'down'} ${magnitudeOf(f, 'RUT.return.ytd')} for the year`;
}
