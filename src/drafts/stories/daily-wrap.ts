/**
 * The daily wrap: how the Russell 2000 moved against large caps, where it stands against its
 * record and its 200-day average, and where it still lags. Written every session.
 */
import { weekKey } from '../../calendar/dates.ts';
import type { FactSet } from '../../facts/types.ts';
import { ANGLE_RULES, type ScoredAngle } from '../angles.ts';
import { boolOf, magnitudeOf, numberOf, weekIsFiveSessions } from '../fact-view.ts';
import { headlineVerb } from '../lexicon.ts';
import { dayAndRun, headlineCause, tooSmallToLead, yearSoFar } from './headline-moves.ts';
import { bestSinceAngle, closesPeriod } from './period-recaps.ts';
import type { Pick, Story, StorySettings } from './story.ts';

export const CORE_FACTS = [
  'RUT.close',
  'RUT.change.1d',
  'RUT.return.5d',
  'RUT.return.ytd',
  'SPX.close',
  'SPX.change.1d',
  'SPX.return.5d',
  'SPX.return.ytd',
];

export const dailyWrap: Story = {
  id: 'daily-wrap',
  slug: 'daily-wrap',
  template: 'articles/daily-wrap',
  tags: ['S&P 500', 'daily wrap'],
  requires: CORE_FACTS,
  needs: ['RUT', 'RUT.history', 'SPX', 'RUT.vs'],
  applies: () => 'The daily wrap is written every session.',
  angles: [
    ANGLE_RULES['record']!,
    ANGLE_RULES['fiveDays']!,
    ANGLE_RULES['day']!,
    ANGLE_RULES['upStreak']!,
    ANGLE_RULES['downStreak']!,
    // On a week's last session the week's superlative is the day's strongest claim short of a record.
    (f, s) => (closesPeriod(f.asOf, weekKey) ? bestWeekAngle(f, s) : undefined),
  ],
  headline: (f, lead, pick, settings) => dailyHeadline(f, lead, pick, settings),
};

const bestWeek = bestSinceAngle('RUT.return.week', 'RUT.week.best_since', 'week');

/**
 * The week's best-since, on its last session. When the week is the five sessions, the
 * superlative says all the five-session move says and more, so it outranks that move too; a
 * record close still leads (the best-since stays under it).
 */
function bestWeekAngle(f: FactSet, symbol: string): ScoredAngle | undefined {
  const best = bestWeek(f);
  if (best === undefined) return undefined;
  const five = weekIsFiveSessions(f) ? ANGLE_RULES['fiveDays']!(f, symbol) : undefined;
  if (five === undefined || five.score < best.score || boolOf(f, 'RUT.record.today') === true) return best;
  return { ...best, score: five.score + 1 };
}

/**
 * The lead number in the headline: a record, a five-session move, or the day's move. A move
 * too small to lead (`stories.headlineMinMove`) gives way to the other one, and when both are
 * small the headline says so and gives the year ("Russell 2000 little changed at 2,100.12, up
 * 8.1% for the year").
 */
export function dailyHeadline(
  f: FactSet,
  lead: ScoredAngle | undefined,
  pick: Pick,
  settings: StorySettings,
): string {
  const close = f.facts['RUT.close']!.display;
  if (lead?.id === 'RUT.record.today') {
    // The day's move leads: the record-high piece of the same session has the record headline.
    const day = numberOf(f, 'RUT.change.1d')!;
    const move = magnitudeOf(f, 'RUT.change.1d');
    return pick([
      `Small caps ${headlineVerb(day)} ${move} to a record close of ${close}`,
      `Russell 2000 ${headlineVerb(day).replace(/^(\w+)/, '$1s')} ${move} to a record ${close}`,
    ]);
  }
  if (lead?.id === 'RUT.week.best_since') {
    // "Small caps rise 1.2%, capping their best week since Nov. 3, 2023": the day's move, then
    // what it completed (a down day "ends" the week rather than caps it).
    const day = numberOf(f, 'RUT.change.1d')!;
    const best = f.facts['RUT.week.best_since']!;
    const since = best.value === null ? 'on record' : `since ${best.display}`;
    return `Small caps ${headlineVerb(day)} ${magnitudeOf(f, 'RUT.change.1d')}${day > 0 ? ', capping' : ' but end'} their best week ${since}`;
  }
  const smallDay = tooSmallToLead(f, 'RUT.change.1d', 'day', settings);
  const smallRun = tooSmallToLead(f, 'RUT.return.5d', 'five', settings);
  const year = yearSoFar(f);
  if (smallDay && smallRun && year !== undefined) return `Russell 2000 little changed at ${close}${year}`;
  if ((lead?.id === 'RUT.return.5d' && !smallRun) || smallDay) {
    const both = dayAndRun(f);
    if (both !== undefined) return `Small caps ${both}`;
    const move = numberOf(f, 'RUT.return.5d')!;
    const cause = headlineCause(f, 'five', settings);
    const beat =
      cause?.text ??
      (move > 0 && move > (numberOf(f, 'SPX.return.5d') ?? 0) ? ', outpacing the S&P 500' : '');
    return `Small caps ${headlineVerb(move, 5)} ${magnitudeOf(f, 'RUT.return.5d')} in five sessions${beat}`;
  }
  const day = numberOf(f, 'RUT.change.1d')!;
  return pick([
    `Small caps ${headlineVerb(day)} ${magnitudeOf(f, 'RUT.change.1d')}; Russell 2000 ends at ${close}`,
    `Russell 2000 ${headlineVerb(day).replace(/^(\w+)/, '$1s')} ${magnitudeOf(f, 'RUT.change.1d')} to ${close}`,
  ]);
}
