/**
 * Approving a draft, as `wirecopy approve` and the desk do it: the content lock, the leftovers of
 * an interrupted review, the checks, then the publish steps of src/review/approve.ts.
 */
import { join, resolve } from 'node:path';
import { Errors, WirecopyError } from '../errors.ts';
import { type ApproveResult, approveDraft } from '../review/approve.ts';
import { checkText } from '../review/check.ts';
import { VERSION } from '../version.ts';
import { checkOptionsFor } from './check.ts';
import type { CommandContext } from './context.ts';
import { cleanUpReview } from './leftovers.ts';

export function reviewerName(by: string | undefined): string {
  const name = by?.trim() ?? '';
  if (name === '') {
    throw new WirecopyError(Errors.Usage, 'The reviewer name is empty.', { hint: 'Pass --by "Your Name".' });
  }
  return name;
}

export interface ApproveRequest {
  /** The draft, as the user named it (relative to the working folder, or absolute). */
  file: string;
  by: string | undefined;
  allowDemo: boolean;
  replace: boolean;
  /** Sessions the draft's as-of may trail the store's latest. */
  maxAgeSessions: number;
}

/** Throws the check's errors as approve reports them (ReviewFailed) when the draft does not pass. */
export async function approve(ctx: CommandContext, request: ApproveRequest): Promise<ApproveResult> {
  const by = reviewerName(request.by);
  await ctx.lock('content', 'approve');
  cleanUpReview(ctx);
  const checkOptions = checkOptionsFor(ctx, {
    maxAgeSessions: request.maxAgeSessions,
    exemptPublished: false,
  });
  return approveDraft({
    draftPath: resolve(ctx.cwd, request.file),
    label: request.file,
    draftsDir: join(ctx.contentDir, 'drafts'),
    articlesDir: join(ctx.contentDir, 'articles'),
    replace: request.replace,
    by,
    at: new Date().toISOString(),
    allowDemo: request.allowDemo,
    check: (text, path) => checkText(text, path, checkOptions),
    checkedWith: `wirecopy ${VERSION}`,
  });
}
