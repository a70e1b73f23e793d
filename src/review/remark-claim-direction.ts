/**
 * remark plugin: copy prints magnitudes and lets its words carry the sign, so the words are
 * checked like digits: "fell 0.5%" for a rise, "0.8% above its record" for a close below it,
 * "a 1.2% gain" for a loss are `claim-direction` errors.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { reportClaimProblems } from './claim-messages.ts';
import { claimProblems, type Options } from './draft-claims.ts';

export default function remarkClaimDirection(options: Options = {}) {
  return (tree: Root, file: VFile) => {
    reportClaimProblems(file, claimProblems(tree, file, options), ['claim-direction']);
  };
}
