/**
 * Editor-supplied YAML inputs, validated by zod, every problem reported as an `InputProblem` on
 * the line of the offending field. Content problems are never thrown: an editor fixes them from
 * the list, and the inputs that are valid are still used.
 *
 * Rule ids are `<prefix>/<rule>`: `yaml-syntax`, `missing-field`, `unknown-field`, the `rule`
 * a schema attaches to a check (`params: { rule: 'bad-date' }`), else `invalid-field`.
 */
import { readFileSync } from 'node:fs';
import { type Document, isMap, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { z } from 'zod';
import { isIsoDate } from '../calendar/dates.ts';
import { echo } from '../echo-safe.ts';
import { Errors, WirecopyError } from '../errors.ts';
import type { InputProblem } from '../types.ts';
import { plainDataOf } from '../yaml-data.ts';

export interface YamlInput {
  /** Path shown in problems, e.g. `content/inputs/quotes.yaml`. */
  file: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** The document as plain data (null for an empty file). */
  data: unknown;
}

/**
 * A real calendar date written YYYY-MM-DD, as a field or a record key (YAML 1.2 reads an
 * unquoted 2026-11-20 as that text, not as a timestamp). Rule `bad-date`.
 */
export const isoDateField = z.custom<string>((value) => typeof value === 'string' && isIsoDate(value), {
  message: 'must be a real date written YYYY-MM-DD',
  params: { rule: 'bad-date' },
});

/** Hints by rule (`missing-field`, `bad-date`, ...), for what to do about a problem. */
export type Hints = Partial<Record<string, string>>;

/** The text of an optional input file; undefined when there is none. */
export function readOptionalInput(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new WirecopyError(Errors.FileUnreadable, `${path} could not be read.`, {
      hint: 'Check that the file is readable, or remove it: editor inputs are optional.',
      cause,
    });
  }
}

/**
 * Parses `text`. Syntax errors, and aliases that expand too far (see src/yaml-data.ts), become
 * problems, and a file that has any gives no data.
 */
export function parseYamlInput(
  text: string,
  file: string,
  prefix: string,
): { input: YamlInput; problems: InputProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const problems = [...doc.errors, ...doc.warnings].map(
    (error): InputProblem => ({
      severity: doc.errors.includes(error) ? 'error' : 'warning',
      code: `${prefix}/yaml-syntax`,
      message: echo(error.message.split('\n')[0]!, 200),
      hint: 'Fix the YAML at that line: indent nested fields by two spaces and quote text that contains ": " or starts with a special character.',
      file,
      line: lineCounter.linePos(error.pos[0]).line,
    }),
  );
  const plain = doc.errors.length > 0 ? undefined : plainDataOf(doc);
  if (plain && !plain.ok) {
    problems.push({
      severity: 'error',
      code: `${prefix}/yaml-aliases`,
      message: `The file was not read: ${plain.message}`,
      hint: 'Write the entries out in full instead of repeating them with &anchors and *aliases.',
      file,
      line: lineCounter.linePos(plain.offset).line,
    });
  }
  return { input: { file, doc, lineCounter, data: plain?.ok ? plain.data : null }, problems };
}

function lineAt(input: YamlInput, node: Node | null | undefined): number | undefined {
  const offset = node?.range?.[0];
  return offset === undefined ? undefined : input.lineCounter.linePos(offset).line;
}

/**
 * The line of the field at `path`: the line of its key in a map, of its item in a list. A path
 * that does not exist (a missing field) gives the line of the deepest part that does.
 */
export function lineOf(input: YamlInput, path: readonly PropertyKey[]): number {
  let node = input.doc.contents as Node | null;
  let line = lineAt(input, node) ?? 1;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => String((item.key as { value?: unknown })?.value) === String(key),
      );
      if (!pair) break;
      line = lineAt(input, pair.key as Node) ?? line;
      node = pair.value as Node | null;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key] as Node | undefined;
      if (!item) break;
      line = lineAt(input, item) ?? line;
      node = item;
    } else {
      break;
    }
  }
  return line;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function ruleOf(issue: z.core.$ZodIssue): string | undefined {
  const params = (issue as { params?: { rule?: string } }).params;
  if (params?.rule) return params.rule;
  // A record key's own check is reported inside an `invalid_key` issue.
  if (issue.code === 'invalid_key') return issue.issues.map(ruleOf).find(Boolean);
  return undefined;
}

const fieldName = (path: readonly PropertyKey[]) =>
  [...path].reverse().find((key) => typeof key === 'string') ?? 'entry';

/**
 * Validates `data` (found at `path` in the document) against `schema`. Returns the parsed value
 * when valid, and one problem per zod issue, each on the line of its field.
 */
export function validateYaml<T>(
  input: YamlInput,
  path: readonly PropertyKey[],
  data: unknown,
  schema: z.ZodType<T>,
  prefix: string,
  hints: Hints = {},
): { value: T | undefined; problems: InputProblem[] } {
  const result = schema.safeParse(data);
  if (result.success) return { value: result.data, problems: [] };
  const problems = result.error.issues.flatMap((issue): InputProblem[] => {
    const at = [...path, ...issue.path];
    const problem = (rule: string, fieldPath: readonly PropertyKey[], message: string): InputProblem => ({
      severity: 'error',
      code: `${prefix}/${rule}`,
      message,
      hint: hints[rule] ?? hints['invalid-field'],
      file: input.file,
      line: lineOf(input, fieldPath),
    });
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) =>
        problem('unknown-field', [...at, key], `${echo(key)} is not a known field here (a typo?)`),
      );
    }
    if (valueAt(data, issue.path) == null) {
      return [problem('missing-field', at, `${fieldName(at)} is missing`)];
    }
    // A record key's own message ("must be a real date") says more than "Invalid key in record".
    const message =
      issue.code === 'invalid_key' ? (issue.issues[0]?.message ?? issue.message) : issue.message;
    const found = valueAt(data, issue.path);
    const shown = typeof found === 'object' ? '' : ` (found ${echo(JSON.stringify(found) ?? String(found))})`;
    return [problem(ruleOf(issue) ?? 'invalid-field', at, `${fieldName(at)}: ${message}${shown}`)];
  });
  return { value: undefined, problems };
}
