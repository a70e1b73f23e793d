/**
 * remark plugin: a piece the desk has embargoed cannot pass review, so `approve` refuses it. The
 * embargo fails closed, from two places:
 *
 * - the draft: `embargo: true` (copied from content/inputs/notes.yaml when it was drafted) or
 *   `hold:` (the notes for its session could not be read then). Lifting either is an editor's
 *   act: delete the field, or regenerate the draft once the notes say so.
 * - the notes file as it reads now (`options.embargo`), so an embargo added after the draft was
 *   written or edited applies, and an entry for the session that cannot be read holds it.
 *
 * Rule: `embargo` (error).
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { SessionEmbargo } from '../inputs/notes.ts';
import type { InputProblem } from '../types.ts';
import { draftOf, fieldPlace, fieldValue } from './draft-source.ts';
import { report } from './messages.ts';

export interface Options {
  /** What the desk's notes say now about a session; without it, only the draft's own fields count. */
  embargo?: (asOf: string) => SessionEmbargo;
}

export default function remarkEmbargo(options: Options = {}) {
  return (_tree: Root, file: VFile) => {
    const draft = draftOf(file);
    if (draft.unreadable || !draft.data) return;
    const asOf = fieldValue(draft, ['asOf']);
    const now = typeof asOf === 'string' ? options.embargo?.(asOf) : undefined;
    const ownEmbargo = draft.data['embargo'] === true;
    const place = fieldPlace(draft, ownEmbargo ? ['embargo'] : ['asOf']);
    if (now?.held && now.reason === 'embargo') {
      report(
        file,
        'error',
        'embargo',
        `The desk has embargoed the ${asOf} session (${now.file}:${now.line}).`,
        {
          place,
          hint: `Publish it only once the embargo lifts: then remove \`embargo: true\` at ${now.file}:${now.line}${ownEmbargo ? ' and the `embargo: true` line here' : ''}.`,
        },
      );
    } else if (ownEmbargo) {
      report(
        file,
        'error',
        'embargo',
        'The desk embargoed this piece when it was drafted (`embargo: true`).',
        {
          place,
          hint: 'Publish it only once the embargo lifts: then delete the `embargo: true` line (or the note in content/inputs/notes.yaml and regenerate).',
        },
      );
    }
    if (now?.held && now.reason === 'unreadable') {
      for (const problem of now.problems) {
        report(
          file,
          'error',
          'embargo',
          `The desk's notes cannot be read, so the ${asOf} session is held as if embargoed: ${where(problem)} ${problem.message}.`,
          {
            place: fieldPlace(draft, ['asOf']),
            hint: `Fix ${where(problem)}${problem.hint ? ` (${problem.hint})` : ''}; an embargo is written \`embargo: true\`.`,
          },
        );
      }
    }
    const hold = draft.data['hold'];
    if (typeof hold === 'string') {
      report(file, 'error', 'embargo', `The piece is held: ${hold}`, {
        place: fieldPlace(draft, ['hold']),
        hint: 'Fix content/inputs/notes.yaml, then regenerate the draft (`wirecopy draft`) or delete the `hold:` line.',
      });
    }
  };
}

function where(problem: InputProblem): string {
  return [problem.file, problem.line].filter((x) => x !== undefined).join(':');
}
