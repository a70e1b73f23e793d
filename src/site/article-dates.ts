/**
 * When a piece was published and last updated, as readers, feeds, JSON-LD and the sitemap give
 * them. `approve` records each review's time; `approve --replace` keeps the replaced reviews under
 * `revisions:` (oldest first), so the first review is the publication and the latest the update.
 */
import type { FrontMatter } from '../content/front-matter.ts';

type Dated = Pick<FrontMatter, 'date' | 'review' | 'revisions'>;

function readable(at: string | undefined): Date | undefined {
  if (!at) return undefined;
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** The first approval; the piece's date (midnight UTC) when no review time can be read. */
export function publishedAt(data: Dated): Date {
  const first = data.revisions?.map((r) => readable(r.at)).find((d) => d !== undefined);
  return first ?? readable(data.review?.at) ?? new Date(`${data.date}T00:00:00Z`);
}

/** The latest approval when it replaced an earlier version; undefined for a piece never revised. */
export function updatedAt(data: Dated): Date | undefined {
  const latest = readable(data.review?.at);
  const published = publishedAt(data);
  return latest && latest.getTime() > published.getTime() ? latest : undefined;
}

/** The time a feed or sitemap reports a piece last changed. */
export function lastChangedAt(data: Dated): Date {
  return updatedAt(data) ?? publishedAt(data);
}
