/**
 * Reads `content/inputs/targets.yaml`, the editors' index targets: a list of entries
 *
 *   - org: Goldman Sachs
 *     index: RUT            # a configured key or alias
 *     target: 2600
 *     date: 2026-07-15      # when it was published
 *     source: https://...   # where
 *
 * The zod schema is the source of truth for the entry type. Every problem names its file and
 * line (the YAML node the schema complained about, through a LineCounter), and a bad entry is
 * skipped, not fatal: the good ones are still quoted.
 */
import { isMap, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { z } from 'zod';
import { isIsoDate } from '../calendar/dates.ts';
import { echo } from '../echo-safe.ts';
import type { PriceTarget } from '../stats/targets.ts';
import { orgSlug } from '../stats/targets.ts';
import type { SymbolRegistry } from '../symbols.ts';
import type { InputProblem } from '../types.ts';
import { plainDataOf } from '../yaml-data.ts';

export const targetEntrySchema = z.strictObject({
  org: z
    .string()
    .trim()
    .refine((org) => orgSlug(org) !== '', 'needs a letter or digit'),
  index: z.string().trim().min(1),
  target: z.number().positive(),
  date: z.string().refine(isIsoDate, 'expected a YYYY-MM-DD date'),
  source: z.url({
    protocol: /^https?$/,
    error: (issue) => (issue.input === undefined ? undefined : 'expected an http(s) URL'),
  }),
});

/** "is required" for a missing field, over zod's "expected string, received undefined". */
const requiredMessage = (issue: { input?: unknown }) =>
  issue.input === undefined ? 'is required' : undefined;

export type TargetEntry = z.infer<typeof targetEntrySchema>;

export interface TargetsFileOptions {
  /** The path shown in problems. */
  file: string;
  /** Resolves `index` aliases to keys and rejects unknown ones; without it `index` is kept as written. */
  registry?: SymbolRegistry;
}

export function parseTargetsFile(
  text: string,
  options: TargetsFileOptions,
): { targets: PriceTarget[]; problems: InputProblem[] } {
  const { file } = options;
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const lineAt = (offset: number) => lines.linePos(offset).line;
  const problems: InputProblem[] = [];
  const error = (code: string, line: number, message: string, hint: string, column?: string) =>
    problems.push({ severity: 'error', code, message, hint, file, line, ...(column ? { column } : {}) });

  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      // The parser's message ends with its own "at line 2, column 1:"; the line is ours to give.
      const message = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      error('targets/yaml', lineAt(e.pos[0]), message, 'Fix the YAML syntax on that line.');
    }
    return { targets: [], problems };
  }
  if (doc.contents === null) return { targets: [], problems };
  if (!isSeq(doc.contents)) {
    const hint = 'Write one "- org: ..." entry per target.';
    error(
      'targets/not-a-list',
      lineAt(doc.contents.range?.[0] ?? 0),
      'The file must be a list of targets.',
      hint,
    );
    return { targets: [], problems };
  }

  const plain = plainDataOf(doc);
  if (!plain.ok) {
    error(
      'targets/yaml-aliases',
      lineAt(plain.offset),
      `The file was not read: ${plain.message}`,
      'Write each target out in full instead of repeating entries with &anchors and *aliases.',
    );
    return { targets: [], problems };
  }
  const values = plain.data as unknown[];
  const targets: PriceTarget[] = [];
  doc.contents.items.forEach((item, i) => {
    const entryLine = lineAt((item as Node | null)?.range?.[0] ?? 0);
    const parsed = targetEntrySchema.safeParse(values[i] ?? null, { error: requiredMessage });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const { line, field } = issuePlace(issue, item, lineAt, entryLine);
        error('targets/invalid', line, `${field ?? 'entry'}: ${issue.message}`, ENTRY_HINT, field);
      }
      return;
    }
    const entry = parsed.data;
    const index = options.registry ? options.registry.resolve(entry.index)?.key : entry.index;
    if (index === undefined) {
      const offset = valueNode(item, 'index')?.range?.[0];
      const line = offset === undefined ? entryLine : lineAt(offset);
      error(
        'targets/unknown-index',
        line,
        `index: ${echo(String(entry.index))} is not a configured series`,
        ENTRY_HINT,
        'index',
      );
      return;
    }
    targets.push({ ...entry, index, file, line: entryLine });
  });
  return { targets, problems };
}

const ENTRY_HINT =
  'Each entry needs org, index (a series key such as RUT), target (a number), date (YYYY-MM-DD) and source (a URL).';

/** The line of the node an issue is about: the value, an unknown key, or the entry itself. */
function issuePlace(
  issue: z.core.$ZodIssue,
  item: unknown,
  lineAt: (offset: number) => number,
  entryLine: number,
): { line: number; field?: string } {
  const [key] = issue.path;
  if (issue.code === 'unrecognized_keys' && isMap(item)) {
    const field = issue.keys[0];
    const pair = item.items.find((p) => (p.key as { value?: unknown } | null)?.value === field);
    const offset = (pair?.key as Node | null)?.range?.[0];
    return { line: offset === undefined ? entryLine : lineAt(offset), field };
  }
  if (typeof key !== 'string') return { line: entryLine };
  const offset = valueNode(item, key)?.range?.[0];
  // A missing field has no node: point at the entry that lacks it.
  return { line: offset === undefined ? entryLine : lineAt(offset), field: key };
}

function valueNode(item: unknown, key: string): Node | undefined {
  if (!isMap(item)) return undefined;
  const value = item.get(key, true);
  return value && typeof value === 'object' && 'range' in value ? (value as Node) : undefined;
}
