/**
 * The desk's inputs in content/inputs/: quotes, analyst targets and notes. A missing file means no
 * inputs; problems in a file are printed as warnings with file:line and never stop a draft
 * (the bad entry is left out).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseTargetsFile } from '../facts/targets-file.ts';
import { loadNotes, type Notes } from '../inputs/notes.ts';
import { loadQuotes, type Quote } from '../inputs/quotes.ts';
import type { PriceTarget } from '../stats/targets.ts';
import type { InputProblem } from '../types.ts';
import type { CommandContext } from './context.ts';
import { formatProblem } from './import-report.ts';

export interface DeskInputs {
  quotes: Quote[];
  targets: PriceTarget[];
  notes: Notes;
  problems: InputProblem[];
}

export function loadDeskInputs(ctx: CommandContext): DeskInputs {
  const inputs = join(ctx.contentDir, 'inputs');
  const shown = (file: string) => relative(ctx.cwd, join(inputs, file)) || file;
  const quotes = loadQuotes(join(inputs, 'quotes.yaml'), shown('quotes.yaml'));
  const targetsPath = join(inputs, 'targets.yaml');
  const targets = existsSync(targetsPath)
    ? parseTargetsFile(readFileSync(targetsPath, 'utf8'), {
        file: shown('targets.yaml'),
        registry: ctx.registry,
      })
    : { targets: [], problems: [] };
  const notes = loadNotes(join(inputs, 'notes.yaml'), shown('notes.yaml'));
  return {
    quotes: quotes.quotes,
    targets: targets.targets,
    notes: notes.notes,
    problems: [...quotes.problems, ...targets.problems, ...notes.problems],
  };
}

/** Printed on stderr; the run goes on without the entries (or the file) the problems name. */
export function reportInputProblems(ctx: CommandContext, problems: readonly InputProblem[]): void {
  for (const p of problems) ctx.io.err(`input left out: ${formatProblem(p)}`);
}
