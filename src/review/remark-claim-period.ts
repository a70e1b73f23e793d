/**
 * remark plugin: a figure must be given for its fact's period: "over the past four sessions"
 * for a five-session return is `claim-period`, "in 2024" for this year's is `claim-year`, "on
 * Thursday" for a Friday's move is `claim-period` too; a date given as another fact's ("its best
 * week since Aug. 21" for Aug. 22) is `claim-date`.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { reportClaimProblems } from './claim-messages.ts';
import { claimProblems, type Options } from './draft-claims.ts';

export default function remarkClaimPeriod(options: Options = {}) {
  return (tree: Root, file: VFile) => {
    reportClaimProblems(file, claimProblems(tree, file, options), [
      'claim-period',
      'claim-year',
      'claim-date',
    ]);
  };
}
