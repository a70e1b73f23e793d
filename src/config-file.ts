/**
 * The config file: where it is, what it holds, and where in it a field sits (for errors that
 * say file:line). It is found, when not named, upward from the working folder: the nearest
 * `wirecopy.config.json|yaml|yml`, stopping at the folder that holds `.git` (the repository
 * root) or at the filesystem root, so a config in a project never leaks into another.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { Errors, WirecopyError } from './errors.ts';
import { plainDataOf } from './yaml-data.ts';

export const CONFIG_FILES = ['wirecopy.config.json', 'wirecopy.config.yaml', 'wirecopy.config.yml'];

export interface ConfigFile {
  path: string;
  /** The fields as written, not yet validated. */
  data: Record<string, unknown>;
  /** `path:line` of a field (`['verify', 'sanityBound']`), or just the path when it cannot be placed. */
  locate(field: readonly PropertyKey[]): string;
}

/** The nearest config file at or above `cwd`, up to the repository root; undefined when there is none. */
export function discoverConfigFile(cwd: string): string | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const found = CONFIG_FILES.map((name) => join(dir, name)).find((path) => existsSync(path));
    if (found) return found;
    if (existsSync(join(dir, '.git')) || dirname(dir) === dir) return undefined;
  }
}

/**
 * Reads and parses a config file. Unreadable is an error only when the file was named
 * (`--config`, `WIRECOPY_CONFIG`); a found one that vanished reads as no file at all.
 */
export function readConfigFile(file: string, required: boolean): ConfigFile | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    if (!required) return undefined;
    throw new WirecopyError(Errors.FileUnreadable, `Could not read the config file ${file}.`, {
      hint: 'Check the path given to --config or WIRECOPY_CONFIG.',
      cause,
    });
  }
  const json = file.endsWith('.json');
  const lines = new LineCounter();
  // JSON is YAML too: one parser gives the positions of both; JSON.parse stays the judge of JSON.
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  let value: unknown;
  try {
    if (json) value = JSON.parse(text);
    else if (document.errors[0]) throw document.errors[0];
    else if (document.contents === null) value = {};
    else {
      const plain = plainDataOf(document);
      if (!plain.ok)
        throw new Error(`line ${lines.linePos(plain.offset).line}: the file was not read: ${plain.message}`);
      value = plain.data;
    }
  } catch (cause) {
    throw new WirecopyError(
      Errors.ConfigInvalid,
      `The config file ${file} is not valid ${json ? 'JSON' : 'YAML'}.`,
      {
        details: [cause instanceof Error ? cause.message : String(cause)],
        hint: 'Fix the syntax at the place named above.',
        cause,
      },
    );
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new WirecopyError(
      Errors.ConfigInvalid,
      `${file} holds ${describeValue(value)} at the top, where wirecopy expects an object of fields.`,
      {
        hint: `Write one object at the top, e.g. ${json ? '{ "indexes": ["RUT", "SPX"] }' : 'indexes: [RUT, SPX]'}; README.md, "Configuration", lists every field.`,
      },
    );
  }
  return {
    path: file,
    data: value as Record<string, unknown>,
    locate(field) {
      const offset = offsetOf(document.contents, field);
      return offset === undefined ? file : `${file}:${lines.linePos(offset).line}`;
    },
  };
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return `a single ${typeof value}`;
}

/** Where the field's key (or list item) starts in the text. */
function offsetOf(root: unknown, field: readonly PropertyKey[]): number | undefined {
  let node = root;
  let offset: number | undefined;
  for (const step of field) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === step);
      if (!pair) return offset;
      offset = (pair.key as YamlNode).range?.[0];
      node = pair.value;
    } else if (isSeq(node) && typeof step === 'number') {
      node = node.items[step];
      offset = (node as YamlNode | undefined)?.range?.[0] ?? offset;
    } else {
      return offset;
    }
  }
  return offset;
}
