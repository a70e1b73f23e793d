/**
 * Rates and the Fed: when the futures-implied odds of a cut moved, or the 2-year yield did, by
 * the configured amounts. Small caps borrow more at floating rates than large companies, so the
 * desk writes the rate move and the small-cap move side by side.
 */
import type { FactSet } from '../../facts/types.ts';
import type { ScoredAngle } from '../angles.ts';
import { magnitudeOf, numberOf } from '../fact-view.ts';
import { upOrDown } from '../lexicon.ts';
import { CORE_FACTS } from './daily-wrap.ts';
import { dayAgainstRun } from './headline-moves.ts';
import type { Story, StorySettings } from './story.ts';

function oddsMove(f: FactSet, settings: StorySettings): number | undefined {
  const change = numberOf(f, 'FED.cut_probability.change');
  return change !== undefined && Math.abs(change) >= settings.cutOddsMove ? change : undefined;
}

function yieldMove(f: FactSet, settings: StorySettings): number | undefined {
  const change = numberOf(f, 'DGS2.change.5d'); // basis points
  return change !== undefined && Math.abs(change) >= settings.twoYearMove * 100 ? change : undefined;
}

/** The rate the rates piece charts under the Russell 2000: its copy is about the 2-year yield. */
export const CHART_RATES = ['DGS2'] as const;

export function ratesFed(settings: StorySettings): Story {
  return {
    id: 'rates-fed',
    slug: 'rates-fed',
    template: 'articles/rates-fed',
    quoteTopics: ['rates', 'fed', 'small-caps'],
    tags: ['rates', 'Federal Reserve', 'Treasury yields'],
    chartRates: CHART_RATES,
    requires: [...CORE_FACTS, 'DGS2.level', 'DGS2.change.5d'],
    needs: ['RUT', 'SPX', 'rates', 'fed'],
    applies(f) {
      const odds = oddsMove(f, settings);
      const twoYear = yieldMove(f, settings);
      if (odds !== undefined)
        return `Cut odds moved ${f.facts['FED.cut_probability.change']!.display} points in a week.`;
      if (twoYear !== undefined)
        return `The 2-year yield moved ${f.facts['DGS2.change.5d']!.display} basis points in five sessions.`;
      return null;
    },
    angles: [
      (f): ScoredAngle | undefined => {
        const odds = oddsMove(f, settings);
        if (odds === undefined) return undefined;
        return {
          id: 'FED.cut_probability.change',
          score: Math.min(90, Math.round(50 + Math.abs(odds) * 150)),
          reason: `Futures moved the odds of a cut at the next meeting by ${f.facts['FED.cut_probability.change']!.display} points in a week.`,
        };
      },
      (f): ScoredAngle | undefined => {
        const move = yieldMove(f, settings);
        if (move === undefined) return undefined;
        return {
          id: 'DGS2.change.5d',
          score: Math.min(85, Math.round(45 + Math.abs(move))),
          reason: `The 2-year Treasury yield moved ${f.facts['DGS2.change.5d']!.display} basis points in five sessions.`,
        };
      },
    ],
    headline(f, lead) {
      if (lead?.id === 'FED.cut_probability.change') {
        const up = (numberOf(f, 'FED.cut_probability.change') ?? 0) > 0;
        return `Rate-cut odds ${up ? 'rise' : 'fall'} to ${f.facts['FED.cut_probability.next']!.display} for the ${f.facts['FED.next_meeting']!.display} Fed meeting`;
      }
      const move = numberOf(f, 'DGS2.change.5d') ?? 0;
      const smallCaps =
        dayAgainstRun(f, { period: false }) ??
        `${upOrDown(numberOf(f, 'RUT.return.5d') ?? 0)} ${magnitudeOf(f, 'RUT.return.5d')}`;
      return `Two-year Treasury yield ${move < 0 ? 'falls' : 'rises'} ${magnitudeOf(f, 'DGS2.change.5d')} basis points in five sessions; small caps ${smallCaps}`;
    },
    view(f) {
      const num = (id: string) => numberOf(f, id) ?? 0;
      return {
        rates: {
          two_year_verb:
            num('DGS2.change.5d') < 0 ? 'fell' : num('DGS2.change.5d') > 0 ? 'rose' : 'was unchanged',
          ten_year_known: f.facts['DGS10.level'] !== undefined,
          odds_known:
            f.facts['FED.cut_probability.next'] !== undefined && f.facts['FED.next_meeting'] !== undefined,
          odds_change_known: f.facts['FED.cut_probability.change'] !== undefined,
          odds_up: num('FED.cut_probability.change') > 0,
          hike_priced: num('FED.hike_probability.next') >= 0.05,
        },
      };
    },
  };
}
