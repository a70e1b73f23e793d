/**
 * The daily wrap: how the Russell 2000 moved against large caps, where it stands against its
 * record and its 200-day average, and where it still lags. Written every session.
 */
import type { FactSet } from '../../facts/types.ts';
import { ANGLE_RULES, type ScoredAngle } from '../angles.ts';
import { magnitudeOf, numberOf } from '../fact-view.ts';
import { headlineVerb } from '../lexicon.ts';
import { dayAndRun } from './headline-moves.ts';
import type { Pick, Story } from './story.ts';

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
  tags: ['small caps', 'Russell 2000', 'S&P 500', 'daily wrap'],
  requires: CORE_FACTS,
  applies: () => 'The daily wrap is written every session.',
  angles: [
    ANGLE_RULES['record']!,
    ANGLE_RULES['fiveDays']!,
    ANGLE_RULES['day']!,
    ANGLE_RULES['upStreak']!,
    ANGLE_RULES['downStreak']!,
  ],
  headline: (f, lead, pick) => dailyHeadline(f, lead, pick),
};

/** The lead number in the headline: a record, a five-session move, or the day's move. */
export function dailyHeadline(f: FactSet, lead: ScoredAngle | undefined, pick: Pick): string {
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
  if (lead?.id === 'RUT.return.5d') {
    const both = dayAndRun(f);
    if (both !== undefined) return `Small caps ${both}`;
    const move = numberOf(f, 'RUT.return.5d')!;
    const beat = move > 0 && move > (numberOf(f, 'SPX.return.5d') ?? 0) ? ', outpacing the S&P 500' : '';
    return `Small caps ${headlineVerb(move, 5)} ${magnitudeOf(f, 'RUT.return.5d')} in five sessions${beat}`;
  }
  const day = numberOf(f, 'RUT.change.1d')!;
  return pick([
    `Small caps ${headlineVerb(day)} ${magnitudeOf(f, 'RUT.change.1d')}; Russell 2000 ends at ${close}`,
    `Russell 2000 ${headlineVerb(day).replace(/^(\w+)/, '$1s')} ${magnitudeOf(f, 'RUT.change.1d')} to ${close}`,
  ]);
}
