/**
 * The fact catalogue: for every statistic, its unit and what it means, in words an editor can
 * check by hand. Ids read as sentences: `RUT.vs.SPX.outperform_streak`. `{S}` is the series,
 * `{B}` the benchmark; the methodology page and `stats --explain` print these definitions.
 */
import { RATE_CHANGE_WINDOWS } from '../stats/rates.ts';
import type { FactUnit } from './types.ts';

/** The Fed facts from the calendar and the target range alone (no futures needed). */
export const FED_CONTEXT_IDS = [
  'next_meeting',
  'next_meeting.sessions',
  'target.lower',
  'target.upper',
  'target.last_change_date',
  'target.last_change_bp',
  'target.last_change_cut',
  'target.first_since',
];

export interface CatalogueEntry {
  unit: FactUnit;
  definition: string;
}

/** Single-series statistics, keyed by the id after `S.`. */
export const SERIES_FACTS: Record<string, CatalogueEntry> = {
  close: { unit: 'level', definition: 'Closing level of {S} on the as-of session.' },
  'change.1d': {
    unit: 'fraction',
    definition: 'Change of the close from the prior session: close ÷ prior close − 1.',
  },
  'change.1d.points': {
    unit: 'points',
    definition: 'Change of the close from the prior session, in index points.',
  },
  'return.5d': {
    unit: 'fraction',
    definition: 'Close vs the close 5 sessions earlier: close ÷ close[−5] − 1.',
  },
  'return.5d.points': {
    unit: 'points',
    definition: 'Points gained over the last 5 sessions: close − close[−5].',
  },
  'return.week': {
    unit: 'fraction',
    definition: 'Change since the last close of the prior calendar week (not a rolling 5 sessions).',
  },
  'return.mtd': { unit: 'fraction', definition: 'Month to date: close ÷ last close of the prior month − 1.' },
  'return.ytd': { unit: 'fraction', definition: 'Year to date: close ÷ last close of the prior year − 1.' },
  'return.ytd.points': {
    unit: 'points',
    definition: 'Points gained year to date: close − last close of the prior year.',
  },
  'return.1y': { unit: 'fraction', definition: 'One year: close ÷ close 252 sessions earlier − 1.' },
  'ytd_share.5d': {
    unit: 'fraction',
    definition:
      'Share of the year-to-date gain made in the last 5 sessions: 5-session points ÷ YTD points; none when {S} is not up for the year.',
  },
  'streak.up': {
    unit: 'sessions',
    definition:
      'Consecutive sessions with a higher close, ending on the as-of session; an unchanged close breaks it.',
  },
  'streak.down': {
    unit: 'sessions',
    definition:
      'Consecutive sessions with a lower close, ending on the as-of session; an unchanged close breaks it.',
  },
  'record.today': { unit: 'bool', definition: 'The as-of close is above every earlier close in the series.' },
  'record.count_ytd': {
    unit: 'count',
    definition: "Record closes in the as-of session's calendar year, through the as-of session.",
  },
  'record.last_date': {
    unit: 'date',
    definition: 'Date of the latest record close on or before the as-of session.',
  },
  'record.last_close': {
    unit: 'level',
    definition: 'The latest record close on or before the as-of session.',
  },
  'record.pct_below': {
    unit: 'fraction',
    definition: 'Distance of the close from the latest record close: close ÷ record − 1 (zero or negative).',
  },
  'record.sessions_since': {
    unit: 'sessions',
    definition: 'Sessions since the latest record close (0 on a record day).',
  },
  'record.drought_sessions': {
    unit: 'sessions',
    definition:
      'Sessions strictly between the last two record closes when the as-of close is a record; otherwise sessions since the last record.',
  },
  'record.drought_longest_since': {
    unit: 'date',
    definition:
      'End date of the most recent earlier stretch without a record that was at least as long; none means the longest in the data.',
  },
  'record.recent_drought.sessions': {
    unit: 'sessions',
    definition:
      'Of the record closes in the last 63 sessions (the as-of included), the longest stretch without a record that one of them ended: sessions strictly between it and the record before.',
  },
  'record.recent_drought.ended': {
    unit: 'date',
    definition: 'The record close that ended that drought.',
  },
  'record.recent_drought.longest_since': {
    unit: 'date',
    definition:
      'End date of the most recent drought before it that was at least as long; none means the longest in the data.',
  },
  'change.1d.rank': {
    unit: 'fraction',
    definition:
      "Share of all earlier one-session moves of {S} smaller in size than the as-of session's (how big the move is next to history).",
  },
  'return.5d.rank': {
    unit: 'fraction',
    definition:
      'Share of all earlier five-session moves of {S} smaller in size than the latest five-session move.',
  },
  'day.best_since': {
    unit: 'date',
    definition:
      "Most recent earlier session with a one-session gain at least as large as the as-of session's; none means the best on record.",
  },
  'week.best_since': {
    unit: 'date',
    definition:
      "End of the most recent earlier calendar week whose gain (prior week's last close to the week's last close) was at least as large as this week's so far; none means the best on record.",
  },
  'month.best_since': {
    unit: 'date',
    definition:
      "End of the most recent earlier calendar month with a gain at least as large as this month's so far; none means the best on record.",
  },
  'day.best_since.notable': {
    unit: 'bool',
    definition:
      'The best-day superlative is worth printing: {S} gained on the session, and `day.best_since` is at least `facts.superlativeMinPeriods.day` sessions back (default 10) or none (best on record).',
  },
  'day.worst_since': {
    unit: 'date',
    definition:
      "Most recent earlier session with a one-session move at least as bad as the as-of session's; none means the worst on record.",
  },
  'day.worst_since.notable': {
    unit: 'bool',
    definition:
      'The worst-day superlative is worth printing: {S} fell on the session, and `day.worst_since` is at least `facts.superlativeMinPeriods.day` sessions back (default 10) or none.',
  },
  'week.best_since.notable': {
    unit: 'bool',
    definition:
      'The best-week superlative is worth printing: {S} is up for the week, and `week.best_since` is at least `facts.superlativeMinPeriods.week` calendar weeks back (default 4) or none.',
  },
  'month.best_since.notable': {
    unit: 'bool',
    definition:
      'The best-month superlative is worth printing: {S} is up for the month, and `month.best_since` is at least `facts.superlativeMinPeriods.month` calendar months back (default 3) or none.',
  },
  'return.21d': {
    unit: 'fraction',
    definition: 'Close vs the close 21 sessions earlier (about a month): close ÷ close[−21] − 1.',
  },
  'close.highest_since': {
    unit: 'date',
    definition:
      'Most recent earlier session with a close at least as high as the as-of close ("the highest close since"); none means a record.',
  },
  'close.highest_since.notable': {
    unit: 'bool',
    definition:
      'The highest-close superlative is worth printing: the session it names is at least `facts.superlativeMinPeriods.close` sessions back (default 21), or none is (a record).',
  },
  'close.lowest_since': {
    unit: 'date',
    definition:
      'Most recent earlier session with a close at least as low as the as-of close; none means the lowest in the data.',
  },
  'close.lowest_since.notable': {
    unit: 'bool',
    definition:
      'The lowest-close superlative is worth printing: the session it names is at least `facts.superlativeMinPeriods.close` sessions back (default 21), or none is.',
  },
  ...windowSince(5, 'window5', 4),
  ...windowSince(21, 'window21', 3),
  'last5.best_day': {
    unit: 'date',
    definition: 'The session of the last five with the largest one-session gain; missing when none gained.',
  },
  'last5.best_day.change': { unit: 'fraction', definition: "That session's change from the session before." },
  'last5.best_day.best_since': {
    unit: 'date',
    definition:
      "That session's `day.best_since`: the most recent earlier session with a gain at least as large; none means the best on record.",
  },
  'last5.best_day.best_since.notable': {
    unit: 'bool',
    definition:
      'That best-since is at least `facts.superlativeMinPeriods.day` sessions before that session (default 10) or none.',
  },
  'last5.worst_day': {
    unit: 'date',
    definition: 'The session of the last five with the largest one-session loss; missing when none fell.',
  },
  'last5.worst_day.change': {
    unit: 'fraction',
    definition: "That session's change from the session before.",
  },
  'last5.worst_day.worst_since': {
    unit: 'date',
    definition:
      "That session's `day.worst_since`: the most recent earlier session with a loss at least as large; none means the worst on record.",
  },
  'last5.worst_day.worst_since.notable': {
    unit: 'bool',
    definition:
      'That worst-since is at least `facts.superlativeMinPeriods.day` sessions before that session (default 10) or none.',
  },
  'history.first_date': {
    unit: 'date',
    definition: 'First session of {S} in the data: how far back "on record" reaches.',
  },
  sma200: { unit: 'level', definition: 'Simple average of the last 200 closes, including the as-of close.' },
  'sma200.above': { unit: 'bool', definition: 'The as-of close is above its 200-session average.' },
  'sma200.cross_date': {
    unit: 'date',
    definition:
      'Latest session whose close crossed above its 200-session average (the prior close was at or below its own).',
  },
};

/** `return.Nd.best_since`, `.worst_since` and their `.notable` flags, for an N-session window. */
function windowSince(n: number, kind: string, defaultMin: number): Record<string, CatalogueEntry> {
  const window = `${n}-session`;
  const flag = (side: string, way: string): CatalogueEntry => ({
    unit: 'bool',
    definition: `The ${side} ${window} superlative is worth printing: {S} ${way} over the last ${n} sessions, and \`return.${n}d.${side}_since\` is at least \`facts.superlativeMinPeriods.${kind}\` windows back (default ${defaultMin}, i.e. ${defaultMin * n} sessions) or none.`,
  });
  return {
    [`return.${n}d.best_since`]: {
      unit: 'date',
      definition: `Last session of the most recent earlier ${window} window, ending on or before the current window's base ${n} sessions back (no overlap), with a move at least as large as the last ${n} sessions'; none means the best on record.`,
    },
    [`return.${n}d.best_since.notable`]: flag('best', 'gained'),
    [`return.${n}d.worst_since`]: {
      unit: 'date',
      definition: `Last session of the most recent earlier non-overlapping ${window} window with a move at least as bad as the last ${n} sessions'; none means the worst on record.`,
    },
    [`return.${n}d.worst_since.notable`]: flag('worst', 'fell'),
  };
}

/** `spread.Nd` (points) and `relative.Nd` (ratio) leads over N sessions, with widest-since and its flag. */
function leadFacts(n: number, kind: string, defaultMin: number): Record<string, CatalogueEntry> {
  const entries: Record<string, CatalogueEntry> = {};
  const measures = {
    spread: `In points: {S}'s ${n}-session return minus {B}'s (0.03 = 3 percentage points).`,
    relative: `As a ratio: (1 + {S}'s ${n}-session return) ÷ (1 + {B}'s) − 1, {S}'s close-to-close ratio against {B}'s.`,
  };
  for (const [measure, definition] of Object.entries(measures)) {
    const id = `${measure}.${n}d`;
    entries[id] = { unit: 'fraction', definition };
    entries[`${id}.widest_since`] = {
      unit: 'date',
      definition: `Last session of the most recent earlier ${n}-session window, ending on or before the current window's base (no overlap), with a lead of {S} over {B} at least as wide by \`${id}\`; none means the widest on record.`,
    };
    entries[`${id}.widest_since.notable`] = {
      unit: 'bool',
      definition: `The widest-lead superlative is worth printing: {S} leads {B} by \`${id}\`, and the window named is at least \`facts.superlativeMinPeriods.${kind}\` windows back (default ${defaultMin}, i.e. ${defaultMin * n} sessions) or none.`,
    };
  }
  return entries;
}

/** Statistics of a series against the benchmark, keyed by the id after `S.vs.B.`. */
export const RELATIVE_FACTS: Record<string, CatalogueEntry> = {
  outperform_streak: {
    unit: 'sessions',
    definition: "Consecutive sessions, ending on the as-of session, in which {S}'s daily return beat {B}'s.",
  },
  'spread.ytd': { unit: 'fraction', definition: "{S}'s year-to-date return minus {B}'s." },
  'spread.mtd': { unit: 'fraction', definition: "{S}'s month-to-date return minus {B}'s." },
  'month_spread.best_since': {
    unit: 'date',
    definition:
      'End of the most recent earlier month in which {S} beat {B} by at least as much as this month so far; none means the widest on record.',
  },
  'month_spread.best_since.notable': {
    unit: 'bool',
    definition:
      'The widest-monthly-lead superlative is worth printing: {S} leads {B} for the month, and the month named is at least `facts.superlativeMinPeriods.month` months back (default 3) or none.',
  },
  ...leadFacts(5, 'window5', 4),
  ...leadFacts(21, 'window21', 3),
  'spread.ytd.change.5d': {
    unit: 'fraction',
    definition:
      "Change of {S}'s year-to-date spread over {B} in the last 5 sessions, in percentage points (the race stands level, 0, before the year's first session).",
  },
  'spread.ytd.change.21d': {
    unit: 'fraction',
    definition:
      "Change of {S}'s year-to-date spread over {B} in the last 21 sessions, in percentage points (0 before the year's first session).",
  },
  'ytd_race.nearly_caught_up': {
    unit: 'bool',
    definition:
      '{S} trails {B} year to date by at most `facts.ytdRace.nearlyCaughtUp` (default 1 percentage point) and is closer than 21 sessions earlier.',
  },
  'ytd_race.widening': {
    unit: 'bool',
    definition:
      'The same side leads the year-to-date race as 5 sessions earlier, and its lead grew by at least `facts.ytdRace.gapMove` (default 1 percentage point).',
  },
  'ytd_race.narrowing': {
    unit: 'bool',
    definition:
      'The same side leads the year-to-date race as 5 sessions earlier, and its lead shrank by at least `facts.ytdRace.gapMove` (default 1 percentage point).',
  },
  'ytd_race.lead_changed': {
    unit: 'bool',
    definition: 'The side ahead year to date is not the one ahead 5 sessions earlier.',
  },
  years_under: {
    unit: 'count',
    definition:
      "Consecutive completed calendar years, counting back from last year, in which {S}'s annual return was below {B}'s.",
  },
  'years_under.provisional': {
    unit: 'count',
    definition: 'The same streak counting the current year too when {S} is behind {B} year to date.',
  },
  'years_under.longest': { unit: 'count', definition: 'The longest such streak of years on record.' },
  'years_under.longest_end': { unit: 'year', definition: 'The last year of that longest streak.' },
};

/**
 * Event-study facts, keyed by the id after `S.pattern.<signal>.`; `hH` is a horizon in sessions
 * (21, 63, 126, 252), and `baseline` the same statistic over every session with a full window.
 */
export const PATTERN_FACTS: Record<string, CatalogueEntry> = {
  last_signal_date: {
    unit: 'date',
    definition: 'The latest session of the last 5 on which the signal fired; none when it did not.',
  },
  prior_occurrences: {
    unit: 'count',
    definition: 'Earlier occurrences of the signal (edge-triggered: a longer run counts once).',
  },
  'rule.sessions': {
    unit: 'sessions',
    definition: 'The configured signal: how many consecutive sessions it needs.',
  },
  'rule.min_return': {
    unit: 'fraction',
    definition: 'The configured signal: the smallest daily return each of those sessions needs.',
  },
  treaded_water: {
    unit: 'bool',
    definition: 'The median 21-session return after earlier occurrences was within ±0.5%.',
  },
  n: { unit: 'count', definition: 'Earlier occurrences with a full forward window of H sessions.' },
  excluded: {
    unit: 'count',
    definition: 'Earlier occurrences left out because fewer than H sessions have followed them.',
  },
  small_sample: { unit: 'bool', definition: 'Fewer than 10 occurrences: too few to read much into.' },
  mean: { unit: 'fraction', definition: 'Mean return over the H sessions after earlier occurrences.' },
  median: { unit: 'fraction', definition: 'Median return over the H sessions after earlier occurrences.' },
  hit_rate: {
    unit: 'fraction',
    definition: 'Share of earlier occurrences followed by a gain over H sessions.',
  },
  min: { unit: 'fraction', definition: 'Worst H-session return after an earlier occurrence.' },
  max: { unit: 'fraction', definition: 'Best H-session return after an earlier occurrence.' },
  'baseline.n': {
    unit: 'count',
    definition: 'Sessions in the same span with a full forward window of H sessions.',
  },
  'baseline.mean': {
    unit: 'fraction',
    definition: 'Mean H-session return after any session in the same span.',
  },
  'baseline.median': {
    unit: 'fraction',
    definition: 'Median H-session return after any session in the same span.',
  },
  'baseline.hit_rate': {
    unit: 'fraction',
    definition: 'Share of all sessions in the span followed by a gain over H sessions.',
  },
  'baseline.min': { unit: 'fraction', definition: 'Worst H-session return after any session in the span.' },
  'baseline.max': { unit: 'fraction', definition: 'Best H-session return after any session in the span.' },
  beat_baseline: { unit: 'bool', definition: 'The mean after occurrences beat the mean after any session.' },
};

/** Yields (`DGS2.level`), the Fed (`FED.cut_probability.next`), options (`IWM.options.*`), targets. */
export const MACRO_FACTS: Record<string, CatalogueEntry> = {
  level: {
    unit: 'percent_rate',
    definition:
      '{S}: the latest daily value on or before the session (bond-market holidays differ from NYSE ones).',
  },
  'change.1d': {
    unit: 'basis_points',
    definition: '{S}: change from its value on the prior NYSE session, in basis points.',
  },
  'change.5d': {
    unit: 'basis_points',
    definition: '{S}: change from its value 5 NYSE sessions earlier, in basis points.',
  },
  'change.21d': {
    unit: 'basis_points',
    definition: '{S}: change from its value 21 NYSE sessions earlier (about a month), in basis points.',
  },
  'change.mtd': {
    unit: 'basis_points',
    definition: "{S}: change from its value on the prior month's last NYSE session, in basis points.",
  },
  'change.ytd': {
    unit: 'basis_points',
    definition: "{S}: change from its value on the prior year's last NYSE session, in basis points.",
  },
  'cut_probability.next': {
    unit: 'fraction',
    definition:
      'Probability that the next FOMC meeting leaves the fed funds target below the current range, by the CME FedWatch method from 30-day fed funds futures (implied rate = 100 − price, day-weighted around the meeting).',
  },
  'hike_probability.next': {
    unit: 'fraction',
    definition:
      'Probability that the next FOMC meeting raises the target above the current range, by the same method.',
  },
  next_meeting: {
    unit: 'date',
    definition:
      "Decision day of the next FOMC meeting after the session, from the Fed's calendar (src/calendar/fomc.ts) and the desk's notes.",
  },
  'next_meeting.sessions': {
    unit: 'sessions',
    definition: 'NYSE sessions after the as-of session up to and including the next FOMC decision day.',
  },
  'target.lower': {
    unit: 'percent_rate',
    definition: 'Lower limit of the fed funds target range on the session (FRED DFEDTARL).',
  },
  'target.upper': {
    unit: 'percent_rate',
    definition: 'Upper limit of the fed funds target range on the session (FRED DFEDTARU).',
  },
  'target.last_change_date': {
    unit: 'date',
    definition:
      'Decision day of the latest change of the fed funds target range in effect by the session (FRED dates it the day after; on a decision day the change shows from the next session).',
  },
  'target.last_change_bp': {
    unit: 'basis_points',
    definition:
      'Size of that change in basis points, signed (−25: a quarter-point cut): new upper limit − old upper limit.',
  },
  'target.last_change_cut': { unit: 'bool', definition: 'That change lowered the target range (a cut).' },
  'target.first_since': {
    unit: 'date',
    definition:
      'When that change turned the direction ("the first cut since"): decision day of the latest earlier change the same way; none means the first in the data (ranges start 2008-12-16). Missing when the change before it went the same way.',
  },
  'cut_probability.change': {
    unit: 'percentage_points',
    definition:
      'Change of that probability since the odds about a week earlier, for the same meeting, in percentage points.',
  },
  'options.cp_volume_ratio': {
    unit: 'ratio',
    definition: '{S} options: calls traded per put traded that session, over every expiry.',
  },
  'options.cp_oi_ratio': {
    unit: 'ratio',
    definition: '{S} options: call open interest per put open interest, over every expiry.',
  },
  'options.cp_volume_ratio.highest_since': {
    unit: 'date',
    definition:
      'Most recent earlier stored session with a call/put volume ratio at least as high; none means the highest stored.',
  },
  upside: {
    unit: 'fraction',
    definition: "An analyst's published target for {S} ÷ the close − 1 (from content/inputs/targets.yaml).",
  },
  'upside.points': {
    unit: 'points',
    definition:
      'The same target minus the close of {S}, in index points: how far the index would have to rise (negative: fall) to reach it.',
  },
};

export const PATTERN_HORIZONS = [21, 63, 126, 252] as const;
const PATTERN_TOP_LEVEL = [
  'last_signal_date',
  'prior_occurrences',
  'treaded_water',
  'rule.sessions',
  'rule.min_return',
];

/** Prefixes of facts that are not an index's: a yield's `change.1d` is in basis points, not a fraction. */
const MACRO_PREFIX = /^(?:DGS\d+|FED)$/;

/** The entry of a stat id (`change.1d`); `prefix` (`RUT`, `DGS2`, `FED`) says whose stat it is. */
export function catalogueEntry(statId: string, prefix = ''): CatalogueEntry | undefined {
  if (MACRO_PREFIX.test(prefix)) return MACRO_FACTS[statId];
  const pattern = /^pattern\.[a-z0-9-]+\.(?:h\d+\.)?(.+)$/.exec(statId);
  if (pattern) return PATTERN_FACTS[pattern[1]!];
  if (/^target\.[a-z0-9-]+\.upside$/.test(statId)) return MACRO_FACTS['upside'];
  if (/^target\.[a-z0-9-]+\.upside\.points$/.test(statId)) return MACRO_FACTS['upside.points'];
  const relative = /^vs\.[A-Z0-9_]+\.(.+)$/.exec(statId);
  return relative ? RELATIVE_FACTS[relative[1]!] : (SERIES_FACTS[statId] ?? MACRO_FACTS[statId]);
}

/** The definition with `{S}` and `{B}` filled with the readers' names of the series. */
export function describe(entry: CatalogueEntry, seriesName: string, benchmarkName = ''): string {
  return entry.definition.replaceAll('{S}', seriesName).replaceAll('{B}', benchmarkName);
}

/** Every fact id the catalogue defines for these series: what a template may name. */
export function catalogueIds(
  indexes: readonly string[],
  benchmark: string,
  signals: ReadonlyArray<{ id: string }> = [{ id: 'three-day-surge' }],
): string[] {
  const ids: string[] = [];
  const perHorizon = Object.keys(PATTERN_FACTS).filter((id) => !PATTERN_TOP_LEVEL.includes(id));
  for (const s of indexes) {
    for (const id of Object.keys(SERIES_FACTS)) ids.push(`${s}.${id}`);
    for (const { id: signal } of signals) {
      for (const id of PATTERN_TOP_LEVEL) ids.push(`${s}.pattern.${signal}.${id}`);
      for (const h of PATTERN_HORIZONS)
        for (const id of perHorizon) ids.push(`${s}.pattern.${signal}.h${h}.${id}`);
    }
    if (s === benchmark) continue;
    for (const id of Object.keys(RELATIVE_FACTS)) ids.push(`${s}.vs.${benchmark}.${id}`);
  }
  return ids;
}

/** Ids of the facts beyond the indexes: yields, the Fed, IWM options, value vs growth. */
export function macroIds(rates: readonly string[] = ['DGS2', 'DGS10'], optionsSymbol = 'IWM'): string[] {
  return [
    ...rates.flatMap((r) => ['level', ...RATE_CHANGE_WINDOWS.map((w) => w.id)].map((id) => `${r}.${id}`)),
    ...FED_CONTEXT_IDS.map((id) => `FED.${id}`),
    'FED.cut_probability.next',
    'FED.hike_probability.next',
    'FED.cut_probability.change',
    `${optionsSymbol}.options.cp_volume_ratio`,
    `${optionsSymbol}.options.cp_oi_ratio`,
    `${optionsSymbol}.options.cp_volume_ratio.highest_since`,
    'RUJ.vs.RUO.spread.ytd',
  ];
}
