/**
 * `lastmod` for the sitemap, which Astro's sitemap integration writes from URLs alone: read in the
 * config, before the build, from the published articles' front matter. An article's is its last
 * review; the home page, the archive and feed-like listings change whenever any piece does.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import matter from 'gray-matter';
import { articleId } from '../content/article-id.ts';
import type { FrontMatter } from '../content/front-matter.ts';
import { frontMatterEngine } from '../yaml-data.ts';
import { lastChangedAt } from './article-dates.ts';
import { canRunOnWorker } from './worker-thread.ts';

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

/** What the sitemap dates by: each article and month page's last change, and the newest of all. */
export interface SitemapDates {
  byPath: Map<string, string>;
  newest: string;
}

const WORKER = new URL('./sitemap-dates-worker.ts', import.meta.url);

/**
 * The sitemap's `lastmod` for a URL. `read()` starts reading the front matters (0.2 s for a
 * thousand pieces) on a worker thread, called as the build starts (astro.config.mjs): the other
 * core reads while the main thread syncs the content. Read up front, they delayed the build's
 * start; read on the main thread in the background, they slowed Vite's bundling by 0.3 s. Where
 * no worker can run (see worker-thread.ts), or it fails, they are read on the main thread, a file
 * per turn of the event loop. `lastmod` starts the reading itself when nothing did.
 */
export function sitemapLastModified(
  articlesDir: string,
  siteUrl: string,
): { read(): void; lastmod(url: string): Promise<string | undefined> } {
  let dates: Promise<SitemapDates> | undefined;
  const read = () => {
    dates ??= canRunOnWorker(WORKER)
      ? readOnWorker(articlesDir).catch(() => readSitemapDates(articlesDir))
      : readSitemapDates(articlesDir);
    return dates;
  };
  return {
    read: () => void read(),
    lastmod: async (url) => {
      const { byPath, newest } = await read();
      const path = new URL(url, siteUrl).pathname;
      const own = byPath.get(path);
      if (own) return own;
      return path === '/' || path === '/archive/' || path.startsWith('/tags/')
        ? newest || undefined
        : undefined;
    },
  };
}

function readOnWorker(articlesDir: string): Promise<SitemapDates> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: { articlesDir } });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the sitemap's dates worker exited (${code})`)));
  });
}

export async function readSitemapDates(articlesDir: string): Promise<SitemapDates> {
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
