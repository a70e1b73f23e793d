/**
 * The published articles: every `content/articles/*.md` whose front matter is valid and whose
 * status is `published`. A file that cannot be read is reported, not thrown, because an old
 * broken file should not stop this week's issue; the caller decides which problems matter.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { type FrontMatter, frontMatterSchema } from '../content/front-matter.ts';
import type { IsoDate } from '../types.ts';
import { frontMatterEngine } from '../yaml-data.ts';

export interface PublishedArticle {
  /** `<asOf>-<slug>`: the article's path on the site, `/articles/<id>/`. */
  id: string;
  file: string;
  frontMatter: FrontMatter;
  body: string;
}

export interface ArticleProblem {
  file: string;
  /** The date the file name starts with, to tell whether the problem touches an issue's range. */
  fileDate: IsoDate | undefined;
  message: string;
}

export interface ArticleCollection {
  articles: PublishedArticle[];
  problems: ArticleProblem[];
}

export function collectArticles(articlesDir: string): ArticleCollection {
  const articles: PublishedArticle[] = [];
  const problems: ArticleProblem[] = [];
  for (const name of listMarkdown(articlesDir)) {
    const file = join(articlesDir, name);
    const fileDate = /^(\d{4}-\d{2}-\d{2})-/.exec(name)?.[1];
    const report = (message: string) => problems.push({ file, fileDate, message });
    let parsed: { data: Record<string, unknown>; content: string };
    try {
      // An options object turns off gray-matter's cache, which hands back shared objects.
      parsed = matter(readFileSync(file, 'utf8'), { engines: { yaml: frontMatterEngine } });
    } catch (cause) {
      report(`cannot be read: ${cause instanceof Error ? cause.message : String(cause)}`);
      continue;
    }
    const front = frontMatterSchema.safeParse(parsed.data);
    if (!front.success) {
      report(
        `front matter is not valid: ${front.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
      continue;
    }
    if (front.data.status !== 'published') continue;
    const id = `${front.data.asOf}-${front.data.slug}`;
    articles.push({ id, file, frontMatter: front.data, body: parsed.content });
  }
  return { articles, problems };
}

function listMarkdown(dir: string): string[] {
  try {
    // Hidden files are approve's temp files, mid-write.
    return readdirSync(dir)
      .filter((name) => name.endsWith('.md') && !name.startsWith('.'))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/**
 * The articles of an issue, newest first: a reader opening the email wants the latest state of
 * the market on top, and the subject and preview come from the first piece. Pieces of the same
 * session go by the angle score the generator gave their story (the bigger news first).
 */
export function issueOrder(a: PublishedArticle, b: PublishedArticle): number {
  return (
    b.frontMatter.asOf.localeCompare(a.frontMatter.asOf) ||
    b.frontMatter.angles.score - a.frontMatter.angles.score ||
    a.id.localeCompare(b.id)
  );
}
