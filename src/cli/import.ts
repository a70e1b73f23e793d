/**
 * `wirecopy import <file|dir>...`: CSV history into the store, one transaction per file, each
 * a batch that `wirecopy import --undo BATCH` reverts.
 */
import { Command } from 'commander';
import { Errors, WirecopyError } from '../errors.ts';
import { expandCsvPaths, type FileImport, importCsvFile } from '../fetchers/csv-import.ts';
import { clockOf } from '../jobs/clock.ts';
import type { IsoDate } from '../types.ts';
import { lastCompletedSession } from '../verify/staleness.ts';
import type { CommandContext } from './context.ts';
import { thousands } from './format-table.ts';
import { report } from './import-report.ts';
import { printJson } from './json.ts';

interface ImportFlags {
  symbol?: string;
  lenient?: boolean;
  replace?: boolean;
  undo?: string;
  json?: boolean;
}

/** The last completed session, unless `WIRECOPY_ALLOW_FUTURE_ROWS=1` (for tests) lets later rows in. */
function lastSessionFor(ctx: CommandContext): IsoDate | undefined {
  if (ctx.env['WIRECOPY_ALLOW_FUTURE_ROWS'] === '1') return undefined;
  return lastCompletedSession(ctx.today(), clockOf(ctx));
}

function undo(ctx: CommandContext, id: string, json: boolean): void {
  if (!/^#?\d+$/.test(id)) {
    throw new WirecopyError(Errors.Usage, `--undo ${id} is not a batch id.`, {
      hint: 'Give the number wirecopy status lists under "Recent batches", e.g. --undo 12.',
    });
  }
  const result = ctx.store().undoBatch(Number(id.replace('#', '')));
  if (json) {
    printJson(ctx, { undone: result });
    return;
  }
  ctx.io.out(
    `Undid batch #${result.batchId} (${result.kind} ${result.source} from ${result.origin}): removed ${thousands(result.removed)} row${result.removed === 1 ? '' : 's'}, restored ${thousands(result.restored)} it had replaced.`,
  );
}

export function importCommand(context: () => CommandContext): Command {
  return new Command('import')
    .description('import CSV files (Yahoo, IBKR, Stooq, FRED, wide tables) into the store')
    .argument('[paths...]', 'CSV files, or folders to search for .csv files')
    .option('--symbol <key>', 'the series key for single-series files (default: from the file name)')
    .option('--lenient', 'import the good rows of a file with errors and list the rest')
    .option('--replace', 'let a file change closes stored from an earlier file of the same name')
    .option('--undo <batch>', 'revert one import batch (ids in wirecopy status)')
    .option('--json', 'print one JSON object: {store, files: [{file, status, series, problems, batchId...}]}')
    .action(async (paths: string[], options: ImportFlags) => {
      const ctx = context();
      await ctx.lock('store', 'import');
      if (options.undo !== undefined) {
        if (paths.length > 0) {
          throw new WirecopyError(Errors.Usage, '--undo takes a batch id and no files.', {
            hint: 'Run the undo and the import as two commands.',
          });
        }
        undo(ctx, options.undo, options.json === true);
        return;
      }
      if (paths.length === 0) {
        throw new WirecopyError(Errors.Usage, 'import needs at least one file or folder.', {
          hint: 'wirecopy import FILE... (or --undo BATCH to revert an import).',
        });
      }
      importFiles(ctx, paths, options);
    });
}

function importFiles(ctx: CommandContext, paths: string[], options: ImportFlags): void {
  const symbol = options.symbol ? ctx.registry.resolve(options.symbol)?.key : undefined;
  if (options.symbol && !symbol) {
    throw new WirecopyError(Errors.UnknownSymbol, `--symbol ${options.symbol} is not a configured series.`, {
      hint: `Use one of ${ctx.registry.keys().join(', ')}, or add it under "symbols" in the config.`,
    });
  }
  const files = expandCsvPaths(
    paths.map((p) => (p.startsWith('/') ? p : `${ctx.cwd}/${p}`.replace(/\/\.\//g, '/'))),
  );
  if (files.length === 0) {
    throw new WirecopyError(Errors.FileUnreadable, `No .csv files found in ${paths.join(', ')}.`, {
      hint: 'Name the files, or a folder that holds .csv files.',
    });
  }
  const lastSession = lastSessionFor(ctx);
  const held = { rejected: 0, replacing: 0, unchanged: 0 };
  const results: FileImport[] = [];
  for (const file of files) {
    const result = importCsvFile(file, ctx.store(), ctx.registry, {
      ...(symbol ? { symbol } : {}),
      ...(lastSession ? { lastSession } : {}),
      lenient: options.lenient === true,
      replace: options.replace === true,
    });
    if (result.status === 'rejected') held.rejected++;
    if (result.status === 'needs-replace') held.replacing++;
    if (result.status === 'unchanged') held.unchanged++;
    results.push(result);
    if (!options.json) for (const line of report(result, options.lenient === true)) ctx.io.out(line);
  }
  const imported = files.length - held.rejected - held.replacing - held.unchanged;
  const already = held.unchanged > 0 ? `; ${held.unchanged} already there` : '';
  if (options.json) printJson(ctx, { store: ctx.config.store, imported, files: results });
  else ctx.io.out(`${imported} of ${files.length} file(s) imported into ${ctx.config.store}${already}.`);
  if (held.rejected > 0) {
    throw new WirecopyError(
      Errors.ImportRejected,
      `${held.rejected} file(s) were rejected; the store holds none of their rows.`,
      { hint: 'Each rejected file lists its problems above with file:line.' },
    );
  }
  if (held.replacing > 0) {
    throw new WirecopyError(
      Errors.ImportWouldReplace,
      `${held.replacing} file(s) would change closes stored from an earlier file of the same name; the store holds none of their rows.`,
      {
        hint: 'Each lists the sessions above (old → new). If the new file is right, run again with --replace; wirecopy import --undo BATCH reverts it.',
      },
    );
  }
}
