/**
 * One issue, end to end: collect the published articles of the range, render the email (HTML and
 * text), the markdown and the archive page, check the email, and write the files. The export
 * folder is always written, so an editor can open an email that failed its checks; the archive
 * page (content/newsletters/) only when the checks pass, so the site never publishes a broken issue.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Config } from '../config.ts';
import type { TemplateSource } from '../drafts/strict-template.ts';
import { Errors, WirecopyError } from '../errors.ts';
import { writeFileAtomic } from '../io/atomic-write.ts';
import { type FolderFile, writeFolderAtomic } from '../io/folder-swap.ts';
import { type Cleanup, mergeCleanups, removeLeftovers } from '../io/leftover-temps.ts';
import { checkEmail, type IssueMessage } from './checks.ts';
import {
  type ArticleCollection,
  type ArticleProblem,
  collectArticles,
  issueOrder,
  type PublishedArticle,
} from './collect.ts';
import { buildIssue, type Issue } from './issue.ts';
import { issueFrontMatter, serializeIssueFile } from './issue-file.ts';
import { formatRange, type IssueRange, inRange } from './issue-range.ts';
import { renderEmailHtml } from './render-html.ts';
import { renderIssueMarkdown } from './render-markdown.ts';
import { renderEmailText } from './render-text.ts';
import { type LeftOut, oneEntryPerStory } from './select.ts';
import { archiveUrl, articleUrl, emailTagger, homeUrl, methodologyUrl, siteRelative } from './site-links.ts';

export interface ExportRequest {
  articlesDir: string;
  /** content/newsletters: the archive pages, read for links to earlier issues, written for this one. */
  newslettersDir: string;
  outDir: string;
  range: IssueRange;
  issueId: string;
  title?: string | undefined;
  paragraphs: number;
  publication: Config['publication'];
  /** The sender's postal address for the footer (config `newsletter.postalAddress`). */
  postalAddress?: string | undefined;
  /** Hosts besides the site that links may point at. */
  allowHosts: readonly string[];
  template: TemplateSource;
}

export interface WrittenFile {
  path: string;
  bytes: number;
}

export interface ExportResult {
  issue: Issue;
  html: string;
  text: string;
  files: WrittenFile[];
  /** The archive page, when the checks passed. */
  archive: WrittenFile | undefined;
  messages: IssueMessage[];
  /** Article files that cannot be read, dated outside the range (inside it they stop the export). */
  articleProblems: ArticleProblem[];
  /** What interrupted exports had left, cleaned up first. */
  cleanup: Cleanup;
  /** Pieces of the range the issue leaves out: a second piece of a story and session, or a repeated headline. */
  leftOut: LeftOut[];
}

export async function exportIssue(request: ExportRequest): Promise<ExportResult> {
  const { range, publication } = request;
  const cleanup = mergeCleanups([dirname(request.outDir), request.newslettersDir].map(removeLeftovers));
  const collection = collectArticles(request.articlesDir);
  const { articles, leftOut } = oneEntryPerStory(articlesOfIssue(collection, range));
  const issue = buildIssue(articles, {
    id: request.issueId,
    range,
    title: request.title,
    paragraphs: request.paragraphs,
    publication,
    postalAddress: request.postalAddress,
  });

  const email = renderEmailHtml(issue, request.template);
  const text = renderEmailText(issue);
  const markdown = renderIssueMarkdown(issue, { tag: emailTagger(issue.id), webLink: true });
  const frontMatter = issueFrontMatter(issue);
  const messages = checkEmail({
    html: email.html,
    articleBytes: email.articleBytes,
    subject: issue.subject,
    issueId: issue.id,
    siteUrl: publication.siteUrl,
    sitePages: sitePages(publication.siteUrl, collection.articles, request.newslettersDir, issue.id),
    allowedHosts: new Set([...request.allowHosts, ...sourceHosts(articles)]),
  });

  const parts: FolderFile[] = [
    { name: 'email.html', data: email.html },
    { name: 'email.txt', data: text },
    { name: 'issue.md', data: serializeIssueFile(frontMatter, markdown) },
  ];
  const sizes = Object.fromEntries(parts.map((p) => [p.name, Buffer.byteLength(p.data)]));
  const meta = {
    issueId: issue.id,
    title: issue.title,
    subject: issue.subject,
    preheader: issue.preheader,
    from: range.from,
    to: range.to,
    articles: issue.articles.map((a) => ({
      id: a.id,
      slug: a.slug,
      title: a.title,
      url: a.url,
      htmlBytes: email.articleBytes.find((b) => b.id === a.id)?.bytes ?? 0,
    })),
    sizes,
    checks: messages,
  };
  parts.push({ name: 'meta.json', data: `${JSON.stringify(meta, null, 2)}\n` });
  // The parts are one issue: written as one folder, so a reader never meets two issues mixed.
  writeFolderAtomic(request.outDir, parts);
  const files = parts.map((p) => ({ path: join(request.outDir, p.name), bytes: Buffer.byteLength(p.data) }));

  let archive: WrittenFile | undefined;
  if (!messages.some((m) => m.severity === 'error')) {
    const path = join(request.newslettersDir, `${issue.id}.md`);
    const page = serializeIssueFile(
      frontMatter,
      renderIssueMarkdown(issue, { tag: siteRelative(publication.siteUrl), webLink: false }),
    );
    mkdirSync(request.newslettersDir, { recursive: true });
    writeFileAtomic(path, page);
    archive = { path, bytes: Buffer.byteLength(page) };
  }
  return {
    issue,
    html: email.html,
    text,
    files,
    archive,
    messages,
    articleProblems: collection.problems,
    cleanup,
    leftOut,
  };
}

/**
 * The issue's articles, in order. A file that cannot be read and may be dated in the range
 * stops the export: the issue would otherwise go out silently missing a piece.
 */
function articlesOfIssue(collection: ArticleCollection, range: IssueRange): PublishedArticle[] {
  const blocking = collection.problems.filter((p) => p.fileDate === undefined || inRange(p.fileDate, range));
  if (blocking.length > 0) {
    throw new WirecopyError(
      Errors.ArticleInvalid,
      `${blocking.length} article file(s) that may belong to this issue cannot be read.`,
      {
        details: blocking.map((p) => `${p.file}: ${p.message}`),
        hint: 'Fix the front matter (`wirecopy check <file>` reports where), then export again.',
      },
    );
  }
  const articles = collection.articles.filter((a) => inRange(a.frontMatter.asOf, range)).sort(issueOrder);
  if (articles.length === 0) {
    throw new WirecopyError(
      Errors.NewsletterEmpty,
      `No published article has an as-of date in ${formatRange(range)} (${range.from} to ${range.to}).`,
      {
        hint: "Approve the week's drafts first (`wirecopy approve`), or choose the dates with --from and --to.",
      },
    );
  }
  return articles;
}

/** The pages of the built site a link may point at: home, methodology, every article and issue. */
function sitePages(
  siteUrl: string,
  published: readonly PublishedArticle[],
  newslettersDir: string,
  issueId: string,
) {
  const issues = new Set([issueId, ...listIssueIds(newslettersDir)]);
  return new Set([
    homeUrl(siteUrl),
    methodologyUrl(siteUrl),
    ...published.map((a) => articleUrl(siteUrl, a.id)),
    ...[...issues].map((id) => archiveUrl(siteUrl, id)),
  ]);
}

function listIssueIds(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => name.endsWith('.md') && !name.startsWith('.'))
      .map((name) => name.slice(0, -3));
  } catch {
    return [];
  }
}

/** Hosts of the web sources an article cites in its front matter (today most are files: none). */
function sourceHosts(articles: readonly PublishedArticle[]): string[] {
  return articles.flatMap((a) =>
    a.frontMatter.sources.flatMap((s) =>
      s.sources.flatMap((source) => {
        try {
          const url = new URL(source);
          return url.protocol === 'https:' || url.protocol === 'http:' ? [url.hostname] : [];
        } catch {
          return [];
        }
      }),
    ),
  );
}
