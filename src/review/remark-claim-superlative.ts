/**
 * remark plugin: a superlative is a claim even without a digit. "A record", "its best week
 * since", "the longest", "the first record close in", "the widest" need a fact of the draft
 * behind them (`record.today`, `week.best_since`, `record.drought_longest_since`, ...); without
 * one they are `claim-superlative` errors.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { reportClaimProblems } from './claim-messages.ts';
import { claimProblems, type Options } from './draft-claims.ts';

export default function remarkClaimSuperlative(options: Options = {}) {
  return (tree: Root, file: VFile) => {
    reportClaimProblems(file, claimProblems(tree, file, options), ['claim-superlative']);
  };
}
