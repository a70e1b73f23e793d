/**
 * remark plugin: a figure must be given for the series its fact is about. "The S&P 500 is up
 * 12.1% this year" fails when 12.1% is the Russell 2000's (`claim-subject`, naming both facts);
 * a figure whose series the check cannot tell ("the Nasdaq", no series in the sentence) is a
 * warning, never a silent pass (`claim-subject-unresolved`).
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { reportClaimProblems } from './claim-messages.ts';
import { claimProblems, type Options } from './draft-claims.ts';

export default function remarkClaimSubject(options: Options = {}) {
  return (tree: Root, file: VFile) => {
    reportClaimProblems(file, claimProblems(tree, file, options), [
      'claim-subject',
      'claim-subject-unresolved',
    ]);
  };
}
