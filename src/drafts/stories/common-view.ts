/**
 * Words and flags every story's template can use: verbs for the day's and the period's moves,
 * and the conditions that decide which sentences a piece carries. Numbers never come from here:
 * only from the FactSet's display text.
 */
import { dayOfWeek, monthOf, yearOf } from '../../calendar/dates.ts';
import { formatDate } from '../../facts/format.ts';
import type { FactSet } from '../../facts/types.ts';
import { boolOf, has, numberOf, weekIsFiveSessions } from '../fact-view.ts';
import { bodyVerb, gainedOrLost, upOrDown, weekdayName } from '../lexicon.ts';
import { smaMargin } from '../plan.ts';
import { connected, directionOf, relationOf } from '../style/connectives.ts';
import { sessionKind } from '../style/session-kind.ts';
import { reachesBack } from '../style/since.ts';
import { leadWords, smaPosition, ytdGapSize } from '../style/size-words.ts';
import { closesPeriod } from './period-recaps.ts';
import type { StorySettings } from './story.ts';

/** "That run accounts for X of the year's gain" is worth saying from this share and this run up. */
const TELLING_YTD_SHARE = 0.25;
const TELLING_RUN = 0.02;
/** "The year still belongs to large caps" from this gap in year-to-date returns (5 points). */
const WIDE_YTD_GAP = 0.05;
/** "Well above its 200-day average" from 10% above it. */
const WELL_ABOVE_SMA = 0.1;
/** "Left behind the rest of the market" from a five-session lead of 4 points. */
const WIDE_FIVE_DAY_LEAD = 0.04;

/** How the start of a number is read decides a/an: eight, 11, 18, 80–89 and 800–899 take "an". */
export function articleFor(display: string): 'a' | 'an' {
  const whole =
    display
      .replace(/^[-+$]/, '')
      .replace(/,/g, '')
      .split('.')[0] ?? '';
  if (whole.startsWith('8')) return 'an';
  // 11 and 18 are read "eleven", "eighteen"; so are 11,000 and 18,000, but not 110 or 180.
  const lead = whole.length % 3 === 2 ? whole.slice(0, 2) : '';
  return lead === '11' || lead === '18' ? 'an' : 'a';
}

/** Flags for the Fed sentence: whether the last change was a cut, recent, and a turn. */
function fedView(f: FactSet) {
  const last = f.facts['FED.target.last_change_date']?.value;
  const recent =
    typeof last === 'string' && (Date.parse(f.asOf) - Date.parse(last)) / 86_400_000 <= RECENT_FED_DAYS;
  const cut = boolOf(f, 'FED.target.last_change_cut') === true;
  return {
    recent_cut: recent && cut,
    recent_hike: recent && !cut,
    on_hold: !recent,
    last_was_cut: cut,
    first_since: has(f, 'FED.target.first_since'),
  };
}

/** A change of the target range within this many days is news the piece leads its why with. */
const RECENT_FED_DAYS = 92;

/** `art.SPX_return_1y` → "a" or "an" for each percentage fact (dots become underscores: flat keys). */
function articlesOf(f: FactSet): Record<string, string> {
  return Object.fromEntries(
    Object.values(f.facts)
      .filter((fact) => fact.value !== null && fact.unit === 'fraction')
      .map((fact) => [fact.id.replaceAll('.', '_'), articleFor(fact.display.replace(/^-/, ''))]),
  );
}

export function commonView(f: FactSet, settings: StorySettings) {
  const num = (id: string) => numberOf(f, id) ?? 0;
  const share = numberOf(f, 'RUT.ytd_share.5d');
  const drought = numberOf(f, 'RUT.record.drought_sessions') ?? 0;
  const recordToday = boolOf(f, 'RUT.record.today') === true;
  const noun = (x: number) => (x >= 0 ? 'gain' : 'loss');
  const sinceReachesBack = (unit: string) => {
    const since = f.facts[`RUT.${unit}.best_since`]?.value;
    return typeof since === 'string' && reachesBack(unit, since, f.asOf);
  };
  const close = numberOf(f, 'RUT.close');
  const sma = numberOf(f, 'RUT.sma200');
  const session = sessionKind(f.asOf);
  const margin = smaMargin(f);
  const ytdGap = num('SPX.return.ytd') - num('RUT.return.ytd');
  const fiveDayLead = num('RUT.return.5d') - num('SPX.return.5d');
  const provisional = num('RUT.vs.SPX.years_under.provisional');
  const longest = num('RUT.vs.SPX.years_under.longest');
  return {
    as_of_day: weekdayName(dayOfWeek(f.asOf)),
    // " in a holiday-shortened session" after "on Friday" (Nov. 28, 2025 closed at 1 p.m.).
    session_note: session.phrase === '' ? '' : ` in ${session.phrase}`,
    session_phrase: session.phrase,
    as_of_date: formatDate(f.asOf),
    year: String(yearOf(f.asOf)),
    data_start: f.series['RUT'] ? formatDate(f.series['RUT'].first) : 'the start of the data',
    data_year: f.series['RUT'] ? f.series['RUT'].first.slice(0, 4) : 'the start of the data',
    /** "a" or "an" before a percentage fact's display ("an 11.5% gain"): `art.SPX_return_ytd`. */
    art: articlesOf(f),
    w: {
      day_verb: bodyVerb(num('RUT.change.1d')),
      five_day_updown: upOrDown(num('RUT.return.5d')),
      spx_day_verb: bodyVerb(num('SPX.change.1d')),
      spx_5d_updown: upOrDown(num('SPX.return.5d')),
      week_updown: upOrDown(num('RUT.return.week')),
      spx_week_updown: upOrDown(num('SPX.return.week')),
      ndx_week_updown: upOrDown(num('NDX.return.week')),
      month_updown: upOrDown(num('RUT.return.mtd')),
      spx_month_updown: upOrDown(num('SPX.return.mtd')),
      ndx_month_updown: upOrDown(num('NDX.return.mtd')),
      ytd_updown: upOrDown(num('RUT.return.ytd')),
      spx_ytd_updown: upOrDown(num('SPX.return.ytd')),
      spx_ytd_noun: noun(num('SPX.return.ytd')),
      spx_5d_noun: noun(num('SPX.return.5d')),
      week_noun: noun(num('RUT.return.week')),
      month_noun: noun(num('RUT.return.mtd')),
      ytd_gained: gainedOrLost(num('RUT.return.ytd')),
      ruj_ytd: upOrDown(num('RUJ.return.ytd')),
      ruo_ytd: upOrDown(num('RUO.return.ytd')),
      // "just above", "above", "well above" its 200-day average, by the distance (size-words.ts).
      sma_position: close !== undefined && sma !== undefined ? smaPosition(close, sma) : 'near',
      // "have left behind the rest of the market" only for a lead of 3 points or more.
      lead_5d: leadWords(num('RUT.return.5d'), num('SPX.return.5d')) ?? 'have trailed the rest of the market',
      ytd_lag_opening: ytdLagOpening(num('RUT.return.5d'), num('RUT.return.ytd'), num('SPX.return.ytd')),
      rut_1y_updown: upOrDown(num('RUT.return.1y')),
      spx_1y_noun: noun(num('SPX.return.1y')),
    },
    // Two moves that print the same figure: the second can say "by the same margin" (style/repetition.ts).
    same: {
      day_5d: sameFigure(f, 'RUT.change.1d', 'RUT.return.5d'),
      day_spx_day: sameFigure(f, 'RUT.change.1d', 'SPX.change.1d'),
      week_spx_week: sameFigure(f, 'RUT.return.week', 'SPX.return.week'),
    },
    hist: {
      years_under_ties: provisional === longest,
      years_under_exceeds: provisional > longest,
      // A year as a word, not a figure: the front matter carries its fact (plan.ts `backs`).
      longest_end_year: String(numberOf(f, 'RUT.vs.SPX.years_under.longest_end') ?? ''),
      value_leads: num('RUJ.return.ytd') > num('RUT.return.ytd'),
      // "Within reach" from 3% below the record.
      record_near: num('RUT.record.pct_below') > -0.03,
    },
    fed_is: fedView(f),
    yr: {
      // "Even after the run" needs a run in the piece; "belongs to large caps" a real gap.
      contrast: num('RUT.return.5d') >= TELLING_RUN && ytdGap > 0,
      wide_gap: ytdGap >= WIDE_YTD_GAP,
      // Within a point and closing (RUT.vs.SPX.ytd_race.nearly_caught_up, `facts.ytdRace`): a race, not a lag.
      nearly: boolOf(f, 'RUT.vs.SPX.ytd_race.nearly_caught_up') === true,
    },
    is: {
      demo: f.dataset === 'demo',
      up_day: num('RUT.change.1d') > 0,
      spx_day_moved: num('SPX.change.1d') !== 0,
      up_5d: num('RUT.return.5d') >= 0,
      // "bringing its five-session gain to" reads right only when the day added to a larger gain.
      five_day_extends: num('RUT.change.1d') > 0 && num('RUT.return.5d') > num('RUT.change.1d'),
      leads_spx_5d: num('RUT.return.5d') > num('SPX.return.5d'),
      leads_spx_week: num('RUT.return.week') > num('SPX.return.week'),
      leads_spx_month: num('RUT.return.mtd') > num('SPX.return.mtd'),
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
      records_this_year: num('RUT.record.count_ytd') >= 2,
      drought_ended: recordToday && drought >= settings.longDrought,
      drought_longest_known: has(f, 'RUT.record.drought_longest_since'),
      below_record: !recordToday && has(f, 'RUT.record.pct_below') && num('RUT.record.pct_below') < 0,
      sma_known: has(f, 'RUT.sma200'),
      above_sma: boolOf(f, 'RUT.sma200.above') === true,
      well_above_sma: margin !== undefined && margin >= WELL_ABOVE_SMA,
      wide_5d_lead: fiveDayLead >= WIDE_FIVE_DAY_LEAD,
      cross_known: has(f, 'RUT.sma200.cross_date'),
      lags_ytd: num('RUT.return.ytd') < num('SPX.return.ytd'),
      years_under: num('RUT.vs.SPX.years_under') >= 2,
      style_known: has(f, 'RUJ.return.ytd') && has(f, 'RUO.return.ytd'),
      ndx_week_known: has(f, 'NDX.return.week'),
      ndx_month_known: has(f, 'NDX.return.mtd'),
      // A "best week since" the week right before says nothing: left out (style/since.ts).
      week_best_known: sinceReachesBack('week'),
      // On a week's last session the week's move is the five-session move the lead already
      // printed: the best-week line then names the week without printing the figure a third time.
      week_is_five: weekIsFiveSessions(f),
      month_best_known: sinceReachesBack('month'),
      short_session: session.kind !== 'full',
      // On a month's last session the month to date is the month: "ended the month up 7.0%".
      month_closes: closesPeriod(f.asOf, monthOf),
      record_prev_session: num('RUT.record.sessions_since') === 1,
      week_best_on_record: f.facts['RUT.week.best_since']?.value === null && num('RUT.return.week') > 0,
      month_best_on_record: f.facts['RUT.month.best_since']?.value === null && num('RUT.return.mtd') > 0,
      up_week: num('RUT.return.week') > 0,
      up_month: num('RUT.return.mtd') > 0,
    },
  };
}

/** Whether two nonzero moves print the same size ("0.6%"), whatever their directions. */
function sameFigure(f: FactSet, a: string, b: string): boolean {
  const size = (id: string) => f.facts[id]?.display.replace(/^[-+]/, '');
  return size(a) !== undefined && size(a) === size(b) && num(f, a) !== 0 && num(f, b) !== 0;
}

const num = (f: FactSet, id: string) => numberOf(f, id) ?? 0;

/**
 * How the year's lag opens its paragraph: "For all that" only after a gain it contrasts with,
 * "The year still belongs to large caps" only for a wide gap, "only slightly" for a narrow one.
 */
function ytdLagOpening(fiveDay: number, small: number, large: number): string {
  const gap = ytdGapSize(small, large);
  if (gap === 'narrow') return 'Small caps trail only slightly for the year';
  const sentence =
    gap === 'wide' ? 'The year still belongs to large caps' : 'Small caps still trail for the year';
  // A lag after a gain is a turn; after a loss it is more of the same, and needs no connective.
  return relationOf(directionOf(fiveDay), 'negative') === 'contrast'
    ? connected('contrast', sentence)
    : sentence;
}
