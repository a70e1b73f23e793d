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
    headline(f) {
      const prior = f.facts[id('prior_occurrences')]!.display;
      return `Small caps' ${signalName} has happened ${prior} times before. Here is what followed`;
    },
    view(f: FactSet, _settings: StorySettings, facts: FactView) {
      const fact = (rest: string) => factNode(facts.facts, id(rest))!;
      const horizons = HORIZONS.filter(
        (h) => has(f, id(`h${h}.mean`)) && has(f, id(`h${h}.baseline.mean`)),
      ).map((h) => ({
        words: HORIZON_WORDS[h],
        n: fact(`h${h}.n`),
        mean: fact(`h${h}.mean`),
        median: fact(`h${h}.median`),
        hit_rate: fact(`h${h}.hit_rate`),
        baseline_mean: fact(`h${h}.baseline.mean`),
        beat: boolOf(f, id(`h${h}.beat_baseline`)) === true,
        excluded: (numberOf(f, id(`h${h}.excluded`)) ?? 0) > 0,
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
          small_sample: boolOf(f, id('h21.small_sample')) === true,
          treaded_water: boolOf(f, id('treaded_water')) === true,
        },
      };
    },
  };
}
