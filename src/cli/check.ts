/**
 * `wirecopy check [file|dir]...`: the review checks on drafts (default: content/drafts), one
 * line per problem. Exit 0 with warnings only, 1 with errors, 2 when a file cannot be read.
 */
import { join, relative } from 'node:path';
import { Command } from 'commander';
import { isIsoDate } from '../calendar/dates.ts';
import { Errors, WirecopyError } from '../errors.ts';
import { checkPaths } from '../jobs/check.ts';
import { fileJson, formatCounts, formatMessage, plural } from '../review/format-report.ts';
import type { CommandContext } from './context.ts';
import { printJson } from './json.ts';

/** `--max-age`, else the config's `review.maxAgeSessions` (default 0: the latest session only). */
export function parseMaxAge(text: string | undefined, configured = 0): number {
  if (text === undefined) return configured;
  if (!/^\d+$/.test(text)) {
    throw new WirecopyError(Errors.Usage, `--max-age ${text} is not a number of sessions.`, {
      hint: 'Write a whole number, e.g. --max-age 1 to accept drafts one session old.',
    });
  }
  return Number(text);
}

export function shownPath(ctx: CommandContext, path: string): string {
  const rel = relative(ctx.cwd, path);
  return rel.startsWith('..') ? path : rel;
}

/** `--as-of`: a YYYY-MM-DD date, taken as written (a holiday simply has no drafts). */
export function parseCheckDate(text: string | undefined): string | undefined {
  if (text === undefined || isIsoDate(text)) return text;
  throw new WirecopyError(Errors.Usage, `--as-of ${text} is not a date.`, {
    hint: 'Write it as YYYY-MM-DD, e.g. --as-of 2025-11-28.',
  });
}

export function checkCommand(context: () => CommandContext): Command {
  return new Command('check')
    .description(
      'run the review checks on drafts: numbers vs facts, freshness, front matter, disclaimer, links, social, style',
    )
    .argument('[paths...]', 'draft files or folders (default: content/drafts)')
    .option('--json', 'print one JSON object')
    .option(
      '--max-age <sessions>',
      'accept data this many sessions older than the latest in the store (default: review.maxAgeSessions, 0)',
    )
    .option('--as-of <date>', "only the drafts of this session (YYYY-MM-DD): the daily job's check")
    .action(async (paths: string[], options: { json?: boolean; maxAge?: string; asOf?: string }) => {
      const ctx = context();
      const maxAgeSessions = parseMaxAge(options.maxAge, ctx.config.review.maxAgeSessions);
      const asOf = parseCheckDate(options.asOf);
      const results = await checkPaths(ctx, paths, { maxAgeSessions }, asOf);
      const totals = results.reduce(
        (t, r) => ({
          errors: t.errors + r.counts.errors,
          warnings: t.warnings + r.counts.warnings,
          unreadable: t.unreadable + (r.unreadable ? 1 : 0),
        }),
        { errors: 0, warnings: 0, unreadable: 0 },
      );
      if (options.json) {
        const files = results.map((r) => fileJson(r, shownPath(ctx, r.file.path)));
        printJson(ctx, { files, ...totals });
      } else if (results.length === 0 && paths.length === 0) {
        const where = join(ctx.config.content, 'drafts');
        ctx.io.out(asOf ? `No drafts for ${asOf} in ${where}.` : `No drafts in ${where}.`);
      } else {
        for (const result of results) {
          const path = shownPath(ctx, result.file.path);
          for (const message of result.file.messages) ctx.io.out(formatMessage(message, path));
          ctx.io.out(`${path}: ${formatCounts(result)}`);
        }
        ctx.io.out(
          `${plural(results.length, 'file')} checked: ${plural(totals.errors, 'error')}, ${plural(totals.warnings, 'warning')}.`,
        );
      }
      // A holiday, or a day nothing was drafted yet, is not a failure; naming files that are
      // not there is.
      if (results.length === 0 && paths.length > 0) {
        throw new WirecopyError(Errors.Usage, 'No draft files were found to check.', {
          details: paths,
          hint: `Name .md files or folders that hold them${asOf ? `, with drafts of ${asOf}` : ''}; \`wirecopy draft\` writes drafts into content/drafts.`,
        });
      }
      if (totals.unreadable > 0) {
        throw new WirecopyError(
          Errors.FileUnreadable,
          `${plural(totals.unreadable, 'file')} could not be read as a draft.`,
          {
            hint: 'Fix the path or the YAML syntax at the place reported above.',
          },
        );
      }
      // Freshness is judged against the store the drafts were written from: the file checks above
      // are printed either way, but without a store (or an empty one) the check cannot pass.
      if (results.length > 0) ctx.storeWithData('to judge the freshness of the drafts against');
      if (totals.errors > 0) {
        throw new WirecopyError(
          Errors.ReviewFailed,
          `${plural(totals.errors, 'error')} must be fixed before approval.`,
          {
            hint: 'Fix each error at the place reported above; `wirecopy diff <file>` shows what changed since the draft was generated.',
          },
        );
      }
    });
}
