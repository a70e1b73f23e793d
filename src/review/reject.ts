/**
 * Rejecting a draft: `status: rejected` and `review: {by, at, reason}` in its front matter, the
 * file staying in content/drafts/ (one atomic replace, so a crash leaves it as it was or as
 * rejected). No checks run: a draft may be rejected for anything, broken ones included, as
 * long as its front matter can be read.
 */
import { Errors, WirecopyError } from '../errors.ts';
import { fieldValue, readDraftSource } from './draft-source.ts';
import { type FileSystem, nodeFileSystem, replaceText } from './file-system.ts';
import { type ReviewRecord, withReview } from './review-fields.ts';

export interface RejectRequest {
  draftPath: string;
  by: string;
  reason: string;
  at: string;
  fs?: FileSystem;
}

export function rejectDraft(request: RejectRequest): ReviewRecord {
  const fs = request.fs ?? nodeFileSystem;
  let text: string;
  try {
    text = fs.readText(request.draftPath);
  } catch (cause) {
    throw new WirecopyError(Errors.FileUnreadable, `Could not read ${request.draftPath}.`, {
      hint: 'Check the path: drafts are in content/drafts/ (`wirecopy status` lists them).',
      cause,
    });
  }
  const draft = readDraftSource(text);
  if (!draft.block || draft.unreadable) {
    throw new WirecopyError(
      Errors.DraftInvalid,
      `${request.draftPath} has no readable front matter to record the rejection in.`,
      {
        hint: '`wirecopy check` shows where the YAML breaks.',
      },
    );
  }
  if (fieldValue(draft, ['status']) === 'published') {
    throw new WirecopyError(Errors.NotADraft, `${request.draftPath} is marked published.`, {
      hint: 'A published piece is withdrawn by hand, not rejected; if its approval was interrupted, run `wirecopy approve` to finish it first.',
    });
  }
  const review: ReviewRecord = { by: request.by, at: request.at, reason: request.reason };
  replaceText(fs, request.draftPath, withReview(text, 'rejected', review));
  return review;
}
