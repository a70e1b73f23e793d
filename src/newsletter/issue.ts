/**
 * One newsletter issue as plain data: what every output (email HTML, plain text, markdown,
 * archive page) prints. Links here are untagged; each renderer tags them for its medium.
 */
import type { RootContent, Table } from 'mdast';
import { toString as textOf } from 'mdast-util-to-string';
import { addDays, dayOfWeek } from '../calendar/dates.ts';
import type { Config } from '../config.ts';
import { FACT_LINK } from '../drafts/view-values.ts';
import { formatDate } from '../facts/format.ts';
import type { IsoDate } from '../types.ts';
import { excerptBlocks, safeArticleTree } from './article-markdown.ts';
import { type ChartTable, chartTable } from './chart.ts';
import { SUBJECT_MAX } from './checks.ts';
import type { PublishedArticle } from './collect.ts';
import { formatRange, type IssueRange } from './issue-range.ts';
import { archiveUrl, articleUrl, homeUrl, methodologyUrl } from './site-links.ts';

export interface IssueArticle {
  id: string;
  slug: string;
  title: string;
  url: string;
  asOf: IsoDate;
  /** "Data as of the Nov. 28, 2025 close", as the article's own footer says it. */
  asOfLabel: string;
  summary: string;
  demo: boolean;
  /** The first paragraphs of the body, safe (see article-markdown.ts). */
  excerpt: RootContent[];
  chart: ChartTable | undefined;
}

export interface Issue {
  id: string;
  range: IssueRange;
  rangeLabel: string;
  title: string;
  subject: string;
  preheader: string;
  publicationName: string;
  siteUrl: string;
  articles: IssueArticle[];
  /** Printed once in the footer instead of once per article. */
  disclaimers: string[];
  /** The sender's postal address for the footer (config `newsletter.postalAddress`). */
  postalAddress: string | undefined;
  links: { home: string; archive: string; methodology: string };
}

export interface IssueOptions {
  id: string;
  range: IssueRange;
  /**
   * Sets the title and the subject; default title "The week of Nov. 24, 2025", subject the newest
   * headline within SUBJECT_MAX characters (else the title), preheader that piece's summary.
   */
  title?: string | undefined;
  /** Body paragraphs per article before "Read the full piece". */
  paragraphs: number;
  publication: Config['publication'];
  postalAddress?: string | undefined;
}

export const DEFAULT_PARAGRAPHS = 2;
/** Inbox previews show 35 to 140 characters; the rest of a longer text is never seen. */
export const PREHEADER_MAX = 140;

export function buildIssue(articles: readonly PublishedArticle[], options: IssueOptions): Issue {
  const { publication, range } = options;
  const rangeLabel = formatRange(range);
  const issueArticles = withoutRepeatedTables(articles.map((article) => issueArticle(article, options)));
  // The subject is a headline as written, never one cut short: the newest that fits the inbox.
  const lead = issueArticles.find((a) => [...a.title].length <= SUBJECT_MAX);
  // A pattern study carries a second disclaimer; the footer carries it when any piece does. By
  // story, because a piece published before the wording changed carries the older text.
  const disclaimers = [publication.disclaimer];
  const quotesForwardReturns = (a: PublishedArticle) =>
    a.frontMatter.story === 'pattern-study' || a.body.includes(publication.forwardReturnsDisclaimer);
  if (articles.some(quotesForwardReturns)) {
    disclaimers.push(publication.forwardReturnsDisclaimer);
  }
  return {
    id: options.id,
    range,
    rangeLabel,
    title: options.title ?? defaultTitle(range),
    subject: options.title ?? lead?.title ?? defaultTitle(range),
    preheader: truncateAtWord((lead ?? issueArticles[0])?.summary ?? '', PREHEADER_MAX),
    publicationName: publication.name,
    siteUrl: publication.siteUrl,
    articles: issueArticles,
    disclaimers,
    postalAddress: options.postalAddress,
    links: {
      home: homeUrl(publication.siteUrl),
      archive: archiveUrl(publication.siteUrl, options.id),
      methodology: methodologyUrl(publication.siteUrl),
    },
  };
}

/** "The week of Nov. 24, 2025" for a Monday-to-Sunday issue; else the range, "Nov. 1–30, 2025". */
export function defaultTitle(range: IssueRange): string {
  const isWeek = dayOfWeek(range.from) === 1 && addDays(range.from, 6) === range.to;
  return isWeek ? `The week of ${formatDate(range.from)}` : formatRange(range);
}

function issueArticle(article: PublishedArticle, options: IssueOptions): IssueArticle {
  const { frontMatter: fm } = article;
  const tree = safeArticleTree(article.body, options.publication.siteUrl);
  return {
    id: article.id,
    slug: fm.slug,
    title: plainText(fm.title),
    url: articleUrl(options.publication.siteUrl, article.id),
    asOf: fm.asOf,
    asOfLabel: `Data as of the ${formatDate(fm.asOf)} close`,
    summary: plainText(fm.summary),
    demo: fm.dataset === 'demo',
    excerpt: excerptBlocks(tree, options.paragraphs),
    chart: fm.chart ? chartTable(fm.chart, fm.asOf) : undefined,
  };
}

/**
 * A table the issue has already shown adds nothing the second time: pattern studies of one
 * signal print the same event study, and pieces of one session the same closes. Only the first
 * of each identical table stays (the pieces are newest first, so the newest one keeps it).
 */
export function withoutRepeatedTables(articles: IssueArticle[]): IssueArticle[] {
  const seen = new Set<string>();
  const firstTime = (key: string) => !seen.has(key) && Boolean(seen.add(key));
  return articles.map((article) => ({
    ...article,
    excerpt: article.excerpt.filter((node) => node.type !== 'table' || firstTime(tableKey(node))),
    chart: article.chart && firstTime(JSON.stringify(article.chart)) ? article.chart : undefined,
  }));
}

/** A markdown table's cells, row by row: what a reader sees of it. */
function tableKey(table: Table): string {
  return JSON.stringify(table.children.map((row) => row.children.map((cell) => textOf(cell))));
}

/** Front-matter text as printed: fact marks dropped, whitespace collapsed. Escaping is the renderer's. */
export function plainText(text: string): string {
  return text.replace(FACT_LINK, '').replace(/\s+/g, ' ').trim();
}

export function truncateAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}
