/**
 * remark plugin: the facts in the front matter are the generator's, not the editor's. Numbers
 * are checked against them, so a fact edited to agree with an edited number would defeat every
 * other rule. The facts are compared with the generator's own: the seal the draft carries
 * (`generator.facts`, see src/drafts/fact-seal.ts), else the generated text the store kept for
 * the draft (found by the content hash the draft carries).
 *
 * Rules: `facts-edited` (error); `facts-unverified` (error: neither the seal nor the generated
 * text can be found, so an edited fact would pass unseen).
 */
import { basename } from 'node:path';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { unsealFacts } from '../drafts/fact-seal.ts';
import { type DraftSource, draftOf, fieldPlace, fieldValue, readDraftSource } from './draft-source.ts';
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
    const original =
      unsealFacts(fieldValue(draft, ['generator', 'facts'])) ?? storedFacts(draft, file, options);
    if (!isEntries(original)) {
      const asOf = fieldValue(draft, ['asOf']);
      const session = typeof asOf === 'string' ? ` --as-of ${asOf}` : '';
      const sealed = fieldValue(draft, ['generator', 'facts']) !== undefined;
      report(
        file,
        'error',
        'facts-unverified',
        `The facts cannot be compared with what the generator wrote: ${sealed ? 'generator.facts is damaged' : 'the draft carries no generator.facts'} and the store keeps no generated text for it.`,
        {
          place: fieldPlace(draft, sealed ? ['generator', 'facts'] : ['facts']),
          hint: `Regenerate it: \`wirecopy draft${session}\` rewrites a draft that was not edited; for an edited one, \`wirecopy draft${session} --force\` writes the generated text beside it (-r2.md) to compare the facts with, or check it against the store it was drafted with (--store).`,
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

/** The facts of the generated text the store kept for this draft, if any. */
function storedFacts(draft: DraftSource, file: VFile, options: Options): unknown {
  const contentHash = fieldValue(draft, ['generator', 'contentHash']);
  const generated = options.generatedText({
    fileName: basename(file.path ?? ''),
    contentHash: typeof contentHash === 'string' ? contentHash : undefined,
  });
  return generated === undefined ? undefined : fieldValue(readDraftSource(generated), ['facts']);
}

function isEntries(value: unknown): value is FactEntries {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
