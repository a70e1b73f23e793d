/**
 * Relative strength: the Russell 2000 leading the S&P 500 by a clear margin over five
 * sessions — the "small caps are finally catching up" piece, with the other side (the year)
 * kept in view.
 */
import { ANGLE_RULES } from '../angles.ts';
import { magnitudeOf, numberOf } from '../fact-view.ts';
import { headlineVerb } from '../lexicon.ts';
import { withArticle } from '../style/articles.ts';
import { CORE_FACTS } from './daily-wrap.ts';
import { dayAgainstRun, tooSmallToLead } from './headline-moves.ts';
import type { Story } from './story.ts';

export const smallCapRally: Story = {
  id: 'small-cap-rally',
  slug: 'small-cap-rally',
  template: 'articles/small-cap-rally',
  quoteTopics: ['rally', 'small-caps'],
  tags: ['S&P 500', 'relative strength'],
  requires: CORE_FACTS,
  needs: ['RUT', 'RUT.history', 'SPX', 'RUT.vs'],
  applies(f, settings) {
    const lead = (numberOf(f, 'RUT.return.5d') ?? 0) - (numberOf(f, 'SPX.return.5d') ?? 0);
    if ((numberOf(f, 'RUT.return.5d') ?? 0) <= 0 || lead < settings.rallyMargin) return null;
    return `The Russell 2000 leads the S&P 500 by ${(lead * 100).toFixed(1)} percentage points over five sessions (threshold ${(settings.rallyMargin * 100).toFixed(1)}).`;
  },
  angles: [
    ANGLE_RULES['relativeWeek']!,
    ANGLE_RULES['fiveDays']!,
    ANGLE_RULES['outperformStreak']!,
    ANGLE_RULES['shareOfYear']!,
    ANGLE_RULES['upStreak']!,
  ],
  headline(f, lead, pick, settings) {
    const move = magnitudeOf(f, 'RUT.return.5d');
    const verb = headlineVerb(numberOf(f, 'RUT.return.5d')!, 5);
    if (lead?.id === 'RUT.vs.SPX.outperform_streak') {
      return `Small caps beat large caps for ${f.facts['RUT.vs.SPX.outperform_streak']!.display} straight sessions`;
    }
    const against = dayAgainstRun(f);
    if (against !== undefined) return `Small caps ${against}, ahead of large caps`;
    if (lead?.id === 'RUT.ytd_share.5d') {
      // A share above 100% ("194.5% of the year's gain") says the year was down before the run.
      return (numberOf(f, 'RUT.ytd_share.5d') ?? 0) > 1
        ? `Small caps ${verb} ${move} in five sessions, more than their gain for the year`
        : `Small caps ${verb} ${move} in five sessions, ${f.facts['RUT.ytd_share.5d']!.display} of the year's gain`;
    }
    // A small gain is the story only next to what large caps did over the same sessions.
    if (tooSmallToLead(f, 'RUT.return.5d', 'five', settings)) {
      const spx = numberOf(f, 'SPX.return.5d') ?? 0;
      return `Small caps ${verb} ${move} in five sessions as the S&P 500 ${headlineVerb(spx, 5).replace(/^(\w+)/, '$1s')} ${magnitudeOf(f, 'SPX.return.5d')}`;
    }
    return pick([
      `Small caps ${verb} ${move} in five sessions, leaving large caps behind`,
      `Russell 2000 outruns the S&P 500 with ${withArticle(`${move} five-session gain`)}`,
    ]);
  },
};
