/**
 * remark plugin: an unlinked figure must fit a fact of the measure its words give it: "the
 * fourth record close this year" is a rank, and fitting only a count of years (4) does not
 * make it right (`claim-measure`).
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { reportClaimProblems } from './claim-messages.ts';
import { claimProblems, type Options } from './draft-claims.ts';

export default function remarkClaimMeasure(options: Options = {}) {
  return (tree: Root, file: VFile) => {
    reportClaimProblems(file, claimProblems(tree, file, options), ['claim-measure']);
  };
}
