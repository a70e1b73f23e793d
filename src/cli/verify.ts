/**
 * `wirecopy verify`: the data-quality gate on what the store holds (src/verify), and the same
 * gate before drafting: `draft` and `run` refuse data with errors unless --force, and the draft
 * records what the gate said (`checks` in its front matter).
 */
import { Command } from 'commander';
import type { FrontMatter } from '../drafts/front-matter.ts';
import { Errors, WirecopyError } from '../errors.ts';
import type { FactSet } from '../facts/types.ts';
import type { InputProblem, IsoDate, SymbolKey } from '../types.ts';
import { type VerifyReport, verifyStore } from '../verify/gate.ts';
import { lastCompletedSession } from '../verify/staleness.ts';
import { resolveAsOf } from './as-of.ts';
import type { CommandContext } from './context.ts';
import { clockOf } from './fetch.ts';
import { formatProblem } from './import-report.ts';

/** What a draft's front matter records of the gate. */
export type DraftChecks = NonNullable<FrontMatter['checks']>;

/** Problems printed in an error before "... and N more". */
const PROBLEMS_LISTED = 20;

/**
 * Runs the gate on the series a FactSet used, through its as-of session. Prints the verdict;
 * throws when the data fails and `force` is not set; with `force`, prints what was overridden.
 */
export function gateDraft(ctx: CommandContext, factSet: FactSet, force: boolean): DraftChecks {
  if (factSet.dataset === 'demo') {
    ctx.io.out(
      'Data-quality gate: skipped (demo dataset: generated numbers, nothing to verify them against).',
    );
    return { gate: 'skipped', problems: 0, sources: ['demo'] };
  }
  const store = ctx.store();
  // The series the facts used, and every configured index the store holds: one that stopped
  // early is left out of the facts (not "used"), and that is exactly what staleness must catch.
  const wanted = [...ctx.config.indexes, ctx.config.benchmark].filter((s) => store.sourcesOf(s).length > 0);
  const report = verifyStore(store, {
    symbols: [...new Set([...Object.keys(factSet.series), ...wanted])],
    through: factSet.asOf,
    expected: factSet.asOf,
    settings: ctx.config.verify,
    registry: ctx.registry,
  });
  const checks = { problems: report.problems.length, sources: report.sources };
  const scope = `${report.symbols.join(', ')} through ${factSet.asOf}`;
  if (report.errors === 0) {
    const warnings =
      report.warnings === 0
        ? ''
        : `; ${plural(report.warnings, 'warning')}, listed by wirecopy verify --as-of ${factSet.asOf}`;
    ctx.io.out(`Data-quality gate: passed (${scope}${warnings}).`);
    return { gate: 'passed', ...checks };
  }
  const errors = report.problems.filter((p) => p.severity === 'error');
  if (!force) {
    throw new WirecopyError(
      Errors.DataGateFailed,
      `The data for the ${factSet.asOf} session failed ${plural(report.errors, 'check')} (${scope}), so no draft was written.`,
      {
        details: listed(errors),
        hint: `Fix the data as each line says and draft again, or draft anyway with --force (the draft then records checks.gate: overridden). \`wirecopy verify --as-of ${factSet.asOf}\` lists every problem.`,
      },
    );
  }
  ctx.io.out(`Data-quality gate: FAILED with ${plural(report.errors, 'error')}, overridden by --force:`);
  for (const line of listed(errors)) ctx.io.out(`  ${line}`);
  return { gate: 'overridden', ...checks };
}

function listed(problems: readonly InputProblem[]): string[] {
  const lines = problems.slice(0, PROBLEMS_LISTED).map(formatProblem);
  const rest = problems.length - PROBLEMS_LISTED;
  return rest > 0 ? [...lines, `... and ${rest} more`] : lines;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function printReport(ctx: CommandContext, report: VerifyReport): void {
  ctx.io.out(
    `Verified ${report.symbols.join(', ')} through ${report.through} (expected last session ${report.expected}) from ${report.sources.join(', ') || 'no source'}; checks: ${report.checks.join(', ')}.`,
  );
  for (const [symbol, problems] of Map.groupBy(report.problems, (p) => p.symbol ?? '')) {
    ctx.io.out(`${symbol}:`);
    for (const p of problems) ctx.io.out(`  ${formatProblem(p)}`);
  }
  const verdict = report.errors > 0 ? 'FAILED' : 'passed';
  ctx.io.out(`verify ${verdict}: ${plural(report.errors, 'error')}, ${plural(report.warnings, 'warning')}.`);
}

/** `--symbols` as keys; default: every symbol the store holds. */
function symbolsToVerify(ctx: CommandContext, text: string | undefined): SymbolKey[] {
  if (text === undefined)
    return [
      ...new Set(
        ctx
          .store()
          .summary()
          .map((s) => s.symbol),
      ),
    ];
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((name) => {
      const key = ctx.registry.resolve(name)?.key ?? (name.toUpperCase() === 'ZQ' ? 'ZQ' : undefined);
      if (key === undefined) {
        throw new WirecopyError(Errors.UnknownSymbol, `--symbols ${name} is not a configured series.`, {
          hint: `Use keys or aliases of ${ctx.registry.keys().join(', ')}.`,
        });
      }
      return key;
    });
}

export function verifyCommand(context: () => CommandContext): Command {
  return new Command('verify')
    .description(
      'check the stored data: sources against each other, gaps in the NYSE calendar, stale series, implausible one-day moves',
    )
    .option('--as-of <date>', 'check the data through this session (default: the last completed session)')
    .option('--symbols <keys>', 'comma-separated series (default: every series in the store)')
    .option(
      '--json',
      'print one JSON object {through, expected, symbols, sources, checks, problems, errors, warnings}',
    )
    .action((options: { asOf?: string; symbols?: string; json?: boolean }) => {
      const ctx = context();
      const store = ctx.storeWithData('to verify');
      const lead = ctx.config.indexes[0] ?? 'RUT';
      const expected: IsoDate =
        options.asOf === undefined
          ? lastCompletedSession(ctx.today(), clockOf(ctx))
          : resolveAsOf(options.asOf, store, lead);
      const report = verifyStore(store, {
        symbols: symbolsToVerify(ctx, options.symbols),
        through: expected,
        expected,
        settings: ctx.config.verify,
        registry: ctx.registry,
      });
      if (options.json) ctx.io.out(JSON.stringify(report, null, 2));
      else printReport(ctx, report);
      if (report.errors > 0) {
        throw new WirecopyError(
          Errors.DataGateFailed,
          `${plural(report.errors, 'error')} in the data through ${expected}: drafts for that session are refused unless --force.`,
          { hint: 'Each problem above says what to do.' },
        );
      }
    });
}
