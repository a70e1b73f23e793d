/**
 * Headline phrases for a five-session move seen from the day (issue 11): a down day is never
 * headlined as a gain without saying both ("Small caps slip 0.8% but hold a 4.2% five-session
 * gain"), and a day that adds to the run says so, so two sessions with the same five-session
 * figure do not get the same headline.
 */
import type { FactSet } from '../../facts/types.ts';
import { magnitudeOf, numberOf } from '../fact-view.ts';
import { headlineVerb } from '../lexicon.ts';
import { withArticle } from '../style/articles.ts';

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
 * "slip 0.8% but hold a 4.2% five-session gain" (after "Small caps") when the day went against
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
 * The day and the run in one headline phrase: `dayAgainstRun`, or "rise 1.1%, extending their
 * five-session gain to 4.2%" when the day added to a larger run; undefined when the
 * five-session move alone tells the day.
 */
export function dayAndRun(f: FactSet): string | undefined {
  const against = dayAgainstRun(f);
  if (against !== undefined) return against;
  const m = moves(f);
  if (m === undefined || Math.abs(m.run) <= Math.abs(m.day)) return undefined;
  return `${m.dayPart}, extending their five-session ${m.run > 0 ? 'gain' : 'loss'} to ${m.runSize}`;
}
