/**
 * `wirecopy stats`: every fact for one session, as a table or as one JSON object; with
 * `--from/--to`, every session of a span from one load (a table per session, or one JSON object
 * a line), with a progress bar on a terminal.
 */
import { Command } from 'commander';
import { Errors, WirecopyError } from '../errors.ts';
import { explainFact } from '../facts/explain.ts';
import type { FactSet } from '../facts/types.ts';
import { factSetFor } from '../jobs/facts.ts';
import { loadDeskInputs, reportInputProblems } from '../jobs/inputs.ts';
import { factSetsForSpan, type SessionSpan, sessionsInSpan, spanOf } from '../jobs/range.ts';
import type { CommandContext } from './context.ts';
import { formatTable } from './format-table.ts';
import { printJson } from './json.ts';
import { spanProgress } from './progress.ts';

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
    .option(
      '--json',
      'print one JSON object: {asOf, dataset, facts, missing} (with --from/--to: one a line, per session)',
    )
    .option('--explain <id>', 'how one fact was computed: its definition, inputs and arithmetic')
    .option('--from <date>', 'every session from this date (with --to), in one process')
    .option('--to <date>', 'the last session of a --from span')
    .action((options: { asOf?: string; json?: boolean; explain?: string; from?: string; to?: string }) => {
      const ctx = context();
      if (options.from !== undefined || options.to !== undefined) {
        statsSpan(ctx, spanOf(options), options);
        return;
      }
      const inputs = loadDeskInputs(ctx);
      reportInputProblems(ctx, inputs.problems);
      const factSet = factSetFor(ctx, options.asOf, inputs);
      reportInputProblems(ctx, factSet.warnings ?? []);
      if (options.explain) ctx.io.out(explainFact(factSet, options.explain));
      else if (options.json) printJson(ctx, statsJson(factSet));
      else ctx.io.out(statsTable(factSet));
    });
}

/**
 * Every session of a span: one FactSet builder (each series read and indexed once), a table
 * per session or a JSON object a line, and progress on stderr.
 */
function statsSpan(ctx: CommandContext, span: SessionSpan, options: { json?: boolean; explain?: string }) {
  if (options.explain !== undefined) {
    throw new WirecopyError(Errors.Usage, '--explain shows one fact of one session, not of a span.', {
      hint: 'Use --explain with --as-of DATE (or alone, for the latest session).',
    });
  }
  const sessions = sessionsInSpan(ctx, span, 'to compute facts from');
  const inputs = loadDeskInputs(ctx);
  reportInputProblems(ctx, inputs.problems);
  const factSetAt = factSetsForSpan(ctx, sessions, inputs);
  const progress = spanProgress(ctx, 'stats', sessions.length);
  const said = new Set<string>();
  const data = ctx.io.data ?? ctx.io.out;
  try {
    for (const [k, asOf] of sessions.entries()) {
      const factSet = factSetAt(asOf);
      // A stale target is stale for session after session: each problem is said once.
      const problems = (factSet.warnings ?? []).filter((p) => !said.has(p.message));
      for (const p of problems) said.add(p.message);
      reportInputProblems(ctx, problems);
      if (options.json) data(JSON.stringify(statsJson(factSet)));
      else progress.log(`${k > 0 ? '\n' : ''}${statsTable(factSet)}`);
      progress.tick(asOf);
    }
  } finally {
    progress.stop();
  }
}
