import { describe, expect, it } from 'vitest';
import type { FrontMatter } from '../../src/drafts/front-matter.ts';
import {
  articleId,
  byMonth,
  byTag,
  duplicateIds,
  monthLabel,
  newestFirst,
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
