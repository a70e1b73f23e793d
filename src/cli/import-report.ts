/** What `wirecopy import` prints per file: the verdict, the series, what changed, the problems. */
import { echoList, escapeControls } from '../echo-safe.ts';
import type { FileImport } from '../fetchers/csv-import.ts';
import { formatChange } from '../fetchers/csv-reimport.ts';
import type { InputProblem } from '../types.ts';
import { thousands } from './format-table.ts';

/** Problems of one kind printed per file before "... and N more". */
const PROBLEMS_SHOWN_PER_CODE = 5;
/** Changed closes listed per file before "... and N more". */
const CHANGES_SHOWN = 5;

export function formatProblem(p: InputProblem): string {
  const place = [p.file, p.line].filter((x) => x !== undefined).join(':');
  const where = [p.column && `column ${p.column}`, p.symbol, p.date].filter(Boolean).join(', ');
  // The parts quoting the file are cut and escaped where they are written; escaping the whole
  // line as well keeps any message that forgot to from reaching the terminal raw.
  const text = `${place ? `${place} ` : ''}${p.severity} ${p.code}: ${p.message}${where ? ` (${where})` : ''}`;
  return `${escapeControls(text)}${p.hint ? `\n      ${p.hint}` : ''}`;
}

export function report(result: FileImport, lenient: boolean): string[] {
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
