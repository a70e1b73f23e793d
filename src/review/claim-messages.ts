/** How the claim rules report: each problem of their rules as a file message, in place. */
import type { VFile } from 'vfile';
import type { ClaimRule } from './claim-judge.ts';
import type { PlacedProblem } from './draft-claims.ts';
import { report } from './messages.ts';

export function reportClaimProblems(
  file: VFile,
  problems: readonly PlacedProblem[],
  rules: readonly ClaimRule[],
): void {
  for (const problem of problems) {
    if (!rules.includes(problem.rule)) continue;
    const where = problem.where === 'body' ? '' : ` (in ${problem.where})`;
    report(file, problem.severity, problem.rule, `${problem.message}${where}`, {
      place: problem.place,
      hint: problem.hint,
    });
  }
}
