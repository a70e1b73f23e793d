/**
 * remark plugin: the facts in the front matter are the generator's, not the editor's. Numbers
 * are checked against them, so a fact edited to agree with an edited number would defeat every
 * other rule. The facts are compared with the generated text the store kept for the draft
 * (found by the content hash the draft carries).
 *
 * Rules: `facts-edited` (error); `facts-unverified` (info: no generated text was kept).
 */
import { basename } from 'node:path';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { draftOf, fieldPlace, fieldValue, readDraftSource } from './draft-source.ts';
import { report } from './messages.ts';

export interface GeneratedTextRef {
  fileName: string;
  contentHash: string | undefined;
}

export interface Options {
  /** The text the generator wrote for this draft, or undefined when none was kept. */
  generatedText: (ref: GeneratedTextRef) => string | undefined;
}

type FactEntries = Record<string, { value?: unknown; display?: unknown }>;

export default function remarkGeneratedFacts(options: Options) {
  return (_tree: Root, file: VFile) => {
    const draft = draftOf(file);
    const facts = fieldValue(draft, ['facts']);
    if (draft.unreadable || !isEntries(facts)) return;
    const contentHash = fieldValue(draft, ['generator', 'contentHash']);
    const generated = options.generatedText({
      fileName: basename(file.path ?? ''),
      contentHash: typeof contentHash === 'string' ? contentHash : undefined,
    });
    const original = generated === undefined ? undefined : fieldValue(readDraftSource(generated), ['facts']);
    if (!isEntries(original)) {
      report(
        file,
        'info',
        'facts-unverified',
        'The store keeps no generated text for this draft, so its facts were not compared with what the generator wrote.',
        {
          place: fieldPlace(draft, ['facts']),
        },
      );
      return;
    }
    for (const [id, fact] of Object.entries(facts)) {
      const before = original[id];
      const problem = !before
        ? `${id} was not written by the generator`
        : before.value !== fact.value || before.display !== fact.display
          ? `${id} was ${String(before.display)} (${String(before.value)}) as generated, now ${String(fact.display)} (${String(fact.value)})`
          : undefined;
      if (!problem) continue;
      report(file, 'error', 'facts-edited', `The facts were edited: ${problem}.`, {
        place: fieldPlace(draft, ['facts', id]),
        hint: 'Restore the generated fact (`wirecopy diff` shows it); a number from elsewhere gets a <!--sourced: ...--> mark in the body instead.',
      });
    }
  };
}

function isEntries(value: unknown): value is FactEntries {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
