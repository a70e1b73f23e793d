/**
 * The published pieces, read once per build from the `articles` collection: only
 * `status: published`, newest first, each with its URL id. Two files claiming one URL fail the
 * build, naming both files.
 */
import { type CollectionEntry, getCollection } from 'astro:content';
import { articleId } from '../../src/content/article-id.ts';
import { duplicateIds, newestFirst } from '../../src/site/article-index.ts';

export type Article = CollectionEntry<'articles'>;

let published: Promise<Article[]> | undefined;

export function publishedArticles(): Promise<Article[]> {
  // The dev server (the editors' preview) must see edits; a build reads the files once.
  if (import.meta.env.DEV) return load();
  published ??= load();
  return published;
}

async function load(): Promise<Article[]> {
  const entries = await getCollection('articles', (entry) => entry.data.status === 'published');
  const duplicates = duplicateIds(entries);
  if (duplicates.length > 0) {
    const list = duplicates.map((d) => `/articles/${d.id}/: ${d.files.join(', ')}`).join('; ');
    throw new Error(
      `Two published articles share one URL (${list}). Give one of them another slug or as-of date, or set it back to a draft.`,
    );
  }
  return newestFirst(entries);
}

export function articleUrl(article: Pick<Article, 'data'>): string {
  return `/articles/${articleId(article.data)}/`;
}

export function ogImageUrl(article: Pick<Article, 'data'>): string {
  return `/og/${articleId(article.data)}.png`;
}

/** The home page's page `n`: `/` first, then `/page/2/`. */
export function homePageUrl(n: number): string {
  return n === 1 ? '/' : `/page/${n}/`;
}
