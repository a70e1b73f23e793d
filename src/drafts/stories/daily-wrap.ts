/**
 * The daily small-cap piece: how the Russell 2000 moved against large caps, where it stands
 * against its record and its 200-day average, and where it still lags. Always applies when the
 * Russell 2000 and the S&P 500 have a close for the session.
 */
import { dayOfWeek, yearOf } from '../../calendar/dates.ts';
import { formatDate } from '../../facts/format.ts';
import type { FactSet } from '../../facts/types.ts';
import { boolOf, has, numberOf } from '../fact-view.ts';
import { bodyVerb, gainedOrLost, headlineVerb, upOrDown, weekdayName } from '../lexicon.ts';
import type { Story, StoryAngle } from './story.ts';

/** A record that ends a drought at least this long is worth its own sentence. */
const LONG_DROUGHT_SESSIONS = 60;
/** A five-session move at least this large leads the piece instead of the day's move. */
const LEAD_WITH_FIVE_DAYS = 0.03;
/** "That run accounts for X of the year's gain" is worth saying from this share and this run up. */
const TELLING_YTD_SHARE = 0.25;
const TELLING_RUN = 0.02;

const REQUIRED = [
  'RUT.close',
  'RUT.change.1d',
  'RUT.return.5d',
  'RUT.return.ytd',
  'SPX.close',
  'SPX.change.1d',
  'SPX.return.5d',
  'SPX.return.ytd',
];

export const smallCapsDaily: Story = {
  id: 'small-caps-daily',
  slug: 'small-caps-daily',
  template: 'articles/small-caps-daily',
  tags: ['small caps', 'Russell 2000', 'S&P 500', 'daily'],
  requires: REQUIRED,

  angle(f: FactSet): StoryAngle {
    const day = numberOf(f, 'RUT.change.1d')!;
    const fiveDays = numberOf(f, 'RUT.return.5d')!;
    const spxFiveDays = numberOf(f, 'SPX.return.5d')!;
    const rut = f.facts;
    if (boolOf(f, 'RUT.record.today')) {
      return {
        lead: 'RUT.record.today',
        reason: 'The Russell 2000 closed at a record.',
        headline: `Russell 2000 closes at a record ${rut['RUT.close']!.display}`,
      };
    }
    if (Math.abs(fiveDays) >= LEAD_WITH_FIVE_DAYS) {
      const beat = fiveDays > 0 && fiveDays > spxFiveDays ? ', outpacing the S&P 500' : '';
      return {
        lead: 'RUT.return.5d',
        reason: `The five-session move (${rut['RUT.return.5d']!.display}) is at least ${LEAD_WITH_FIVE_DAYS * 100}% either way.`,
        headline: `Small caps ${headlineVerb(fiveDays, 5)} ${magnitude(f, 'RUT.return.5d')} in five sessions${beat}`,
      };
    }
    return {
      lead: 'RUT.change.1d',
      reason: 'No record and no large five-session move: the day’s move leads.',
      headline: `Small caps ${headlineVerb(day)} ${magnitude(f, 'RUT.change.1d')}; Russell 2000 ends at ${rut['RUT.close']!.display}`,
    };
  },

  view(f: FactSet) {
    const num = (id: string) => numberOf(f, id) ?? 0;
    const share = numberOf(f, 'RUT.ytd_share.5d');
    const drought = numberOf(f, 'RUT.record.drought_sessions') ?? 0;
    const recordToday = boolOf(f, 'RUT.record.today') === true;
    return {
      as_of_day: weekdayName(dayOfWeek(f.asOf)),
      as_of_date: formatDate(f.asOf),
      year: String(yearOf(f.asOf)),
      data_start: f.series['RUT'] ? formatDate(f.series['RUT'].first) : 'the start of the data',
      w: {
        day_verb: bodyVerb(num('RUT.change.1d')),
        spx_day_verb: bodyVerb(num('SPX.change.1d')),
        five_day_updown: upOrDown(num('RUT.return.5d')),
        spx_5d_updown: upOrDown(num('SPX.return.5d')),
        ytd_updown: upOrDown(num('RUT.return.ytd')),
        spx_ytd_updown: upOrDown(num('SPX.return.ytd')),
        spx_ytd_noun: num('SPX.return.ytd') >= 0 ? 'gain' : 'loss',
        ytd_gained: gainedOrLost(num('RUT.return.ytd')),
        ruj_ytd: upOrDown(num('RUJ.return.ytd')),
        ruo_ytd: upOrDown(num('RUO.return.ytd')),
      },
      is: {
        demo: f.dataset === 'demo',
        up_5d: num('RUT.return.5d') >= 0,
        // "bringing its five-session gain to" reads right only when the day added to a larger gain.
        five_day_extends: num('RUT.change.1d') > 0 && num('RUT.return.5d') > num('RUT.change.1d'),
        leads_spx_5d: num('RUT.return.5d') > num('SPX.return.5d'),
        share_of_year:
          share !== undefined &&
          share >= TELLING_YTD_SHARE &&
          share <= 1 &&
          num('RUT.return.5d') >= TELLING_RUN,
        share_exceeds_year: share !== undefined && share > 1 && num('RUT.return.5d') >= TELLING_RUN,
        outperform_streak: num('RUT.vs.SPX.outperform_streak') >= 2,
        streak_up: num('RUT.streak.up') >= 3,
        streak_down: num('RUT.streak.down') >= 3,
        record_today: recordToday,
        first_record_of_year: recordToday && num('RUT.record.count_ytd') === 1,
        later_record_of_year: recordToday && num('RUT.record.count_ytd') > 1,
        drought_ended: recordToday && drought >= LONG_DROUGHT_SESSIONS,
        drought_longest_known: has(f, 'RUT.record.drought_longest_since'),
        below_record: !recordToday && has(f, 'RUT.record.pct_below') && num('RUT.record.pct_below') < 0,
        sma_known: has(f, 'RUT.sma200'),
        above_sma: boolOf(f, 'RUT.sma200.above') === true,
        cross_known: has(f, 'RUT.sma200.cross_date'),
        lags_ytd: num('RUT.return.ytd') < num('SPX.return.ytd'),
        years_under: num('RUT.vs.SPX.years_under') >= 2,
        style_known: has(f, 'RUJ.return.ytd') && has(f, 'RUO.return.ytd'),
      },
    };
  },
};

function magnitude(f: FactSet, id: string): string {
  const display = f.facts[id]!.display;
  return display.startsWith('-') ? display.slice(1) : display;
}
