/**
 * A draft on disk: front matter + markdown body, with a content hash of everything the
 * generator wrote. A file whose text no longer matches its hash was edited by hand, and is
 * never overwritten. Writes are atomic (src/io/atomic-write.ts).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import matter from 'gray-matter';
import { writeFileAtomic } from '../io/atomic-write.ts';
import { frontMatterEngine } from '../yaml-data.ts';
import type { FrontMatter } from './front-matter.ts';

const HASH_LINE = /^(\s*contentHash:\s*)(['"]?)(sha256:[0-9a-f]{64})\2\s*$/m;

/** The draft's text; `generator.contentHash` is computed here, over the text with the hash blank. */
export function serializeDraft(
  frontMatter: Omit<FrontMatter, 'generator'> & { generator: Omit<FrontMatter['generator'], 'contentHash'> },
  body: string,
): string {
  const placeholder = `sha256:${'0'.repeat(64)}`;
  const data = { ...frontMatter, generator: { ...frontMatter.generator, contentHash: placeholder } };
  const text = matter.stringify(`\n${body.trim()}\n`, data, { engines: { yaml: frontMatterEngine } });
  return text.replace(placeholder, hashOf(text));
}

/** sha256 of the text with the content hash itself blanked. */
export function hashOf(text: string): string {
  const blanked = text.replace(HASH_LINE, '$1');
  return `sha256:${createHash('sha256').update(blanked).digest('hex')}`;
}

/** Whether a draft's text is exactly what the generator wrote (no hand edits). */
export function isUntouched(text: string): boolean {
  const recorded = HASH_LINE.exec(text)?.[3];
  return recorded !== undefined && recorded === hashOf(text);
}

/** Whether the file at `path` is a draft an editor has changed (a missing file is not). */
export function isEditedOnDisk(path: string): boolean {
  let existing: string;
  try {
    existing = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  return !isUntouched(existing);
}

export type WriteOutcome = 'created' | 'updated' | 'unchanged' | 'edited';

/**
 * Writes a generated draft unless an editor has changed the file there: `edited` means it was
 * left alone. Regenerating from the same data leaves the file untouched (`unchanged`).
 *
 * An editor may save between the hash check and the rename, so the file's bytes are compared
 * again right before the rename: a save that landed meanwhile counts as an edit, exactly as if
 * it had come a moment earlier (left alone, or `--force`'s `-r2` revision). What is left is the
 * microseconds between that comparison and the rename, which only a lock the editor takes could close.
 */
export async function writeDraft(path: string, text: string): Promise<WriteOutcome> {
  // Async for its callers' sake: the write itself is synchronous, a few kilobytes.
  const existing = readIfPresent(path);
  if (existing === text) return 'unchanged';
  if (existing !== undefined && !isUntouched(existing)) return 'edited';
  const written = writeFileAtomic(path, text, { precondition: () => readIfPresent(path) === existing });
  if (!written) return 'edited';
  return existing === undefined ? 'created' : 'updated';
}

function readIfPresent(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
