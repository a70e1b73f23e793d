/**
 * Referring expressions that vary: the first mention of the index is its name, later ones take
 * turns among the words a reader knows mean the same thing ("the index", "small caps", "the
 * small-cap benchmark"), and the name comes back after a mention of another index so "the
 * index" is never ambiguous. Every form here is one the claim check's subject lexicon
 * (src/language/subjects.ts) reads as the Russell 2000.
 */

export const RUSSELL_2000_REFERENCES = {
  name: 'the Russell 2000',
  /** Later mentions, in turn; "small caps" takes a plural verb. */
  later: [
    { text: 'the index', plural: false },
    { text: 'small caps', plural: true },
    { text: 'the small-cap benchmark', plural: false },
  ],
} as const;

export interface Reference {
  text: string;
  plural: boolean;
}

/**
 * A referrer for one piece. `next()` gives the next mention; `otherIndexMentioned()` says a
 * sentence named another index, so the next mention is the name again.
 */
export function createReferrer(references = RUSSELL_2000_REFERENCES) {
  let mentions = 0;
  let nameDue = true;
  return {
    next(): Reference {
      const first = nameDue;
      nameDue = false;
      if (first) {
        mentions++;
        return { text: references.name, plural: false };
      }
      const later = references.later[(mentions - 1) % references.later.length]!;
      mentions++;
      return { text: later.text, plural: later.plural };
    },
    otherIndexMentioned() {
      nameDue = true;
    },
  };
}

/** "The index" at the start of a sentence. */
export function capitalized(reference: Reference): string {
  return reference.text.charAt(0).toUpperCase() + reference.text.slice(1);
}
