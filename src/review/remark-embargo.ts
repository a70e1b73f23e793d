/**
 * remark plugin: a piece the desk has embargoed (content/inputs/notes.yaml, `embargo: true` for
 * its session, copied into the draft as `embargo: true`) cannot pass review, so `approve` refuses
 * it. Lifting the embargo is an editor's act: remove the field, or the note and regenerate.
 *
 * Rule: `embargo` (error).
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { draftOf, fieldPlace } from './draft-source.ts';
import { report } from './messages.ts';

export default function remarkEmbargo() {
  return (_tree: Root, file: VFile) => {
    const draft = draftOf(file);
    if (draft.unreadable || draft.data?.['embargo'] !== true) return;
    report(file, 'error', 'embargo', 'The desk has embargoed this piece (notes.yaml marks its session).', {
      place: fieldPlace(draft, ['embargo']),
      hint: 'Publish it only once the embargo lifts: then delete the `embargo: true` line (or the note in content/inputs/notes.yaml and regenerate).',
    });
  };
}
