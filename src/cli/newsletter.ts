/**
 * `wirecopy newsletter`: export a week's published articles as an email (HTML + text), a
 * markdown issue and the site's archive page; check it; optionally send a test to one address.
 */
import { join, relative, resolve } from 'node:path';
import { Command } from 'commander';
import { isIsoDate } from '../calendar/dates.ts';
import { TemplateLibrary } from '../drafts/templates.ts';
import { Errors, WirecopyError } from '../errors.ts';
import { reportCleanup } from '../jobs/leftovers.ts';
import type { IssueMessage } from '../newsletter/checks.ts';
import { type ExportResult, exportIssue } from '../newsletter/export.ts';
import { DEFAULT_PARAGRAPHS } from '../newsletter/issue.ts';
import { formatRange, type IssueRange, issueIdFor, lastCompleteWeek } from '../newsletter/issue-range.ts';
import {
  checkAddress,
  requirePostalAddress,
  sendTestEmail,
  serverName,
  smtpSettings,
} from '../newsletter/send.ts';
import type { CommandContext } from './context.ts';
import { printJson } from './json.ts';

interface NewsletterOptions {
  from?: string;
  to?: string;
  out?: string;
  title?: string;
  sendTest?: string;
  paragraphs: string;
  allowHost: string[];
  json?: boolean;
}

export function newsletterCommand(context: () => CommandContext): Command {
  return new Command('newsletter')
    .description(
      "export the published articles of a week as an email (email.html, email.txt), issue.md and meta.json, plus the site's archive page content/newsletters/<issue-id>.md",
    )
    .option('--from <date>', 'first as-of date, YYYY-MM-DD (default: Monday of the last complete week)')
    .option('--to <date>', 'last as-of date, YYYY-MM-DD (default: the Sunday after --from)')
    .option('--out <dir>', 'export folder (default .wirecopy/newsletter/<issue-id>)')
    .option('--title <text>', 'issue title, also used as the subject (default subject: the lead headline)')
    .option(
      '--paragraphs <n>',
      'body paragraphs per article before "Read the full piece"',
      String(DEFAULT_PARAGRAPHS),
    )
    .option(
      '--allow-host <host>',
      'a host besides the site that links may point at (repeatable)',
      collect,
      [],
    )
    .option(
      '--send-test <address>',
      'send the issue to this address through WIRECOPY_SMTP_URL as WIRECOPY_SMTP_FROM',
    )
    .option('--json', 'print one JSON object: {issue, files, archive, articleProblems, messages}')
    .action(async (options: NewsletterOptions) => {
      const ctx = context();
      await ctx.lock('content', 'newsletter');
      const range = issueRange(options, ctx.today());
      const paragraphs = positiveInteger(options.paragraphs);
      if (options.sendTest !== undefined) {
        checkAddress(options.sendTest);
        // Before the export: a missing setting is known without rendering anything.
        smtpSettings(ctx.env);
        requirePostalAddress(ctx.config.newsletter.postalAddress);
      }
      if (options.title !== undefined && options.title.trim() === '') {
        throw new WirecopyError(Errors.Usage, '--title is empty.', {
          hint: 'Give a title, or leave --title out.',
        });
      }
      const issueId = issueIdFor(range);
      const result = await exportIssue({
        articlesDir: join(ctx.contentDir, 'articles'),
        newslettersDir: join(ctx.contentDir, 'newsletters'),
        // Outside the site's dist/, which every site build empties; .wirecopy/ is kept out of git.
        outDir: resolve(ctx.cwd, options.out ?? join(EXPORT_DIR, issueId)),
        range,
        issueId,
        // One line: it becomes the Subject header, where a line break would start a new header.
        title: options.title?.replace(/\s+/g, ' ').trim(),
        paragraphs,
        publication: ctx.config.publication,
        postalAddress: ctx.config.newsletter.postalAddress,
        allowHosts: options.allowHost,
        template: new TemplateLibrary(ctx.templatesDir).get('newsletter/email'),
      });
      report(ctx, result, options.json === true);
      const errors = result.messages.filter((m) => m.severity === 'error');
      if (errors.length > 0) {
        throw new WirecopyError(
          Errors.NewsletterChecksFailed,
          `Issue ${issueId} failed ${errors.length} check(s), so its archive page was not written${options.sendTest ? ' and no test was sent' : ''}.`,
          {
            details: errors.flatMap(messageLines),
            hint: 'Fix what is listed (shorten or split the issue with --paragraphs, --from/--to; correct the article links), then export again. The export folder holds the failing email for a look.',
          },
        );
      }
      if (options.sendTest !== undefined) {
        const settings = smtpSettings(ctx.env);
        const sent = await sendTestEmail(settings, {
          to: options.sendTest,
          // Marked, so a test in an inbox is never taken for the issue the list received.
          subject: `[Test] ${result.issue.subject}`,
          text: result.text,
          html: result.html,
          unsubscribeUrl: ctx.config.newsletter.unsubscribeUrl,
        });
        ctx.io.out(
          `Test sent to ${options.sendTest} through ${serverName(settings.url)} (${sent.messageId}).`,
        );
      }
    });
}

/** Where exports go by default, under the working folder. */
export const EXPORT_DIR = join('.wirecopy', 'newsletter');

function collect(value: string, previous: string[]): string[] {
  return [...previous, value.toLowerCase()];
}

function issueRange(options: NewsletterOptions, today: string): IssueRange {
  for (const [flag, value] of [
    ['--from', options.from],
    ['--to', options.to],
  ] as const) {
    if (value !== undefined && !isIsoDate(value)) {
      throw new WirecopyError(Errors.Usage, `${flag} ${value} is not a YYYY-MM-DD date.`, {
        hint: `Write it like ${flag} 2025-11-24.`,
      });
    }
  }
  if ((options.from === undefined) !== (options.to === undefined)) {
    throw new WirecopyError(Errors.Usage, 'Give both --from and --to, or neither (the last complete week).', {
      hint: 'For example --from 2025-11-24 --to 2025-11-30.',
    });
  }
  if (options.from === undefined || options.to === undefined) return lastCompleteWeek(today);
  if (options.from > options.to) {
    throw new WirecopyError(Errors.Usage, `--from ${options.from} is after --to ${options.to}.`, {
      hint: 'Swap the two dates.',
    });
  }
  return { from: options.from, to: options.to };
}

function positiveInteger(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) {
    throw new WirecopyError(Errors.Usage, `--paragraphs ${text} is not a whole number of at least 1.`, {
      hint: `Leave it out for ${DEFAULT_PARAGRAPHS}.`,
    });
  }
  return n;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function report(ctx: CommandContext, result: ExportResult, json: boolean): void {
  const { issue } = result;
  reportCleanup(ctx, result.cleanup);
  const shown = (path: string) => (path.startsWith(`${ctx.cwd}/`) ? relative(ctx.cwd, path) : path);
  if (json) {
    const file = (f: { path: string; bytes: number }) => ({ ...f, path: shown(f.path) });
    printJson(ctx, {
      issue: {
        id: issue.id,
        range: issue.range,
        subject: issue.subject,
        articles: issue.articles.map((a) => ({ id: a.id, title: a.title })),
      },
      files: result.files.map(file),
      archive: result.archive ? file(result.archive) : null,
      articleProblems: result.articleProblems.map((p) => ({ ...p, file: shown(p.file) })),
      messages: result.messages,
    });
    return;
  }
  ctx.io.out(
    `Issue ${issue.id}, ${formatRange(issue.range)}: ${issue.articles.length} article(s), newest first`,
  );
  for (const [i, article] of issue.articles.entries())
    ctx.io.out(`  ${i + 1}. ${article.id}  "${article.title}"`);
  for (const left of result.leftOut) ctx.io.out(`  left out: ${left.id} (${left.reason} as ${left.keptId})`);
  ctx.io.out(`Subject: "${issue.subject}"`);
  for (const file of result.files) ctx.io.out(`${shown(file.path)}  ${kb(file.bytes)}`);
  if (result.archive) ctx.io.out(`${shown(result.archive.path)}  written (the site's archive page)`);
  for (const problem of result.articleProblems)
    ctx.io.out(`warning article: ${shown(problem.file)} ${problem.message}`);
  for (const message of result.messages.filter((m) => m.severity === 'warning')) {
    for (const line of messageLines(message)) ctx.io.out(line);
  }
}

function messageLines(message: IssueMessage): string[] {
  return [
    `${message.severity} ${message.rule}: ${message.message}`,
    ...message.details.map((d) => `    ${d}`),
  ];
}
