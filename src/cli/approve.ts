/**
 * `wirecopy approve <file> --by NAME [--allow-demo] [--replace]`: check the draft and, when it passes, publish
 * it into content/articles/ with its review recorded (see src/review/approve.ts for the steps
 * and what an interruption leaves).
 */
import { Command } from 'commander';
import { approve } from '../jobs/approve.ts';
import { fileJson, formatMessage } from '../review/format-report.ts';
import { parseMaxAge, shownPath } from './check.ts';
import type { CommandContext } from './context.ts';
import { printJson } from './json.ts';

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
    .option('--json', 'print one JSON object: {file, outcome, article, review, check, sameHeadline}')
    .action(
      async (
        file: string,
        options: { by: string; allowDemo?: boolean; replace?: boolean; maxAge?: string; json?: boolean },
      ) => {
        const ctx = context();
        const result = await approve(ctx, {
          file,
          by: options.by,
          allowDemo: options.allowDemo === true,
          replace: options.replace === true,
          maxAgeSessions: parseMaxAge(options.maxAge, ctx.config.review.maxAgeSessions),
        });
        const by = result.review.by;
        const article = shownPath(ctx, result.articlePath);
        if (options.json) {
          printJson(ctx, {
            file,
            outcome: result.outcome,
            article,
            review: result.review,
            check: fileJson(result.checked, file),
            sameHeadline: result.sameHeadline.map((p) => shownPath(ctx, p.path)),
          });
          return;
        }
        for (const message of result.checked.file.messages) {
          if (message.fatal === false) ctx.io.out(formatMessage(message, file));
        }
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
