/**
 * The stories wirecopy can write. On a tie in newsworthiness the earlier wins, so the specific
 * stories come first and the daily wrap, which always applies, last.
 */
import type { FactGroup } from '../../facts/groups.ts';
import type { SignalConfig } from '../../stats/events.ts';
import type { SymbolKey } from '../../types.ts';
import { dailyWrap } from './daily-wrap.ts';
import { patternStudy } from './pattern-study.ts';
import { monthlyRecap, weeklyRecap } from './period-recaps.ts';
import { ratesFed } from './rates-fed.ts';
import { recordHigh } from './record-high.ts';
import { smallCapRally } from './small-cap-rally.ts';
import type { Story, StorySettings } from './story.ts';

/**
 * What every piece reads whatever its story (src/drafts/plan.ts: the lead's "strong enough"
 * rule, the why and other-side sections; common-view.ts; the shared partials and social posts):
 * each configured index's own stats (the other side quotes the S&P 500, the Nasdaq-100, value
 * and growth, IWM), the Russell 2000's history and its lead over the S&P 500, yields, the Fed,
 * and the desk's targets (their problems are reported with the drafts). No piece prints the
 * value-growth spread, the options or another index's history, event studies or lead.
 */
export const PIECE_NEEDS: readonly FactGroup[] = ['RUT.history', 'RUT.vs', 'rates', 'fed', 'targets'];

/**
 * The fact groups a draft of these stories builds: what every piece reads, and each story's
 * own `needs`. Drafting only the daily wrap skips every event study and most leads.
 */
export function factGroupsFor(stories: readonly Story[], indexes: readonly SymbolKey[]): FactGroup[] {
  return [...new Set([...indexes, ...PIECE_NEEDS, ...stories.flatMap((s) => s.needs)])];
}

export function storiesFor(settings: StorySettings, signals: readonly SignalConfig[]): Story[] {
  return [
    recordHigh,
    patternStudy(settings, signals),
    smallCapRally,
    ratesFed(settings),
    monthlyRecap,
    weeklyRecap,
    dailyWrap,
  ];
}
