/**
 * Which pieces the RSS feed carries: the newest by publication time (first approval), with their
 * full text. Feed readers fetch the whole file on every poll, and an archive's worth of full texts
 * is megabytes (2 MB at a thousand pieces) for a reader who wants what is new; the site's archive
 * keeps the rest. It is also the feed's build time: each item is a sanitized body to serialize.
 */
import { publishedAt } from './article-dates.ts';

/** How many pieces the feed keeps: about ten weeks of a daily desk's pieces. */
export const FEED_LENGTH = 50;

type Dated = Parameters<typeof publishedAt>[0];

export function feedPieces<T extends { data: Dated }>(
  pieces: readonly T[],
  length = FEED_LENGTH,
): Array<{ piece: T; at: Date }> {
  return pieces
    .map((piece) => ({ piece, at: publishedAt(piece.data) }))
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .slice(0, length);
}
