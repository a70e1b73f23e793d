/**
 * The data-quality gate before drafting (src/verify): `draft`, `run` and the desk refuse data
 * with errors unless forced, and the draft records what the gate said (`checks` in its front
 * matter).
 */
import { formatProblem } from '../cli/import-report.ts';
import type { FrontMatter } from '../content/front-matter.ts';
import { Errors, WirecopyError } from '../errors.ts';
import type { FactSet } from '../facts/types.ts';
import { plural } from '../review/format-report.ts';
import type { InputProblem } from '../types.ts';
import { type VerifyReport, verifyStore } from '../verify/gate.ts';
import type { CommandContext } from './context.ts';
import type { SessionGate } from './gate-verdict.ts';

export type { SessionGate };

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
  const report = sessionReport(ctx, factSet.asOf, Object.keys(factSet.series));
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

/**
 * The gate's report on session `asOf`: the series a draft used, and every configured index the
 * store holds: one that stopped early is left out of the facts (not "used"), and that is exactly
 * what staleness must catch.
 */
function sessionReport(ctx: CommandContext, asOf: string, used: readonly string[]): VerifyReport {
  const store = ctx.store();
  const wanted = [...ctx.config.indexes, ctx.config.benchmark].filter((s) => store.sourcesOf(s).length > 0);
  return verifyStore(store, {
    symbols: [...new Set([...used, ...wanted])],
    through: asOf,
    expected: asOf,
    settings: ctx.config.verify,
    registry: ctx.registry,
  });
}

/** The gate's verdict on a session, as the desk shows it beside the day's drafts: never throws on bad data. */
export function sessionGate(ctx: CommandContext, asOf: string): SessionGate {
  const report = sessionReport(ctx, asOf, []);
  const bySeverity = (severity: string) => report.problems.filter((p) => p.severity === severity);
  return {
    verdict: report.errors === 0 ? 'passed' : 'failed',
    scope: `${report.symbols.join(', ')} through ${asOf}`,
    errors: report.errors,
    warnings: report.warnings,
    problems: listed([...bySeverity('error'), ...bySeverity('warning')]),
  };
}

function listed(problems: readonly InputProblem[]): string[] {
  const lines = problems.slice(0, PROBLEMS_LISTED).map(formatProblem);
  const rest = problems.length - PROBLEMS_LISTED;
  return rest > 0 ? [...lines, `... and ${rest} more`] : lines;
}
