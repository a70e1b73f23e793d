/**
 * YAML to plain data, with one bound on aliases for every file wirecopy reads (drafts, articles,
 * notes, quotes, targets, config). A few lines of anchors and aliases can expand to billions of
 * nodes ("billion laughs"); the `yaml` parser refuses past `maxAliasCount` by throwing, which
 * would otherwise surface as a crash. Here the refusal becomes a located problem.
 */
import { type Document, isAlias, LineCounter, parseDocument, stringify, visit } from 'yaml';

/**
 * How many alias expansions one document may make (the `yaml` package's default, written down
 * so every reader shares it). Hand-written desk files rarely use aliases at all.
 */
export const MAX_YAML_ALIASES = 100;

export type PlainData =
  | { ok: true; data: unknown }
  | {
      ok: false;
      /** Offset in the YAML text of the first alias: where the expansion starts. */
      offset: number;
      message: string;
    };

/** The document as plain data, or where and why its aliases were refused. */
export function plainDataOf(doc: Document.Parsed): PlainData {
  try {
    return { ok: true, data: doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }) };
  } catch (error) {
    // yaml throws a ReferenceError for an alias it will not expand; anything else is a bug.
    if (!(error instanceof ReferenceError)) throw error;
    return {
      ok: false,
      offset: firstAliasOffset(doc),
      message: /excessive alias count/i.test(error.message)
        ? `aliases (*name) expand to more than ${MAX_YAML_ALIASES} copies`
        : `an alias could not be read (${error.message})`,
    };
  }
}

function firstAliasOffset(doc: Document.Parsed): number {
  let offset = 0;
  visit(doc, {
    Alias(_key, node) {
      if (isAlias(node) && node.range) {
        offset = node.range[0];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return offset;
}

/**
 * A front-matter reader for gray-matter (`engines: { yaml }`): the `yaml` package with the alias
 * bound, dates read as timestamps the way gray-matter's js-yaml reads them. A problem throws an
 * Error whose message names the line in the file (gray-matter passes the text from the end of the
 * opening `---`, so the parser's line numbers are the file's).
 */
export const frontMatterEngine = {
  parse(text: string): object {
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { customTags: ['timestamp'], lineCounter, prettyErrors: false });
    const fileLine = (offset: number) => lineCounter.linePos(offset).line;
    const [error] = doc.errors;
    if (error) throw new Error(`line ${fileLine(error.pos[0])}: ${error.message.split('\n')[0]}`);
    const plain = plainDataOf(doc);
    if (!plain.ok)
      throw new Error(`line ${fileLine(plain.offset)}: the front matter was not read: ${plain.message}`);
    return (plain.data ?? {}) as object;
  },
  /**
   * The writer, the same package and schema (issue 14: gray-matter's js-yaml 3 used to write what
   * `yaml` read). With the timestamp tag in the schema, a string that would read back as a date
   * (`asOf: '2025-09-18'`) is quoted; one line per field (no folding), no anchors for repeated
   * objects: a desk reads the file, and so do Astro's js-yaml and `wirecopy check`.
   */
  stringify(data: object): string {
    return stringify(data, {
      customTags: ['timestamp'],
      lineWidth: 0,
      aliasDuplicateObjects: false,
      singleQuote: true,
    });
  },
};
