/**
 * remark plugin: reads a draft's YAML front matter into `file.data.draft` for the other rules,
 * and hides it from the markdown parser (blanked, so body places stay the file's own). Use it
 * right after remark-parse: it wraps the parser that remark-parse installs.
 *
 * Rules: `yaml-syntax` and `yaml-aliases` (errors; the file is unreadable input),
 * `front-matter-missing` (error).
 */
import type { Root } from 'mdast';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { maskFrontMatter, readDraftSource } from './draft-source.ts';
import { report } from './messages.ts';

export type Options = Record<string, never>;

export default function remarkDraftFrontMatter(this: Processor, _options?: Options) {
  const parse = this.parser;
  if (!parse) throw new Error('remark-draft-front-matter must be used after remark-parse');
  this.parser = (document, file) => parse(maskFrontMatter(document), file);

  return (_tree: Root, file: VFile) => {
    const draft = readDraftSource(String(file));
    file.data.draft = draft;
    if (!draft.block) {
      report(file, 'error', 'front-matter-missing', 'The file has no front matter.', {
        place: draft.source.point(0),
        hint: 'A draft starts with a `---` line, its YAML fields, and another `---` line; regenerate it with `wirecopy draft` if it was lost.',
      });
      return;
    }
    for (const error of draft.document?.errors ?? []) {
      const start = draft.block.yamlStart + error.pos[0];
      report(
        file,
        'error',
        'yaml-syntax',
        `The front matter is not valid YAML: ${firstLine(error.message)}`,
        {
          place: draft.source.position(start, draft.block.yamlStart + error.pos[1]),
          hint: 'Fix the YAML at this place (quote text that contains `: ` or starts with a quote, `{`, `[` or `#`).',
        },
      );
    }
    if (draft.refused) {
      report(file, 'error', 'yaml-aliases', `The front matter was not read: ${draft.refused.message}.`, {
        place: draft.source.point(draft.refused.start),
        hint: 'Write the fields out in full instead of repeating them with &anchors and *aliases; regenerate the draft with `wirecopy draft` if it was not meant to have any.',
      });
    }
  };
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.trim();
}
