/**
 * Analysts' index targets as a piece prints them (content/inputs/targets.yaml). The target is
 * not our data: its level carries the review step's "sourced by hand" mark naming the firm and
 * the note's date, and only the distance from the close, `S.target.<org>.upside` (percent) and
 * `.upside.points`, is a fact of ours, linked as every fact is.
 */
import { formatDate } from '../facts/format.ts';
import type { FactSet } from '../facts/types.ts';
import { orgSlug, type PriceTarget } from '../stats/targets.ts';
import { type FactView, factNode } from './fact-view.ts';
import { markdownText } from './markdown-text.ts';
import { markSourcedNumbers, sourcedMark } from './sourced-marks.ts';

export interface TargetView {
  org: string;
  /** The level, "2,600", marked as sourced in the body. */
  level: string;
  /** "Nov. 17": when the firm published it. */
  published: string;
  upside: unknown;
  points: unknown;
  above: boolean;
}

/**
 * One entry per firm with a current target for `symbol`: the fact exists (a stale target is
 * missing, and says so in `wirecopy stats`) and was computed from this very entry.
 */
export function targetsView(
  targets: readonly PriceTarget[],
  factSet: FactSet,
  facts: FactView,
  symbol = 'RUT',
): TargetView[] {
  const views: TargetView[] = [];
  for (const t of targets) {
    if (t.index !== symbol) continue;
    const id = `${symbol}.target.${orgSlug(t.org)}.upside`;
    const fact = factSet.facts[id];
    if (typeof fact?.value !== 'number') continue;
    // The latest entry of a firm wins (src/stats/targets.ts): an older one of the same firm is not this fact.
    if (!fact.inputs.some((input) => 'close' in input && input.close === t.target && input.date === t.date))
      continue;
    const upside = factNode(facts.abs, id);
    const points = factNode(facts.abs, `${id}.points`);
    if (!upside || !points) continue;
    const org = markdownText(t.org);
    const level = t.target.toLocaleString('en-US', { maximumFractionDigits: 2 });
    views.push({
      org,
      level: facts.linked ? markSourcedNumbers(level, { who: org, date: t.date }) : level,
      published: facts.linked
        ? `${formatDate(t.date)}${sourcedMark({ who: org, date: t.date })}`
        : formatDate(t.date),
      upside,
      points,
      above: fact.value >= 0,
    });
  }
  return views;
}
