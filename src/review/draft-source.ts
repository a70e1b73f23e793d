/**
 * A draft file as the review rules see it: the whole text (for places), the YAML front matter
 * as a document that remembers where each field is, and the raw values it holds. Rules read it
 * from `file.data.draft`, which `remark-draft-front-matter` fills before any other rule runs.
 */

import type { Position } from 'unist';
import type { VFile } from 'vfile';
import { type Document, isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { plainDataOf } from '../yaml-data.ts';
import { SourceText } from './source-text.ts';

export interface FrontMatterBlock {
  /** Offsets in the file: the YAML text is [yamlStart, yamlEnd); the body starts at bodyStart. */
  yamlStart: number;
  yamlEnd: number;
  bodyStart: number;
}

export interface DraftSource {
  source: SourceText;
  block: FrontMatterBlock | undefined;
  document: Document.Parsed | undefined;
  /** The parsed front matter, unvalidated; undefined when missing or unparsable. */
  data: Record<string, unknown> | undefined;
  /** The YAML could not be parsed: the file is unreadable input (exit 2), not a failed check. */
  unreadable: boolean;
  /** Parsed, but refused as data: aliases that expand too far (offsets in the file). */
  refused?: { start: number; message: string };
}

declare module 'vfile' {
  interface DataMap {
    draft: DraftSource;
  }
}

/** The draft source a rule works on; a rule used without `remark-draft-front-matter` is a bug. */
export function draftOf(file: VFile): DraftSource {
  const draft = file.data.draft;
  if (!draft) throw new Error('review rules need remark-draft-front-matter to run first');
  return draft;
}

/** Finds the `---` fences the way gray-matter does: the first line, then the next `---` (or `...`) line. */
export function findFrontMatter(text: string): FrontMatterBlock | undefined {
  const opening = /^---[ \t]*\r?\n/.exec(text);
  if (!opening) return undefined;
  const yamlStart = opening[0].length;
  const closing = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/gm;
  closing.lastIndex = yamlStart;
  const match = closing.exec(text);
  if (!match) return undefined;
  return { yamlStart, yamlEnd: match.index, bodyStart: match.index + match[0].length };
}

/**
 * The text with the front matter blanked out, character for character (newlines kept), so the
 * markdown parser sees only the body while every offset, line and column stays the file's own.
 */
export function maskFrontMatter(text: string): string {
  const block = findFrontMatter(text);
  if (!block) return text;
  return text.slice(0, block.bodyStart).replace(/[^\n]/g, ' ') + text.slice(block.bodyStart);
}

/**
 * Parses the front matter. Dates without quotes become timestamps, as they do for gray-matter
 * and the site (js-yaml): the schema then rejects them, which is what the site would do too.
 */
export function readDraftSource(text: string): DraftSource {
  const source = new SourceText(text);
  const block = findFrontMatter(text);
  if (!block) return { source, block, document: undefined, data: undefined, unreadable: false };
  const document = parseDocument(text.slice(block.yamlStart, block.yamlEnd), {
    customTags: ['timestamp'],
    prettyErrors: false,
  });
  if (document.errors.length > 0) return { source, block, document, data: undefined, unreadable: true };
  const plain = plainDataOf(document);
  if (!plain.ok) {
    const refused = { start: block.yamlStart + plain.offset, message: plain.message };
    return { source, block, document, data: undefined, unreadable: true, refused };
  }
  const value: unknown = plain.data;
  const data =
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  return { source, block, document, data, unreadable: false };
}

export type FieldPath = ReadonlyArray<string | number>;

/**
 * Where a field is written: the key of the deepest pair on `path` that exists (so a missing
 * `review.by` points at `review:`), or the opening fence when nothing on the path exists.
 */
export function fieldPlace(draft: DraftSource, path: FieldPath): Position {
  const { block, document, source } = draft;
  if (!block || !document) return source.position(0, 3);
  let node: unknown = document.contents;
  let place: [number, number] | undefined;
  for (const segment of path) {
    const found = childOf(node, segment);
    if (!found) break;
    place = found.place;
    node = found.node;
  }
  if (!place) return source.position(0, 3);
  return source.position(block.yamlStart + place[0], block.yamlStart + place[1]);
}

/** The range (file offsets) of a scalar value, for rules that look inside a text field. */
export function scalarRange(draft: DraftSource, path: FieldPath): [number, number] | undefined {
  const { block, document } = draft;
  if (!block || !document) return undefined;
  let node: unknown = document.contents;
  for (const segment of path) {
    node = childOf(node, segment)?.node;
    if (node === undefined) return undefined;
  }
  if (!isScalar(node) || !node.range) return undefined;
  return [block.yamlStart + node.range[0], block.yamlStart + node.range[1]];
}

function childOf(
  node: unknown,
  segment: string | number,
): { node: unknown; place: [number, number] } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
    const key = pair?.key as YamlNode | undefined;
    if (!pair || !key?.range) return undefined;
    return { node: pair.value, place: [key.range[0], key.range[1]] };
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment] as YamlNode | undefined;
    if (!item?.range) return undefined;
    return { node: item, place: [item.range[0], item.range[1]] };
  }
  return undefined;
}

/** The parsed value at `path`, or undefined. */
export function fieldValue(draft: DraftSource, path: FieldPath): unknown {
  let node: unknown = draft.data;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}
