/**
 * How the site files its pieces: the URL of each, newest first, by tag and by month, and the
 * related pieces of one. Pure functions over front matter, so they are tested without a build.
 */
import { MONTH_NAMES } from '../calendar/dates.ts';
import { articleId } from '../content/article-id.ts';
import type { ShownFrontMatter } from '../content/front-matter.ts';

/** What the site needs of a piece: its front matter and the file it came from. */
export interface Piece {
  data: ShownFrontMatter;
  /** The source file, for error messages. */
  filePath?: string | undefined;
}

/** Newest first: by date, then as-of, then title, so equal dates still sort the same each build. */
export function newestFirst<T extends Piece>(pieces: readonly T[]): T[] {
  return [...pieces].sort(
    (a, b) =>
      compare(b.data.date, a.data.date) ||
      compare(b.data.asOf, a.data.asOf) ||
      compare(a.data.title, b.data.title),
  );
}

/** Code-unit order: right for ISO dates, stable across machines, and much faster than localeCompare. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Two files published under one URL would silently hide one: list them to fail the build. */
export function duplicateIds(pieces: readonly Piece[]): Array<{ id: string; files: string[] }> {
  const byId = new Map<string, string[]>();
  for (const p of pieces) {
    const id = articleId(p.data);
    byId.set(id, [...(byId.get(id) ?? []), p.filePath ?? '(unknown file)']);
  }
  return [...byId].filter(([, files]) => files.length > 1).map(([id, files]) => ({ id, files }));
}

const slugs = new Map<string, string>();

/**
 * "S&P 500" → "s-p-500"; "Russell 2000" → "russell-2000". Remembered: related pieces compare
 * every tag of every piece on every article page, which would otherwise dominate a large build.
 */
export function tagSlug(tag: string): string {
  let slug = slugs.get(tag);
  if (slug === undefined) {
    slug = tag
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    slugs.set(tag, slug);
  }
  return slug;
}

export interface TagGroup<T> {
  tag: string;
  slug: string;
  pieces: T[];
}

/** Every tag with its pieces (newest first), most used tags first. */
export function byTag<T extends Piece>(pieces: readonly T[]): TagGroup<T>[] {
  const groups = new Map<string, TagGroup<T>>();
  for (const piece of newestFirst(pieces)) {
    for (const tag of piece.data.tags) {
      const slug = tagSlug(tag);
      if (!slug) continue;
      const group = groups.get(slug) ?? { tag, slug, pieces: [] };
      group.pieces.push(piece);
      groups.set(slug, group);
    }
  }
  return [...groups.values()].sort((a, b) => b.pieces.length - a.pieces.length || compare(a.tag, b.tag));
}

/** `2025-11` → "November 2025". */
export function monthLabel(month: string): string {
  return `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

/** Pieces by the month of their as-of date, newest month first. */
export function byMonth<T extends Piece>(
  pieces: readonly T[],
): Array<{ month: string; label: string; pieces: T[] }> {
  const groups = new Map<string, T[]>();
  for (const piece of newestFirst(pieces)) {
    const month = piece.data.asOf.slice(0, 7);
    groups.set(month, [...(groups.get(month) ?? []), piece]);
  }
  return [...groups].map(([month, list]) => ({ month, label: monthLabel(month), pieces: list }));
}

/**
 * Up to `max` other pieces sharing a tag with `piece`: most shared tags first, then the newest.
 * Tags every piece carries ("small caps") tie everything, so recency decides among those.
 * `pieces` must be newest first (as `newestFirst` returns them). Every article page asks, so the
 * answer comes from an index built once per list (see RelatedIndex), not from a scan of all
 * pieces per page, which made a 1,000-piece build quadratic.
 */
export function relatedByTag<T extends Piece>(piece: T, newest: readonly T[], max = 3): T[] {
  let index = indexes.get(newest) as RelatedIndex<T> | undefined;
  if (index === undefined) {
    index = new RelatedIndex(newest);
    indexes.set(newest, index);
  }
  return index.related(piece, max);
}

const indexes = new WeakMap<readonly Piece[], RelatedIndex<Piece>>();

/**
 * The pieces grouped by their tag list. Pieces with the same tags share a tag count with any
 * other piece, so for one piece only the newest few of each group can be among its related:
 * a page costs (groups × max), and a site has a few dozen tag lists however many pieces it has.
 */
export class RelatedIndex<T extends Piece> {
  private readonly groups: Array<{ tags: string[]; members: Array<{ position: number; piece: T }> }> = [];

  constructor(newest: readonly T[]) {
    const byKey = new Map<string, (typeof this.groups)[number]>();
    newest.forEach((piece, position) => {
      const tags = piece.data.tags.map(tagSlug);
      const key = tags.join('\u0000');
      let group = byKey.get(key);
      if (group === undefined) {
        group = { tags, members: [] };
        byKey.set(key, group);
        this.groups.push(group);
      }
      group.members.push({ position, piece });
    });
  }

  /** The same answer as scanning every piece: shared tags (counted as before, per tag of the other piece), then position. */
  related(piece: T, max: number): T[] {
    const own = new Set(piece.data.tags.map(tagSlug));
    const id = articleId(piece.data);
    const candidates: Array<{ shared: number; position: number; piece: T }> = [];
    for (const group of this.groups) {
      const shared = group.tags.filter((t) => own.has(t)).length;
      if (shared === 0) continue;
      let taken = 0;
      for (const member of group.members) {
        if (taken === max) break;
        if (articleId(member.piece.data) === id) continue;
        candidates.push({ shared, ...member });
        taken++;
      }
    }
    return candidates
      .sort((a, b) => b.shared - a.shared || a.position - b.position)
      .slice(0, max)
      .map((c) => c.piece);
  }
}

/** Readers' names of the stories; a story not listed here is named from its id. */
const STORY_LABELS: Record<string, string> = {
  'small-cap-rally': 'Small-cap rally',
  'record-high': 'Record high',
  'pattern-study': 'Pattern study',
  'rates-fed': 'Rates and the Fed',
  'daily-wrap': 'Daily wrap',
  'weekly-recap': 'Weekly recap',
  'monthly-recap': 'Monthly recap',
};

/** `small-cap-rally` → "Small-cap rally"; an unknown `new-story` → "New story". */
export function storyLabel(story: string): string {
  const words = story.replace(/-/g, ' ');
  return STORY_LABELS[story] ?? words.charAt(0).toUpperCase() + words.slice(1);
}
