/**
 * `wirecopy import <file|dir>...`: CSV history into the store, one transaction per file, each
 * a batch that `wirecopy import --undo BATCH` reverts.
 */
import { Command } from 'commander';
import { echoList, escapeControls } from '../echo-safe.ts';
import { Errors, WirecopyError } from '../errors.ts';
import { expandCsvPaths, type FileImport, importCsvFile } from '../fetchers/csv-import.ts';
import { formatChange } from '../fetchers/csv-reimport.ts';
import type { InputProblem, IsoDate } from '../types.ts';
import { lastCompletedSession } from '../verify/staleness.ts';
import type { CommandContext } from './context.ts';
import { clockOf } from './fetch.ts';
import { thousands } from './format-table.ts';

/** Problems of one kind printed per file before "... and N more". */
const PROBLEMS_SHOWN_PER_CODE = 5;
/** Changed closes listed per file before "... and N more". */
const CHANGES_SHOWN = 5;

interface ImportFlags {
  symbol?: string;
  lenient?: boolean;
  replace?: boolean;
  undo?: string;
}

export function formatProblem(p: InputProblem): string {
  const place = [p.file, p.line].filter((x) => x !== undefined).join(':');
  const where = [p.column && `column ${p.column}`, p.symbol, p.date].filter(Boolean).join(', ');
  // The parts quoting the file are cut and escaped where they are written; escaping the whole
  // line as well keeps any message that forgot to from reaching the terminal raw.
  const text = `${place ? `${place} ` : ''}${p.severity} ${p.code}: ${p.message}${where ? ` (${where})` : ''}`;
  return `${escapeControls(text)}${p.hint ? `\n      ${p.hint}` : ''}`;
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
  lines.push(
    `${escapeControls(result.file)} [${result.layout ?? 'unknown layout'}]: ${verdict(result, lenient, errors, counts)}`,
  );
  for (const s of result.series)
    lines.push(`  ${s.symbol.padEnd(10)} ${thousands(s.rows).padStart(7)} rows  ${s.first} to ${s.last}`);
  lines.push(...lineageLines(result));
  if (result.ignoredColumns.length > 0) lines.push(`  ignored columns: ${echoList(result.ignoredColumns)}`);
  // A file already stored had its problems listed when it was imported.
  const listed = result.status === 'unchanged' ? [] : result.problems;
  for (const [code, problems] of Map.groupBy(listed, (p) => p.code)) {
    for (const p of problems.slice(0, PROBLEMS_SHOWN_PER_CODE)) lines.push(`  ${formatProblem(p)}`);
    const rest = problems.slice(PROBLEMS_SHOWN_PER_CODE);
    if (rest.length > 0) {
      lines.push(
        `  ... and ${rest.length} more ${code} (lines ${echoList(rest.map((p) => String(p.line ?? p.date)))})`,
      );
    }
  }
  if (result.status === 'rejected' && errors > 0 && !lenient) {
    lines.push('  Fix the rows above, or run again with --lenient to import the good rows and skip these.');
  }
  return lines;
}

function verdict(result: FileImport, lenient: boolean, errors: number, counts: string): string {
  const problems = counts ? `; ${counts}` : '';
  switch (result.status) {
    case 'imported': {
      const batch = `batch #${result.batchId}`;
      return errors > 0 && lenient
        ? `imported the good rows (--lenient) as ${batch}; ${counts}, rows with errors skipped`
        : `imported as ${batch}${problems}`;
    }
    case 'unchanged':
      return `already imported, nothing to do: the store holds this very file (${result.source})${problems}`;
    case 'needs-replace': {
      const n = result.changes.length;
      return `NOT IMPORTED, nothing stored: it would change ${thousands(n)} stored close${n === 1 ? '' : 's'}${problems}`;
    }
    case 'rejected':
      return `REJECTED, nothing stored${problems}`;
  }
}

/** What the file did (or would do) to earlier imports of its name: the sessions it changes, first. */
function lineageLines(result: FileImport): string[] {
  const lines: string[] = [];
  for (const change of result.changes.slice(0, CHANGES_SHOWN))
    lines.push(`  changes ${formatChange(change)}`);
  const rest = result.changes.slice(CHANGES_SHOWN);
  if (rest.length > 0) {
    lines.push(
      `  ... and ${thousands(rest.length)} more changed close${rest.length === 1 ? '' : 's'} (${rest[0]!.date} to ${rest.at(-1)!.date})`,
    );
  }
  if (result.status === 'needs-replace') {
    lines.push(
      '  Check the file against the one imported before; if it is right, run again with --replace (the import stays revertible with wirecopy import --undo BATCH).',
    );
  }
  if (result.status === 'imported') {
    for (const plan of result.plans) {
      if (plan.lineage.length === 0) continue;
      const changed = plan.changes.length;
      const unchanged = plan.bars.length - plan.newSessions - changed;
      lines.push(
        `  ${plan.symbol}: takes over from ${plan.lineage.join(', ')}: ${thousands(plan.newSessions)} new session${plan.newSessions === 1 ? '' : 's'}, ${thousands(changed)} changed, ${thousands(unchanged)} unchanged`,
      );
    }
  }
  return lines;
}

/** The last completed session, unless `WIRECOPY_ALLOW_FUTURE_ROWS=1` (for tests) lets later rows in. */
function lastSessionFor(ctx: CommandContext): IsoDate | undefined {
  if (ctx.env['WIRECOPY_ALLOW_FUTURE_ROWS'] === '1') return undefined;
  return lastCompletedSession(ctx.today(), clockOf(ctx));
}

function undo(ctx: CommandContext, id: string): void {
  if (!/^#?\d+$/.test(id)) {
    throw new WirecopyError(Errors.Usage, `--undo ${id} is not a batch id.`, {
      hint: 'Give the number wirecopy status lists under "Recent batches", e.g. --undo 12.',
    });
  }
  const result = ctx.store().undoBatch(Number(id.replace('#', '')));
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
    .action((paths: string[], options: ImportFlags) => {
      const ctx = context();
      if (options.undo !== undefined) {
        if (paths.length > 0) {
          throw new WirecopyError(Errors.Usage, '--undo takes a batch id and no files.', {
            hint: 'Run the undo and the import as two commands.',
          });
        }
        undo(ctx, options.undo);
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
    for (const line of report(result, options.lenient === true)) ctx.io.out(line);
  }
  const imported = files.length - held.rejected - held.replacing - held.unchanged;
  const already = held.unchanged > 0 ? `; ${held.unchanged} already there` : '';
  ctx.io.out(`${imported} of ${files.length} file(s) imported into ${ctx.config.store}${already}.`);
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
