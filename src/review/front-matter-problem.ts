/**
 * Why a draft's front matter cannot be read, and where: for commands that need the fields to
 * do anything sensible (`diff` would otherwise compare nothing with everything and show every
 * sentence as deleted). `check` reports the same problems as file messages.
 */
import type { Point } from 'unist';
import type { DraftSource } from './draft-source.ts';

export interface FrontMatterProblem {
  place: Point;
  reason: string;
}

export function frontMatterProblem(draft: DraftSource): FrontMatterProblem | undefined {
  if (!draft.block) {
    return {
      place: draft.source.point(0),
      reason: 'has no front matter (a `---` line, its fields, another `---`)',
    };
  }
  const error = draft.document?.errors[0];
  if (error) {
    return {
      place: draft.source.point(draft.block.yamlStart + error.pos[0]),
      reason: `has front matter that is not valid YAML: ${error.message.split('\n')[0]!.trim()}`,
    };
  }
  if (draft.data === undefined) {
    return {
      place: draft.source.point(draft.block.yamlStart),
      reason: 'has front matter that is not a set of fields (title:, facts:, ...)',
    };
  }
  return undefined;
}
