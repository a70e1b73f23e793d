import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleId } from '../../src/content/article-id.ts';
import type { FrontMatter } from '../../src/content/front-matter.ts';
import {
  byMonth,
  byTag,
  duplicateIds,
  monthLabel,
  newestFirst,
  type Piece,
  relatedByTag,
  storyLabel,
  tagSlug,
} from '../../src/site/article-index.ts';

function piece(asOf: string, slug: string, tags: string[], filePath = `${asOf}-${slug}.md`) {
  return { data: { asOf, date: asOf, slug, tags, title: `${slug} ${asOf}` } as FrontMatter, filePath };
}

const pieces = [
  piece('2025-11-28', 'small-cap-rally', ['small caps', 'Russell 2000', 'S&P 500', 'relative strength']),
  piece('2025-11-28', 'weekly-recap', ['small caps', 'Russell 2000', 'weekly recap']),
  piece('2025-09-18', 'record-high', ['small caps', 'Russell 2000', 'records']),
  piece('2025-04-30', 'monthly-recap', ['small caps', 'monthly recap']),
];

describe('articleId', () => {
  it('is the as-of date and the slug', () => {
    expect(articleId({ asOf: '2025-11-28', slug: 'daily-wrap' })).toBe('2025-11-28-daily-wrap');
  });
});

describe('tagSlug', () => {
  it.each([
    ['S&P 500', 's-p-500'],
    ['Russell 2000', 'russell-2000'],
    ['relative strength', 'relative-strength'],
    ['  Fed / rates ', 'fed-rates'],
  ])('%s → %s', (tag, slug) => expect(tagSlug(tag)).toBe(slug));
});

describe('filing', () => {
  it('sorts newest first, then by title for the same date', () => {
    expect(newestFirst(pieces).map((p) => p.data.slug)).toEqual([
      'small-cap-rally',
      'weekly-recap',
      'record-high',
      'monthly-recap',
    ]);
  });

  it('groups by month, newest month first', () => {
    expect(byMonth(pieces).map((m) => [m.month, m.label, m.pieces.length])).toEqual([
      ['2025-11', 'November 2025', 2],
      ['2025-09', 'September 2025', 1],
      ['2025-04', 'April 2025', 1],
    ]);
    expect(monthLabel('2026-01')).toBe('January 2026');
  });

  it('groups by tag, most used first', () => {
    const groups = byTag(pieces);
    expect(groups[0]).toMatchObject({ tag: 'small caps', slug: 'small-caps' });
    expect(groups[0]!.pieces).toHaveLength(4);
    expect(groups.find((g) => g.slug === 's-p-500')!.pieces.map((p) => p.data.slug)).toEqual([
      'small-cap-rally',
    ]);
  });

  it('finds related pieces by shared tags, most shared first, never the piece itself', () => {
    const related = relatedByTag(pieces[2]!, newestFirst(pieces), 2).map((p) => p.data.slug);
    expect(related).toEqual(['small-cap-rally', 'weekly-recap']);
    expect(relatedByTag(pieces[3]!, newestFirst(pieces), 5).map((p) => p.data.slug)).not.toContain(
      'monthly-recap',
    );
  });

  it('answers from its index exactly as a scan of every piece would (the old quadratic way)', () => {
    // The reference: every other piece, its count of tags shared, stable sort by that count.
    const scan = (p: Piece, newest: Piece[], max: number) => {
      const own = new Set(p.data.tags.map(tagSlug));
      return newest
        .filter((o) => articleId(o.data) !== articleId(p.data))
        .map((o) => ({ o, shared: o.data.tags.filter((t) => own.has(tagSlug(t))).length }))
        .filter(({ shared }) => shared > 0)
        .sort((a, b) => b.shared - a.shared)
        .slice(0, max)
        .map(({ o }) => o);
    };
    const TAGS = ['small caps', 'Russell 2000', 'S&P 500', 'records', 'rates', 'S&P-500'];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 28 }), fc.subarray(TAGS)), { maxLength: 40 }),
        fc.integer({ min: 1, max: 5 }),
        (specs, max) => {
          const all = newestFirst(
            specs.map(([day, tags], i) => piece(`2025-11-${String(day).padStart(2, '0')}`, `p${i}`, tags)),
          );
          for (const p of all) expect(relatedByTag(p, all, max)).toEqual(scan(p, all, max));
        },
      ),
    );
  });

  it('reports two files that would publish under one URL', () => {
    const twin = piece('2025-11-28', 'weekly-recap', [], '2025-11-28-weekly-recap-r2.md');
    expect(duplicateIds([...pieces, twin])).toEqual([
      {
        id: '2025-11-28-weekly-recap',
        files: ['2025-11-28-weekly-recap.md', '2025-11-28-weekly-recap-r2.md'],
      },
    ]);
  });
});

describe('storyLabel', () => {
  it.each([
    ['small-cap-rally', 'Small-cap rally'],
    ['rates-fed', 'Rates and the Fed'],
    ['new-kind-of-story', 'New kind of story'],
  ])('%s → %s', (story, label) => expect(storyLabel(story)).toBe(label));
});
