/** `wirecopy reject <file> --by NAME --reason TEXT`: mark a draft rejected; it stays in content/drafts/. */
import { resolve } from 'node:path';
import { Command } from 'commander';
import { Errors, WirecopyError } from '../errors.ts';
import { rejectDraft } from '../review/reject.ts';
import { reviewerName } from './approve.ts';
import type { CommandContext } from './context.ts';
import { cleanUpReview } from './leftovers.ts';

export function rejectCommand(context: () => CommandContext): Command {
  return new Command('reject')
    .description(
      'mark a draft rejected (status: rejected, review: by, at, reason); it stays in content/drafts/',
    )
    .argument('<file>', 'the draft')
    .requiredOption('--by <name>', 'who rejects it')
    .requiredOption('--reason <text>', 'why, for the record')
    .action(async (file: string, options: { by: string; reason: string }) => {
      const ctx = context();
      await ctx.lock('content', 'reject');
      const by = reviewerName(options.by);
      const reason = options.reason.trim();
      if (reason === '') {
        throw new WirecopyError(Errors.Usage, 'The rejection reason is empty.', {
          hint: 'Pass --reason "what is wrong".',
        });
      }
      cleanUpReview(ctx);
      rejectDraft({ draftPath: resolve(ctx.cwd, file), by, reason, at: new Date().toISOString() });
      ctx.io.out(`Rejected by ${by}: ${file} (${reason}).`);
    });
}
