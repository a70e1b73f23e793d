/**
 * The desk's inputs in content/inputs/: quotes, analyst targets and notes. A missing file means no
 * inputs; problems in a file are printed as warnings with file:line and never stop a draft
 * (the bad entry is left out), except notes that leave the session's embargo unknown: those hold
 * the session (see src/inputs/notes.ts and `heldSession`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { formatProblem } from '../cli/import-report.ts';
import { parseTargetsFile } from '../facts/targets-file.ts';
import { embargoOf, loadNotes, type Notes, type NotesResult } from '../inputs/notes.ts';
import { loadQuotes, type Quote } from '../inputs/quotes.ts';
import type { PriceTarget } from '../stats/targets.ts';
import type { InputProblem } from '../types.ts';
import type { CommandContext } from './context.ts';

export interface DeskInputs {
  quotes: Quote[];
  targets: PriceTarget[];
  notes: Notes;
  /** The notes file as read: which sessions it holds, and where each embargo is written. */
  notesFile: NotesResult;
  /** Problems that leave an entry out; the notes' holds are reported with the session (`heldSession`). */
  problems: InputProblem[];
}

/** How messages name an input file: relative to the working folder. */
function inputFileShown(ctx: CommandContext, file: string): string {
  return relative(ctx.cwd, join(ctx.contentDir, 'inputs', file)) || file;
}

export const notesFileShown = (ctx: CommandContext) => inputFileShown(ctx, 'notes.yaml');

export function loadDeskInputs(ctx: CommandContext): DeskInputs {
  const inputs = join(ctx.contentDir, 'inputs');
  const shown = (file: string) => inputFileShown(ctx, file);
  const quotes = loadQuotes(join(inputs, 'quotes.yaml'), shown('quotes.yaml'));
  const targetsPath = join(inputs, 'targets.yaml');
  const targets = existsSync(targetsPath)
    ? parseTargetsFile(readFileSync(targetsPath, 'utf8'), {
        file: shown('targets.yaml'),
        registry: ctx.registry,
      })
    : { targets: [], problems: [] };
  const notes = loadNotes(join(inputs, 'notes.yaml'), shown('notes.yaml'));
  const held = new Set(notes.holds.map((h) => h.problem));
  return {
    quotes: quotes.quotes,
    targets: targets.targets,
    notes: notes.notes,
    notesFile: notes,
    problems: [...quotes.problems, ...targets.problems, ...notes.problems.filter((p) => !held.has(p))],
  };
}

/**
 * The notes problems that hold session `asOf` (its entry, or the whole file, cannot be read),
 * printed as errors; holds of other sessions are printed as left out, like any input problem.
 */
export function heldSession(ctx: CommandContext, inputs: DeskInputs, asOf: string): InputProblem[] {
  const embargo = embargoOf(inputs.notesFile, asOf);
  const held = embargo.held && embargo.reason === 'unreadable' ? embargo.problems : [];
  const others = inputs.notesFile.holds.map((h) => h.problem).filter((p) => !held.includes(p));
  reportInputProblems(ctx, others);
  for (const p of held) ctx.io.err(`session held: ${formatProblem(p)}`);
  return held;
}

/** Printed on stderr; the run goes on without the entries (or the file) the problems name. */
export function reportInputProblems(ctx: CommandContext, problems: readonly InputProblem[]): void {
  for (const p of problems) ctx.io.err(`input left out: ${formatProblem(p)}`);
}
