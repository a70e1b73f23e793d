/**
 * `lastmod` for the sitemap, which Astro's sitemap integration writes from URLs alone: read in the
 * config, before the build, from the published articles' front matter. An article's is its last
 * review; the home page, the archive and feed-like listings change whenever any piece does.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { articleId } from '../content/article-id.ts';
import type { FrontMatter } from '../content/front-matter.ts';
import { frontMatterEngine } from '../yaml-data.ts';
import { lastChangedAt } from './article-dates.ts';

/** The top-level front matter fields a sitemap date needs; the rest (facts, chart, sources) is most of the bytes. */
const DATING_FIELDS = new Set(['status', 'asOf', 'slug', 'date', 'review', 'revisions']);

/**
 * Those fields of a piece's front matter, parsed alone: a thousand whole front matters were
 * 1.5 s of every build before Astro started. A top-level entry is a line at column 0 and the
 * indented (or `- `) lines under it; anything unusual is parsed whole, as the site reads it.
 */
export function datingFields(text: string): Partial<FrontMatter> {
  const fence = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(text);
  if (!fence) return matter(text, { engines: { yaml: frontMatterEngine } }).data as Partial<FrontMatter>;
  const kept: string[] = [];
  let keep = false;
  for (const line of fence[1]!.split(/\r?\n/)) {
    const key = /^([A-Za-z_][\w-]*)\s*:/.exec(line)?.[1];
    if (key !== undefined) keep = DATING_FIELDS.has(key);
    else if (/^[^\s#-]/.test(line)) return matter(text, { engines: { yaml: frontMatterEngine } }).data;
    if (keep) kept.push(line);
  }
  return frontMatterEngine.parse(kept.join('\n')) as Partial<FrontMatter>;
}

/**
 * The sitemap's `lastmod` for a URL. `read()` starts reading the front matters in the background,
 * a file per turn of the event loop: called as Vite starts bundling (astro.config.mjs), the
 * reading fills the seconds the main thread waits on the bundler's native threads, instead of
 * delaying the build's start (0.2 s of every build, read up front) or slowing the content sync,
 * which keeps the main thread busy. `lastmod` reads them itself when nothing started it.
 */
export function sitemapLastModified(
  articlesDir: string,
  siteUrl: string,
): { read(): void; lastmod(url: string): Promise<string | undefined> } {
  let dates: ReturnType<typeof readDates> | undefined;
  return {
    read: () => {
      dates ??= readDates(articlesDir);
    },
    lastmod: async (url) => {
      dates ??= readDates(articlesDir);
      const { byPath, newest } = await dates;
      const path = new URL(url, siteUrl).pathname;
      const own = byPath.get(path);
      if (own) return own;
      return path === '/' || path === '/archive/' || path.startsWith('/tags/')
        ? newest || undefined
        : undefined;
    },
  };
}

async function readDates(articlesDir: string): Promise<{ byPath: Map<string, string>; newest: string }> {
  const byPath = new Map<string, string>();
  let newest = '';
  const files = existsSync(articlesDir) ? readdirSync(articlesDir).filter((f) => f.endsWith('.md')) : [];
  for (const file of files) {
    await new Promise((resolve) => setImmediate(resolve));
    let data: Partial<FrontMatter>;
    try {
      data = datingFields(readFileSync(join(articlesDir, file), 'utf8'));
    } catch {
      continue; // the content collection fails the build on it, naming the file and field
    }
    if (data.status !== 'published' || !data.asOf || !data.slug || !data.date) continue;
    const at = lastChangedAt({
      date: data.date,
      review: data.review,
      revisions: data.revisions,
    }).toISOString();
    byPath.set(`/articles/${articleId({ asOf: data.asOf, slug: data.slug })}/`, at);
    const month = `/archive/${data.asOf.slice(0, 7)}/`;
    if ((byPath.get(month) ?? '') < at) byPath.set(month, at);
    if (at > newest) newest = at;
  }
  return { byPath, newest };
}
