/**
 * The facts panel: every fact of a draft's session, with its display form, definition and the
 * inputs `wirecopy stats --explain` prints, and whether the draft carries it. A fact the draft
 * carries is inserted with its `<!--fact:ID-->` mark; any other fact of the session is not one
 * the check may hold the draft to (the draft's facts are the generator's, sealed), so it goes in
 * as a hand-sourced number naming the fact, which review lists as such.
 */
import { explainFact } from '../facts/explain.ts';
import type { CommandContext } from '../jobs/context.ts';
import { factSetFor } from '../jobs/facts.ts';
import { loadDeskInputs } from '../jobs/inputs.ts';
import type { SessionFacts } from './wire.ts';

export type { SessionFacts };

export function sessionFacts(ctx: CommandContext, asOf: string, carried: ReadonlySet<string>): SessionFacts {
  const factSet = factSetFor(ctx, asOf, loadDeskInputs(ctx));
  const facts = Object.values(factSet.facts)
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((fact) => ({
      id: fact.id,
      display: fact.display,
      unit: fact.unit,
      definition: fact.definition,
      explain: explainFact(factSet, fact.id),
      carried: carried.has(fact.id),
    }));
  return { asOf: factSet.asOf, dataset: factSet.dataset, facts };
}
