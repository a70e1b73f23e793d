/**
 * Approving a draft, as `wirecopy approve` and the desk do it: the content lock, the leftovers of
 * an interrupted review, the checks, then the publish steps of src/review/approve.ts.
 */
import { join, resolve } from 'node:path';
import { Errors, WirecopyError } from '../errors.ts';
import { type ApproveResult, approveDraft } from '../review/approve.ts';
import { checkText } from '../review/check.ts';
import { ogImagePath, writeArticleOgImage } from '../site/og-file.ts';
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
  const result = await approveDraft({
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
  await storeOgImage(ctx, result.articlePath);
  return result;
}

/**
 * The piece's Open Graph image, drawn now so no site build has to (src/site/og-file.ts). The
 * piece is published whatever happens here: a failure is a warning, and the site draws the
 * missing image at build time.
 */
async function storeOgImage(ctx: CommandContext, articlePath: string): Promise<void> {
  try {
    await writeArticleOgImage(articlePath, ctx.config.publication.name);
  } catch (error) {
    ctx.io.err(
      `warning og-image: ${ogImagePath(articlePath)} was not written (${error instanceof Error ? error.message : String(error)}); the site build will draw it.`,
    );
  }
}
