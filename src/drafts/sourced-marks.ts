/**
 * Numbers that are someone else's (a quote's, an analyst's target): each carries the review
 * step's "sourced by hand" mark naming who published it and when, so `check` neither flags it
 * nor matches it against a fact of ours.
 */

/** Marks every number of `text` as `who`'s, published on `date`. The name loses what could end the comment or open a tag. */
export function markSourcedNumbers(text: string, source: { who: string; date: string }): string {
  return text.replace(/\d[\d,.]*(?:%|\b)/g, (n) => `${n}${sourcedMark(source)}`);
}

/** The mark alone, for a figure read as one (a date: "Nov. 17, 2025" takes one mark, after the year). */
export function sourcedMark(source: { who: string; date: string }): string {
  return `<!--sourced: ${source.who.replace(/--+|[<>]/g, ' ')}, ${source.date}-->`;
}
