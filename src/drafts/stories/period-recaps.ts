/**
 * The weekly and monthly recaps: written on the last session of a calendar week or month,
 * with the period's move, how it compares with earlier periods, and the year so far.
 */
import { monthOf, weekKey } from '../../calendar/dates.ts';
import { CALENDAR_LAST, nextSession } from '../../calendar/nyse.ts';
import type { FactSet } from '../../facts/types.ts';
import type { ScoredAngle } from '../angles.ts';
import { magnitudeOf, numberOf } from '../fact-view.ts';
import { headlineVerb } from '../lexicon.ts';
import { headlineCause, tooSmallToLead, yearSoFar } from './headline-moves.ts';
import type { Story } from './story.ts';

const nextSessionAfter = (date: string) => (date < CALENDAR_LAST ? nextSession(date) : undefined);

/** True when the session after `asOf` falls in another period (so `asOf` closes this one). */
export function closesPeriod(asOf: string, periodOf: (d: string) => string): boolean {
  const next = nextSessionAfter(asOf);
  return next === undefined || periodOf(next) !== periodOf(asOf);
}

/**
 * The period's gain as its best since a date at least half a year back (or ever). It outranks
 * the bare move (at most 80), which it contains ("their best week since X, up 4.2%"), and stays
 * under a record close (85 and up): the strongest claim the data support leads.
 */
export const bestSinceAngle =
  (returnId: string, bestId: string, label: string) =>
  (f: FactSet): ScoredAngle | undefined => {
    const move = numberOf(f, returnId);
    const best = f.facts[bestId];
    if (move === undefined || move <= 0 || best === undefined) return undefined;
    if (best.value === null) return { id: bestId, score: 95, reason: `The best ${label} in the data.` };
    const years = (Date.parse(f.asOf) - Date.parse(String(best.value))) / (365.25 * 86_400_000);
    if (years < 0.5) return undefined;
    return {
      id: bestId,
      score: Math.min(84, Math.round(81 + years * 2)),
      reason: `The best ${label} since ${best.display}.`,
    };
  };

const periodMoveAngle =
  (id: string, label: string) =>
  (f: FactSet): ScoredAngle | undefined => {
    const move = numberOf(f, id);
    if (move === undefined) return undefined;
    return {
      id,
      score: Math.min(80, Math.round(30 + Math.abs(move) * 1000)),
      reason: `The ${label} move: ${f.facts[id]!.display}.`,
    };
  };

export const weeklyRecap: Story = {
  id: 'weekly-recap',
  slug: 'weekly-recap',
  template: 'articles/weekly-recap',
  period: 'week',
  tags: ['weekly recap'],
  requires: ['RUT.close', 'RUT.return.week', 'SPX.return.week', 'RUT.return.ytd', 'SPX.return.ytd'],
  needs: ['RUT', 'RUT.history', 'SPX', 'NDX'],
  applies: (f) => (closesPeriod(f.asOf, weekKey) ? 'The last session of the calendar week.' : null),
  angles: [
    bestSinceAngle('RUT.return.week', 'RUT.week.best_since', 'week'),
    periodMoveAngle('RUT.return.week', 'weekly'),
  ],
  headline(f, lead, pick, settings) {
    const move = numberOf(f, 'RUT.return.week')!;
    const size = magnitudeOf(f, 'RUT.return.week');
    if (lead?.id === 'RUT.week.best_since') {
      const best = f.facts['RUT.week.best_since']!;
      return best.value === null
        ? `Small caps post their best week on record, up ${size}`
        : `Small caps have their best week since ${best.display}, up ${size}`;
    }
    // "Russell 2000 ends the week up 0.2%" is no story: the year leads instead.
    const year = yearSoFar(f);
    if (tooSmallToLead(f, 'RUT.return.week', 'week', settings) && year !== undefined)
      return `Small caps end the week little changed${year}`;
    const cause = headlineCause(f, 'week', settings);
    if (cause !== undefined) return `Small caps ${headlineVerb(move, 5)} ${size} on the week${cause.text}`;
    return pick([
      `Small caps ${headlineVerb(move, 5)} ${size} on the week`,
      `Russell 2000 ends the week ${move >= 0 ? 'up' : 'down'} ${size}`,
    ]);
  },
};

export const monthlyRecap: Story = {
  id: 'monthly-recap',
  slug: 'monthly-recap',
  template: 'articles/monthly-recap',
  period: 'month',
  tags: ['monthly recap'],
  requires: ['RUT.close', 'RUT.return.mtd', 'SPX.return.mtd', 'RUT.return.ytd', 'SPX.return.ytd'],
  needs: ['RUT', 'RUT.history', 'SPX', 'NDX'],
  applies: (f) => (closesPeriod(f.asOf, monthOf) ? 'The last session of the calendar month.' : null),
  angles: [
    bestSinceAngle('RUT.return.mtd', 'RUT.month.best_since', 'month'),
    periodMoveAngle('RUT.return.mtd', 'monthly'),
  ],
  headline(f, lead, pick, settings) {
    const move = numberOf(f, 'RUT.return.mtd')!;
    const size = magnitudeOf(f, 'RUT.return.mtd');
    if (lead?.id === 'RUT.month.best_since') {
      const best = f.facts['RUT.month.best_since']!;
      return best.value === null
        ? `Small caps post their best month on record, up ${size}`
        : `Small caps have their best month since ${best.display}, up ${size}`;
    }
    const year = yearSoFar(f);
    if (tooSmallToLead(f, 'RUT.return.mtd', 'month', settings) && year !== undefined)
      return `Small caps end the month little changed${year}`;
    const cause = headlineCause(f, 'month', settings);
    if (cause !== undefined)
      return `Small caps ${move >= 0 ? 'gain' : 'lose'} ${size} in the month${cause.text}`;
    return pick([
      `Small caps ${move >= 0 ? 'gain' : 'lose'} ${size} in the month`,
      `Russell 2000 ends the month ${move >= 0 ? 'up' : 'down'} ${size}`,
    ]);
  },
};
