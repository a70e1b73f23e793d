/**
 * What an editor changed in a draft against the text the generator wrote (src/review/draft-diff.ts),
 * for `wirecopy diff` and the desk's review: the draft read and its front matter judged first.
 */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { Errors, WirecopyError } from '../errors.ts';
import { diffDraft, type SectionDiff } from '../review/draft-diff.ts';
import { fieldValue, readDraftSource } from '../review/draft-source.ts';
import { frontMatterProblem } from '../review/front-matter-problem.ts';
import { generatedTextOf } from '../review/generated-text.ts';
import type { CommandContext } from './context.ts';

export interface DraftDiff {
  /** The text the generator wrote, as the store keeps it. */
  generated: string;
  /** The draft as it is now. */
  current: string;
  sections: SectionDiff[];
}

/**
 * `file` as the user named it (relative to the working folder): the draft on disk, or `current`
 * when the caller already holds its text, against the store's generated text.
 */
export function diffFile(ctx: CommandContext, file: string, current?: string): DraftDiff {
  const path = resolve(ctx.cwd, file);
  const text = current ?? readDraft(path, file);
  const source = readDraftSource(text);
  const problem = frontMatterProblem(source);
  if (problem) {
    throw new WirecopyError(
      Errors.DraftInvalid,
      `${file}:${problem.place.line}:${problem.place.column}: the draft ${problem.reason}.`,
      {
        hint: `Fix it at that place (\`wirecopy check ${file}\` reports it too), then run diff again: without its fields there is nothing to compare the text with.`,
      },
    );
  }
  const contentHash = fieldValue(source, ['generator', 'contentHash']);
  const store = ctx.storeWithData('to compare the draft with');
  const generated = generatedTextOf(store, {
    fileName: basename(path),
    contentHash: typeof contentHash === 'string' ? contentHash : undefined,
  });
  if (generated === undefined) {
    const asOf = fieldValue(source, ['asOf']);
    throw new WirecopyError(Errors.NoData, `The store keeps no generated text for ${file}.`, {
      hint: `Use the store the draft was written with (--store). For a draft not edited since, \`wirecopy draft --as-of ${typeof asOf === 'string' ? asOf : 'DATE'}\` with this store keeps its text here; otherwise regenerate the draft into another folder to compare by hand.`,
    });
  }
  return { generated, current: text, sections: diffDraft(generated, text) };
}

function readDraft(path: string, file: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (cause) {
    throw new WirecopyError(Errors.FileUnreadable, `Could not read ${file}.`, {
      hint: 'Check the path.',
      cause,
    });
  }
}
