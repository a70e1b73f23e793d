/**
 * The stories wirecopy can write. On a tie in newsworthiness the earlier wins, so the specific
 * stories come first and the daily wrap, which always applies, last.
 */
import type { SignalConfig } from '../../stats/events.ts';
import { dailyWrap } from './daily-wrap.ts';
import { patternStudy } from './pattern-study.ts';
import { monthlyRecap, weeklyRecap } from './period-recaps.ts';
import { ratesFed } from './rates-fed.ts';
import { recordHigh } from './record-high.ts';
import { smallCapRally } from './small-cap-rally.ts';
import type { Story, StorySettings } from './story.ts';

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
