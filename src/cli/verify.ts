/**
 * `wirecopy verify`: the data-quality gate on what the store holds (src/verify); the same gate
 * before drafting is src/jobs/gate.ts.
 */
import { Command } from 'commander';
import { Errors, WirecopyError } from '../errors.ts';
import { resolveAsOf } from '../jobs/as-of.ts';
import { clockOf } from '../jobs/clock.ts';
import { plural } from '../review/format-report.ts';
import type { IsoDate, SymbolKey } from '../types.ts';
import { type VerifyReport, verifyStore } from '../verify/gate.ts';
import { lastCompletedSession } from '../verify/staleness.ts';
import type { CommandContext } from './context.ts';
import { formatProblem } from './import-report.ts';
import { printJson } from './json.ts';

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
      if (options.json) printJson(ctx, report);
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
