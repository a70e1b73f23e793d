/**
 * "This has happened 18 times before; here is what followed": a configured signal fired in
 * the last five sessions. The piece gives how often, what followed at each horizon next to
 * what followed any session (the baseline), with n and the small-sample caveat, and carries the
 * past-performance disclaimer.
 */

import type { FactSet } from '../../facts/types.ts';
import { describeSignal } from '../../stats/events.ts';
import type { ScoredAngle } from '../angles.ts';
import { boolOf, type FactView, factNode, has, numberOf } from '../fact-view.ts';
import { timesOf } from '../style/reader-rounding.ts';
import { factLink } from '../view-values.ts';
import { CORE_FACTS } from './daily-wrap.ts';
import type { Story, StorySettings } from './story.ts';

const HORIZONS = [21, 63, 126, 252] as const;
/** Horizons in trading sessions, as readers say them: 21 sessions is about a month. */
const HORIZON_WORDS: Record<(typeof HORIZONS)[number], string> = {
  21: 'month',
  63: 'three months',
  126: 'six months',
  252: 'year',
};

const patternId = (settings: StorySettings, rest: string) => `RUT.pattern.${settings.pattern}.${rest}`;

export function patternStudy(
  settings: StorySettings,
  signals: ReadonlyArray<Parameters<typeof describeSignal>[0]>,
): Story {
  const id = (rest: string) => patternId(settings, rest);
  const signal = signals.find((s) => s.id === settings.pattern);
  const signalName = signal?.name ?? settings.pattern.replaceAll('-', ' ');
  return {
    id: 'pattern-study',
    slug: 'pattern-study',
    template: 'articles/pattern-study',
    tags: ['history', 'patterns'],
    requires: [...CORE_FACTS, id('prior_occurrences'), id('h21.n')],
    // The only story that reads the event studies, the costliest group to build.
    needs: ['RUT', 'RUT.patterns', 'SPX'],
    quotesForwardReturns: true,
    quoteTopics: ['pattern', 'small-caps'],
    applies(f) {
      const last = f.facts[id('last_signal_date')];
      if (!last || last.value === null) return null;
      return `The ${settings.pattern} signal fired on ${last.display}.`;
    },
    angles: [
      (f): ScoredAngle | undefined => {
        const prior = numberOf(f, id('prior_occurrences'));
        if (prior === undefined || !has(f, id('last_signal_date'))) return undefined;
        // The rarer the pattern, the bigger the story: 5 earlier cases score 90, 50 score 60.
        return {
          id: id('last_signal_date'),
          score: Math.max(50, Math.min(95, Math.round(95 - prior * 0.7))),
          reason: `The ${settings.pattern} pattern fired; it has happened ${prior} times before in the data.`,
        };
      },
    ],
    oldNews: (f) => f.facts[id('last_signal_date')]?.value !== f.asOf,
    headline(f) {
      const prior = f.facts[id('prior_occurrences')]!.display;
      return `Small caps' ${signalName} has happened ${prior} times before. Here is what followed`;
    },
    view(f: FactSet, _settings: StorySettings, facts: FactView) {
      const fact = (rest: string) => factNode(facts.facts, id(rest))!;
      let casesShown: number | undefined;
      const horizons = HORIZONS.filter(
        (h) => has(f, id(`h${h}.mean`)) && has(f, id(`h${h}.baseline.mean`)),
      ).map((h) => ({
        words: HORIZON_WORDS[h],
        // "11 of 18 times" the first time a count of cases is given; later horizons over the
        // same cases say the share rounded ("more than 70% of the time"), so 18 is not
        // printed once per horizon (style/repetition.ts).
        times: (() => {
          const cases = numberOf(f, id(`h${h}.n`)) ?? 0;
          const rate = numberOf(f, id(`h${h}.hit_rate`)) ?? 0;
          const counted = cases !== casesShown ? timesOf(rate, cases) : undefined;
          casesShown = cases;
          if (counted === undefined) return `${factNode(facts.rounded, id(`h${h}.hit_rate`))!} of the time`;
          const [hits, , total] = counted.split(' ');
          const link = (rest: string) => (facts.linked ? factLink(id(rest)) : '');
          return `${hits}${link(`h${h}.hit_rate`)} of ${total}${link(`h${h}.n`)} times`;
        })(),
        excluded_many: (numberOf(f, id(`h${h}.excluded`)) ?? 0) > 1,
        n: fact(`h${h}.n`),
        mean: fact(`h${h}.mean`),
        median: fact(`h${h}.median`),
        hit_rate: fact(`h${h}.hit_rate`),
        baseline_mean: fact(`h${h}.baseline.mean`),
        beat: boolOf(f, id(`h${h}.beat_baseline`)) === true,
        excluded_one: numberOf(f, id(`h${h}.excluded`)) === 1,
        excluded_count: fact(`h${h}.excluded`),
      }));
      return {
        pattern: {
          rule: signal ? describeSignal(signal) : settings.pattern,
          horizons,
          has_history: horizons.length > 0,
        },
        // The configured signal's facts under one name, whatever its id, for the templates.
        signal: {
          name: signalName,
          last_signal_date: fact('last_signal_date'),
          prior_occurrences: fact('prior_occurrences'),
          rule_sessions: fact('rule.sessions'),
          rule_min_return: fact('rule.min_return'),
        },
        pattern_is: {
          // "completing a pattern" only on the day the signal fired.
          fired_today: f.facts[id('last_signal_date')]?.value === f.asOf,
          small_sample: boolOf(f, id('h21.small_sample')) === true,
          treaded_water: boolOf(f, id('treaded_water')) === true,
        },
      };
    },
  };
}
