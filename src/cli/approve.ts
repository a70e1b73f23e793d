/**
 * `wirecopy approve <file> --by NAME [--allow-demo] [--replace]`: check the draft and, when it passes, publish
 * it into content/articles/ with its review recorded (see src/review/approve.ts for the steps
 * and what an interruption leaves).
 */
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { Errors, WirecopyError } from '../errors.ts';
import { approveDraft } from '../review/approve.ts';
import { checkText } from '../review/check.ts';
import { formatMessage } from '../review/format-report.ts';
import { ogImagePath, writeArticleOgImage } from '../site/og-file.ts';
import { VERSION } from '../version.ts';
import { checkOptionsFor, parseMaxAge, shownPath } from './check.ts';
import type { CommandContext } from './context.ts';
import { cleanUpReview } from './leftovers.ts';

export function reviewerName(by: string | undefined): string {
  const name = by?.trim() ?? '';
  if (name === '') {
    throw new WirecopyError(Errors.Usage, 'The reviewer name is empty.', { hint: 'Pass --by "Your Name".' });
  }
  return name;
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
      `warning og-image: ${shownPath(ctx, ogImagePath(articlePath))} was not written (${error instanceof Error ? error.message : String(error)}); the site build will draw it.`,
    );
  }
}

export function approveCommand(context: () => CommandContext): Command {
  return new Command('approve')
    .description('check a draft and publish it into content/articles/ as status: published')
    .argument('<file>', 'the draft, e.g. content/drafts/2025-09-18-record-high.md')
    .requiredOption('--by <name>', 'who approves it (recorded in review.by)')
    .option('--allow-demo', 'allow a draft written from the demo dataset')
    .option(
      '--replace',
      'publish a revision in place of the article at its URL (the article keeps its name; its review moves to revisions:)',
    )
    .option(
      '--max-age <sessions>',
      'accept data this many sessions older than the latest in the store (default 0)',
    )
    .action(
      async (
        file: string,
        options: { by: string; allowDemo?: boolean; replace?: boolean; maxAge?: string },
      ) => {
        const ctx = context();
        const by = reviewerName(options.by);
        await ctx.lock('content', 'approve');
        cleanUpReview(ctx);
        const checkOptions = checkOptionsFor(ctx, {
          maxAgeSessions: parseMaxAge(options.maxAge, ctx.config.review.maxAgeSessions),
          exemptPublished: false,
        });
        const result = await approveDraft({
          draftPath: resolve(ctx.cwd, file),
          label: file,
          draftsDir: join(ctx.contentDir, 'drafts'),
          articlesDir: join(ctx.contentDir, 'articles'),
          replace: options.replace === true,
          by,
          at: new Date().toISOString(),
          allowDemo: options.allowDemo === true,
          check: (text, path) => checkText(text, path, checkOptions),
          checkedWith: `wirecopy ${VERSION}`,
        });
        for (const message of result.checked.file.messages) {
          if (message.fatal === false) ctx.io.out(formatMessage(message, file));
        }
        const article = shownPath(ctx, result.articlePath);
        await storeOgImage(ctx, result.articlePath);
        for (const other of result.sameHeadline) {
          ctx.io.out(
            `warning same-headline: ${shownPath(ctx, other.path)} (${other.story}, ${other.asOf}) is published with the same headline; readers see one of the two (the newsletter carries the newer). Give one of them another headline.`,
          );
        }
        ctx.io.out(
          {
            published: `Approved by ${by}: ${article}; checks passed with ${result.review.checks}.`,
            replaced: `Approved by ${by}: ${article} replaced by ${file}, same URL; checks passed with ${result.review.checks}; the previous review is kept under revisions:.`,
            finished: `Finished an interrupted approval: ${article} was already published from ${file} (by ${result.review.by}); the draft is removed.`,
          }[result.outcome],
        );
      },
    );
}
