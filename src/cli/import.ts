/** `wirecopy import <file|dir>...`: CSV history into the store, one transaction per file. */
import { Command } from 'commander';
import { Errors, WirecopyError } from '../errors.ts';
import { expandCsvPaths, type FileImport, importCsvFile } from '../fetchers/csv-import.ts';
import type { InputProblem } from '../types.ts';
import type { CommandContext } from './context.ts';
import { thousands } from './format-table.ts';

/** Problems of one kind printed per file before "... and N more". */
const PROBLEMS_SHOWN_PER_CODE = 5;

export function formatProblem(p: InputProblem): string {
  const place = [p.file, p.line].filter((x) => x !== undefined).join(':');
  const where = [p.column && `column ${p.column}`, p.symbol, p.date].filter(Boolean).join(', ');
  return `${place ? `${place} ` : ''}${p.severity} ${p.code}: ${p.message}${where ? ` (${where})` : ''}${p.hint ? `\n      ${p.hint}` : ''}`;
}

function report(result: FileImport, lenient: boolean): string[] {
  const lines: string[] = [];
  const errors = result.problems.filter((p) => p.severity === 'error').length;
  const warnings = result.problems.length - errors;
  const counts = [
    errors && `${errors} error${errors === 1 ? '' : 's'}`,
    warnings && `${warnings} warning${warnings === 1 ? '' : 's'}`,
  ]
    .filter(Boolean)
    .join(', ');
  const verdict =
    result.status === 'imported'
      ? errors > 0 && lenient
        ? `imported the good rows (--lenient); ${counts}, rows with errors skipped`
        : `imported${counts ? `; ${counts}` : ''}`
      : `REJECTED, nothing stored${counts ? `; ${counts}` : ''}`;
  lines.push(`${result.file} [${result.layout ?? 'unknown layout'}]: ${verdict}`);
  for (const s of result.series)
    lines.push(`  ${s.symbol.padEnd(10)} ${thousands(s.rows).padStart(7)} rows  ${s.first} to ${s.last}`);
  if (result.ignoredColumns.length > 0) lines.push(`  ignored columns: ${result.ignoredColumns.join(', ')}`);
  for (const [code, problems] of Map.groupBy(result.problems, (p) => p.code)) {
    for (const p of problems.slice(0, PROBLEMS_SHOWN_PER_CODE)) lines.push(`  ${formatProblem(p)}`);
    const rest = problems.slice(PROBLEMS_SHOWN_PER_CODE);
    if (rest.length > 0) {
      lines.push(
        `  ... and ${rest.length} more ${code} (lines ${rest.map((p) => p.line ?? p.date).join(', ')})`,
      );
    }
  }
  if (result.status === 'rejected' && errors > 0 && !lenient) {
    lines.push('  Fix the rows above, or run again with --lenient to import the good rows and skip these.');
  }
  return lines;
}

export function importCommand(context: () => CommandContext): Command {
  return new Command('import')
    .description('import CSV files (Yahoo, IBKR, Stooq, FRED, wide tables) into the store')
    .argument('<paths...>', 'CSV files, or folders to search for .csv files')
    .option('--symbol <key>', 'the series key for single-series files (default: from the file name)')
    .option('--lenient', 'import the good rows of a file with errors and list the rest')
    .action(async (paths: string[], options: { symbol?: string; lenient?: boolean }) => {
      const ctx = context();
      await ctx.lock('store', 'import');
      const symbol = options.symbol ? ctx.registry.resolve(options.symbol)?.key : undefined;
      if (options.symbol && !symbol) {
        throw new WirecopyError(
          Errors.UnknownSymbol,
          `--symbol ${options.symbol} is not a configured series.`,
          {
            hint: `Use one of ${ctx.registry.keys().join(', ')}, or add it under "symbols" in the config.`,
          },
        );
      }
      const files = expandCsvPaths(
        paths.map((p) => (p.startsWith('/') ? p : `${ctx.cwd}/${p}`.replace(/\/\.\//g, '/'))),
      );
      if (files.length === 0) {
        throw new WirecopyError(Errors.FileUnreadable, `No .csv files found in ${paths.join(', ')}.`, {
          hint: 'Name the files, or a folder that holds .csv files.',
        });
      }
      let rejected = 0;
      for (const file of files) {
        const result = importCsvFile(file, ctx.store(), ctx.registry, {
          ...(symbol ? { symbol } : {}),
          lenient: options.lenient === true,
        });
        if (result.status === 'rejected') rejected++;
        for (const line of report(result, options.lenient === true)) ctx.io.out(line);
      }
      ctx.io.out(`${files.length - rejected} of ${files.length} file(s) imported into ${ctx.config.store}.`);
      if (rejected > 0) {
        throw new WirecopyError(
          Errors.ImportRejected,
          `${rejected} file(s) were rejected; the store holds none of their rows.`,
          {
            hint: 'Each rejected file lists its problems above with file:line.',
          },
        );
      }
    });
}
