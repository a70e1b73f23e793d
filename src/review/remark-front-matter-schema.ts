/**
 * remark plugin: the front matter must satisfy `frontMatterSchema`, the schema the generator
 * writes with and the site reads with. Each problem is reported on the line of the field.
 *
 * Rule: `front-matter` (error).
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { frontMatterSchema } from '../content/front-matter.ts';
import { draftOf, fieldPlace, fieldValue } from './draft-source.ts';
import { report } from './messages.ts';

export type Options = Record<string, never>;

export default function remarkFrontMatterSchema(_options?: Options) {
  return (_tree: Root, file: VFile) => {
    const draft = draftOf(file);
    if (!draft.block || draft.unreadable) return;
    const parsed = frontMatterSchema.safeParse(draft.data ?? {});
    if (parsed.success) return;
    for (const issue of parsed.error.issues) {
      const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
      const field = path.join('.') || '(front matter)';
      const value = fieldValue(draft, path);
      report(file, 'error', 'front-matter', `Front matter \`${field}\`: ${issue.message}.`, {
        place: fieldPlace(draft, path),
        hint:
          value instanceof Date
            ? `Quote the date ('${value.toISOString().slice(0, 10)}'): unquoted, YAML reads it as a timestamp, not a YYYY-MM-DD string.`
            : 'Fix this field or restore it from the generated draft (`wirecopy diff` shows what changed).',
      });
    }
  };
}
