/**
 * The desk's inputs in content/inputs/: quotes and analyst targets. A missing file means no
 * inputs; problems in a file are printed as warnings with file:line and never stop a draft
 * (the bad entry is left out).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseTargetsFile } from '../facts/targets-file.ts';
import { loadQuotes, type Quote } from '../inputs/quotes.ts';
import type { PriceTarget } from '../stats/targets.ts';
import type { InputProblem } from '../types.ts';
import type { CommandContext } from './context.ts';
import { formatProblem } from './import.ts';

export interface DeskInputs {
  quotes: Quote[];
  targets: PriceTarget[];
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
  return {
    quotes: quotes.quotes,
    targets: targets.targets,
    problems: [...quotes.problems, ...targets.problems],
  };
}

export function reportInputProblems(ctx: CommandContext, problems: readonly InputProblem[]): void {
  for (const p of problems) ctx.io.err(`warning: ${formatProblem(p)}`);
}
