/** Rejecting a draft, as `wirecopy reject` and the desk do it: status rejected, the review recorded. */
import { resolve } from 'node:path';
import { Errors, WirecopyError } from '../errors.ts';
import { rejectDraft } from '../review/reject.ts';
import { reviewerName } from './approve.ts';
import type { CommandContext } from './context.ts';
import { cleanUpReview } from './leftovers.ts';

export interface RejectRequest {
  file: string;
  by: string | undefined;
  reason: string;
}

/** Returns the reviewer and the reason as recorded (trimmed). */
export async function reject(
  ctx: CommandContext,
  request: RejectRequest,
): Promise<{ by: string; reason: string }> {
  await ctx.lock('content', 'reject');
  const by = reviewerName(request.by);
  const reason = request.reason.trim();
  if (reason === '') {
    throw new WirecopyError(Errors.Usage, 'The rejection reason is empty.', {
      hint: 'Pass --reason "what is wrong".',
    });
  }
  cleanUpReview(ctx);
  rejectDraft({ draftPath: resolve(ctx.cwd, request.file), by, reason, at: new Date().toISOString() });
  return { by, reason };
}
