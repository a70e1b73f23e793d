import { describe, expect, it } from 'vitest';
import type { FrontMatter } from '../../src/content/front-matter.ts';
import { FEED_LENGTH, feedPieces } from '../../src/site/feed.ts';

/** A piece approved at `at`, its as-of date `asOf`. */
function piece(asOf: string, at: string) {
  return { data: { asOf, date: asOf, review: { by: 'Desk', at, checks: 'passed' } } as FrontMatter };
}

describe('feedPieces', () => {
  it('keeps the newest pieces by approval time, newest first', () => {
    // 60 pieces approved one a day from Jan. 1, 2025; the feed keeps the last 50 approved: Jan. 11
    // (the 11th) through March 1 (the 60th), newest first.
    const pieces = Array.from({ length: 60 }, (_, i) => {
      const day = new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10);
      return piece(day, `${day}T22:30:00.000Z`);
    });
    const feed = feedPieces(pieces);
    expect(FEED_LENGTH).toBe(50);
    expect(feed).toHaveLength(50);
    expect(feed[0]!.piece.data.asOf).toBe('2025-03-01');
    expect(feed.at(-1)!.piece.data.asOf).toBe('2025-01-11');
    expect(feed[0]!.at.toISOString()).toBe('2025-03-01T22:30:00.000Z');
  });

  it('orders by when a piece was published, not by its as-of date', () => {
    // A piece on the Nov. 27 session approved after the Nov. 28 one comes first.
    const late = piece('2025-11-27', '2025-11-29T14:00:00.000Z');
    const prompt = piece('2025-11-28', '2025-11-28T22:30:00.000Z');
    expect(feedPieces([prompt, late]).map((p) => p.piece)).toEqual([late, prompt]);
    expect(feedPieces([prompt, late], 1).map((p) => p.piece)).toEqual([late]);
  });
});
