/**
 * Newsletter issues (`content/newsletters/*.md`, written by the newsletter export), newest
 * first, each with its pieces resolved to published articles. An issue that names a piece the
 * site does not publish fails the build, since its page would carry a dead link.
 */

import { type CollectionEntry, getCollection } from 'astro:content';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { articleId } from '../../src/content/article-id.ts';
import { type Article, publishedArticles } from './articles.ts';
import { contentDir, previewMode } from './site-config.ts';

export interface Issue {
  entry: CollectionEntry<'newsletters'>;
  articles: Article[];
  /** Pieces named by the issue but not published (only tolerated in the preview). */
  missing: string[];
}

export async function newsletterIssues(): Promise<Issue[]> {
  // Astro warns about an empty collection; a site that has sent no newsletter is not a problem.
  if (!existsSync(join(contentDir, 'newsletters'))) return [];
  const [entries, articles] = await Promise.all([getCollection('newsletters'), publishedArticles()]);
  const byId = new Map(articles.map((a) => [articleId(a.data), a]));
  const issues = entries.map((entry) => {
    const found = entry.data.articles.flatMap((id) => byId.get(id) ?? []);
    const missing = entry.data.articles.filter((id) => !byId.has(id));
    if (missing.length > 0 && !previewMode) {
      throw new Error(
        `The newsletter ${entry.filePath ?? entry.id} names pieces that are not published: ${missing.join(', ')}. Publish them, or remove them from its articles list.`,
      );
    }
    return { entry, articles: found, missing };
  });
  return issues.sort((a, b) => b.entry.data.issueId.localeCompare(a.entry.data.issueId));
}
