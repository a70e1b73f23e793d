/**
 * The parts a FactSet is built of, so a command computes only what it prints (issue 14):
 * `wirecopy stats` builds every group, a draft only the groups its stories declare
 * (`Story.needs`, src/drafts/stories/) plus those every piece's plan and common sections read.
 *
 * - `RUT`: one index's own stats (returns, streaks, records, the 200-day average);
 * - `RUT.history`: its comparisons with all of history (best and worst since, highest since,
 *   the notable days of the last five, the size ranks of its moves);
 * - `RUT.patterns`: its event studies (`RUT.pattern.<signal>.…`);
 * - `RUT.vs`: its stats against the benchmark (`RUT.vs.SPX.…`);
 * - `rates` (Treasury yields), `fed` (the target range, the next meeting, the futures' odds),
 *   `options` (IWM options), `targets` (analyst targets), `style` (value against growth).
 *
 * Every index's closes are read whatever the groups, for the provenance (`FactSet.series`,
 * `dataset`) a piece's front matter lists.
 */
import type { SymbolKey } from '../types.ts';

export type FactGroup = string;

export const MACRO_GROUPS = ['rates', 'fed', 'options', 'targets', 'style'] as const;

/** The groups of one index. */
export function indexGroups(symbol: SymbolKey): FactGroup[] {
  return [symbol, `${symbol}.history`, `${symbol}.patterns`, `${symbol}.vs`];
}

/** Every group of a FactSet over these indexes: what `wirecopy stats` prints. */
export function allGroups(indexes: readonly SymbolKey[]): FactGroup[] {
  return [...indexes.flatMap(indexGroups), ...MACRO_GROUPS];
}
