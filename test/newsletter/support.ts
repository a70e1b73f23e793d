/**
 * Newsletter test helpers: a CLI workspace holding the fixture articles, and a small HTML tree
 * (built with htmlparser2, the parser html-to-text uses) to check what an email client would see.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import matter from 'gray-matter';
import { Parser } from 'htmlparser2';
import { type Workspace, workspace } from '../support/cli.ts';

export const FIXTURES = fileURLToPath(new URL('../fixtures/newsletter/', import.meta.url));
/** A site under a path, so every link is checked to keep it. */
export const SITE = 'https://news.example/smallcaps';
export const ISSUE = '2025-w48';
/** The footer's sender address (config `newsletter.postalAddress`). */
export const POSTAL_ADDRESS = '100 Main St., Suite 200, New York, NY 10001';
/** Wednesday after the fixture week (Mon 2025-11-24 to Sun 2025-11-30). */
export const TODAY = '2025-12-03';
/** The fixture week's articles, in the issue's order (newest first; same session: higher angle score first). */
export const WEEK_ARTICLES = [
  '2025-11-28-small-cap-rally',
  '2025-11-28-weekly-recap',
  '2025-11-26-daily-wrap',
  '2025-11-25-pattern-study',
  '2025-11-24-small-cap-rally',
];

export interface NewsletterWorkspace extends Workspace {
  articlesDir: string;
  /** The default export folder of the fixture week. */
  outDir: string;
  read(relativePath: string): string;
}

export function newsletterWorkspace(today = TODAY): NewsletterWorkspace {
  const ws = workspace(today);
  const articlesDir = join(ws.dir, 'content', 'articles');
  cpSync(join(FIXTURES, 'articles'), articlesDir, { recursive: true });
  writeFileSync(
    join(ws.dir, 'wirecopy.config.json'),
    JSON.stringify({
      publication: { name: 'Small Cap Desk', siteUrl: SITE },
      newsletter: { postalAddress: POSTAL_ADDRESS },
    }),
  );
  return {
    ...ws,
    articlesDir,
    outDir: join(ws.dir, '.wirecopy', 'newsletter', ISSUE),
    read: (path) => readFileSync(join(ws.dir, path), 'utf8'),
  };
}

/**
 * Writes an article made from a fixture one, with other front matter fields and body: the
 * article passes the real schema, as an approved piece would.
 */
export function writeArticle(
  ws: NewsletterWorkspace,
  changes: {
    asOf: string;
    slug: string;
    body: string;
    title?: string;
    summary?: string;
    status?: string;
    story?: string;
  },
): string {
  const base = matter(readFileSync(join(FIXTURES, 'articles', '2025-11-26-daily-wrap.md'), 'utf8'), {});
  const data = {
    ...base.data,
    asOf: changes.asOf,
    date: changes.asOf,
    slug: changes.slug,
    story: changes.story ?? base.data['story'],
    status: changes.status ?? 'published',
    title: changes.title ?? base.data['title'],
    summary: changes.summary ?? base.data['summary'],
  };
  mkdirSync(ws.articlesDir, { recursive: true });
  const path = join(ws.articlesDir, `${changes.asOf}-${changes.slug}.md`);
  writeFileSync(path, matter.stringify(changes.body, data));
  return path;
}

export interface HtmlNode {
  name: string;
  attributes: Record<string, string>;
  children: HtmlNode[];
  text: string;
}

/** The element tree of a document (comments left out), each element with its text content. */
export function parseHtml(html: string): HtmlNode {
  const root: HtmlNode = { name: '#document', attributes: {}, children: [], text: '' };
  const open: HtmlNode[] = [root];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const node: HtmlNode = { name, attributes, children: [], text: '' };
        open.at(-1)!.children.push(node);
        open.push(node);
      },
      ontext(text) {
        for (const node of open) node.text += text;
      },
      onclosetag() {
        open.pop();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return root;
}

export function findAll(node: HtmlNode, test: (n: HtmlNode) => boolean): HtmlNode[] {
  return node.children.flatMap((child) => [...(test(child) ? [child] : []), ...findAll(child, test)]);
}

export const byTag = (name: string) => (n: HtmlNode) => n.name === name;
export const byClass = (name: string) => (n: HtmlNode) =>
  (n.attributes['class'] ?? '').split(/\s+/).includes(name);
export const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
