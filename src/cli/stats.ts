/** `wirecopy stats`: every fact for one session, as a table or as one JSON object. */
import { Command } from 'commander';
import { explainFact } from '../facts/explain.ts';
import type { FactSet } from '../facts/types.ts';
import { factSetFor } from '../jobs/facts.ts';
import { loadDeskInputs, reportInputProblems } from '../jobs/inputs.ts';
import type { CommandContext } from './context.ts';
import { formatTable } from './format-table.ts';
import { printJson } from './json.ts';

export function statsJson(factSet: FactSet): object {
  const facts = Object.fromEntries(
    Object.values(factSet.facts).map((f) => [
      f.id,
      { value: f.value, unit: f.unit, display: f.display, inputs: f.inputs, definition: f.definition },
    ]),
  );
  return {
    asOf: factSet.asOf,
    dataset: factSet.dataset,
    facts,
    missing: factSet.missing,
    series: factSet.series,
  };
}

function statsTable(factSet: FactSet): string {
  const rows = Object.values(factSet.facts).map((f) => [f.id, f.display, f.unit]);
  const lines = [
    `Facts as of ${factSet.asOf} (dataset: ${factSet.dataset})`,
    '',
    formatTable(['fact', 'display', 'unit'], rows, [1]),
  ];
  if (factSet.missing.length > 0) {
    lines.push('', `Missing (${factSet.missing.length}), by reason:`);
    // One missing series takes dozens of facts with it: one line per reason, then the ids.
    for (const [reason, group] of Map.groupBy(factSet.missing, (m) => m.reason)) {
      const ids = group.map((m) => m.id);
      const shown =
        ids.length > 4 ? `${ids.slice(0, 3).join(', ')} and ${ids.length - 3} more` : ids.join(', ');
      lines.push(`  ${reason}`, `    ${shown}`);
    }
  }
  return lines.join('\n');
}

export function statsCommand(context: () => CommandContext): Command {
  return new Command('stats')
    .description('print the facts for the last session on or before a date')
    .option('--as-of <date>', 'YYYY-MM-DD (default: the latest session in the store)')
    .option('--json', 'print one JSON object: {asOf, dataset, facts, missing}')
    .option('--explain <id>', 'how one fact was computed: its definition, inputs and arithmetic')
    .action((options: { asOf?: string; json?: boolean; explain?: string }) => {
      const ctx = context();
      const inputs = loadDeskInputs(ctx);
      reportInputProblems(ctx, inputs.problems);
      const factSet = factSetFor(ctx, options.asOf, inputs);
      reportInputProblems(ctx, factSet.warnings ?? []);
      if (options.explain) ctx.io.out(explainFact(factSet, options.explain));
      else if (options.json) printJson(ctx, statsJson(factSet));
      else ctx.io.out(statsTable(factSet));
    });
}
