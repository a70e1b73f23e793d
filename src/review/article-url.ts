/**
 * One article per URL. The site publishes a piece at `/articles/<asOf>-<slug>/` (see
 * `articleId` in src/site/article-index.ts), whatever its file is called, and fails the build
 * when two files claim one URL. So a draft and its revision (`2025-11-28-record-high.md` and
 * `2025-11-28-record-high-r2.md`, one slug, one as-of) are one URL: approve finds the article
 * that already holds it by front matter, not by file name.
 */
import { join } from 'node:path';
import { articleId } from '../content/article-id.ts';
import { readDraftSource } from './draft-source.ts';
import type { FileSystem } from './file-system.ts';
import type { ReviewRecord } from './review-fields.ts';

export interface PublishedArticle {
  path: string;
  text: string;
  review: ReviewRecord | undefined;
  /** The reviews of the versions it replaced, oldest first (`revisions:`). */
  revisions: ReviewRecord[];
}

/** `2025-11-28-record-high` from a piece's front matter; undefined without a string asOf and slug. */
export function urlIdOf(text: string): string | undefined {
  const data = readDraftSource(text).data;
  const asOf = data?.['asOf'];
  const slug = data?.['slug'];
  return typeof asOf === 'string' && typeof slug === 'string' ? articleId({ asOf, slug }) : undefined;
}

/** `2025-11-28-record-high-r3.md` → `2025-11-28-record-high.md`: what a revision's article is called. */
export function withoutRevisionSuffix(name: string): string {
  return name.replace(/-r\d+\.md$/, '.md');
}

/**
 * The article in `articlesDir` published at `/articles/<id>/`, or one whose file takes the
 * name an article of that URL would get. Every file is looked at, since a file may have been
 * renamed by hand; a cheap text test skips those that cannot match before any YAML is parsed.
 */
export function articleAtUrl(fs: FileSystem, articlesDir: string, id: string): PublishedArticle | undefined {
  const slug = id.slice(11);
  for (const name of fs.list(articlesDir).sort()) {
    if (!name.endsWith('.md') || name.startsWith('.')) continue;
    const path = join(articlesDir, name);
    const byName = name === `${id}.md`;
    let text: string;
    try {
      text = fs.readText(path);
    } catch {
      if (byName) return { path, text: '', review: undefined, revisions: [] };
      continue;
    }
    if (!byName && !(text.includes(slug) && text.includes(id.slice(0, 10)))) continue;
    if (byName || urlIdOf(text) === id) return { path, text, ...reviewsOf(text) };
  }
  return undefined;
}

function reviewsOf(text: string): Pick<PublishedArticle, 'review' | 'revisions'> {
  const data = readDraftSource(text).data;
  const revisions = data?.['revisions'];
  return {
    review: asReview(data?.['review']),
    revisions: Array.isArray(revisions) ? revisions.flatMap((r) => asReview(r) ?? []) : [],
  };
}

function asReview(value: unknown): ReviewRecord | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const record = value as Record<string, unknown>;
  if (typeof record['by'] !== 'string' || typeof record['at'] !== 'string') return undefined;
  // Every field as written, in its order, so the record can be written back unchanged.
  return Object.fromEntries(
    Object.entries(record).filter(([, v]) => typeof v === 'string'),
  ) as unknown as ReviewRecord;
}

/** What `approve` compares of another published piece: its story, session and headline. */
export interface PublishedPiece {
  path: string;
  id: string;
  asOf: string;
  story: string;
  title: string;
}

/**
 * The published pieces of `articlesDir` whose as-of date is within `days` calendar days of
 * `asOf` (either side). A file whose name starts with a date outside the window is skipped
 * unread: approve runs against years of articles.
 */
export function piecesNear(
  fs: FileSystem,
  articlesDir: string,
  asOf: string,
  days: number,
): PublishedPiece[] {
  const near = (date: string) => Math.abs(Date.parse(date) - Date.parse(asOf)) <= days * 86_400_000;
  const pieces: PublishedPiece[] = [];
  for (const name of fs.list(articlesDir).sort()) {
    if (!name.endsWith('.md') || name.startsWith('.')) continue;
    const named = /^(\d{4}-\d{2}-\d{2})-/.exec(name)?.[1];
    if (named !== undefined && !near(named)) continue;
    const path = join(articlesDir, name);
    let data: Record<string, unknown> | undefined;
    try {
      data = readDraftSource(fs.readText(path)).data;
    } catch {
      continue;
    }
    const [pieceAsOf, slug, story, title, status] = ['asOf', 'slug', 'story', 'title', 'status'].map(
      (field) => data?.[field],
    );
    if (status !== 'published' || typeof pieceAsOf !== 'string' || typeof slug !== 'string') continue;
    if (typeof story !== 'string' || typeof title !== 'string' || !near(pieceAsOf)) continue;
    pieces.push({ path, id: articleId({ asOf: pieceAsOf, slug }), asOf: pieceAsOf, story, title });
  }
  return pieces;
}
