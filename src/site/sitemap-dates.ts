/**
 * `lastmod` for the sitemap, which Astro's sitemap integration writes from URLs alone: read in the
 * config, before the build, from the published articles' front matter. An article's is its last
 * review; the home page, the archive and feed-like listings change whenever any piece does.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import type { FrontMatter } from '../drafts/front-matter.ts';
import { lastChangedAt } from './article-dates.ts';
import { articleId } from './article-index.ts';

export function sitemapLastModified(
  articlesDir: string,
  siteUrl: string,
): (url: string) => string | undefined {
  const byPath = new Map<string, string>();
  let newest = '';
  const files = existsSync(articlesDir) ? readdirSync(articlesDir).filter((f) => f.endsWith('.md')) : [];
  for (const file of files) {
    let data: Partial<FrontMatter>;
    try {
      data = matter(readFileSync(join(articlesDir, file), 'utf8')).data as Partial<FrontMatter>;
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
  return (url) => {
    const path = new URL(url, siteUrl).pathname;
    const own = byPath.get(path);
    if (own) return own;
    return path === '/' || path === '/archive/' || path.startsWith('/tags/')
      ? newest || undefined
      : undefined;
  };
}
