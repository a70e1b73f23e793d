/**
 * Which published pieces an issue carries: one entry per story per session, and never two
 * pieces under the same headline. A reader who meets "Small caps' three-day surge has happened
 * 18 times before" three times in one email stops reading; the newest piece is the one that
 * knows the most, so it stays and the others are listed as left out, each naming the one kept.
 */
import { sameHeadline } from '../review/headline.ts';
import type { PublishedArticle } from './collect.ts';

export interface LeftOut {
  id: string;
  /** The piece kept in its place. */
  keptId: string;
  reason: 'same story and session' | 'same headline';
}

export interface Selection {
  articles: PublishedArticle[];
  leftOut: LeftOut[];
}

/**
 * `ordered` must be in issue order (newest first). Of two pieces of one story and session
 * (a story re-approved under another slug), the later approval stays; of two with one headline,
 * the first in issue order (the newer session) stays.
 */
export function oneEntryPerStory(ordered: readonly PublishedArticle[]): Selection {
  const leftOut: LeftOut[] = [];
  const byStory = new Map<string, PublishedArticle>();
  for (const article of ordered) {
    const key = `${article.frontMatter.asOf} ${article.frontMatter.story}`;
    const other = byStory.get(key);
    if (other === undefined) {
      byStory.set(key, article);
      continue;
    }
    const [kept, dropped] = approvedAt(article) > approvedAt(other) ? [article, other] : [other, article];
    byStory.set(key, kept);
    leftOut.push({ id: dropped.id, keptId: kept.id, reason: 'same story and session' });
  }
  const articles: PublishedArticle[] = [];
  for (const article of ordered) {
    if (byStory.get(`${article.frontMatter.asOf} ${article.frontMatter.story}`) !== article) continue;
    const twin = articles.find((a) => sameHeadline(a.frontMatter.title, article.frontMatter.title));
    if (twin) leftOut.push({ id: article.id, keptId: twin.id, reason: 'same headline' });
    else articles.push(article);
  }
  return { articles, leftOut };
}

function approvedAt(article: PublishedArticle): string {
  return article.frontMatter.review?.at ?? '';
}
