/**
 * The one sentence splitter (issue 14: the claim reader had its own, retext-english's): where
 * a sentence of our copy ends, by its punctuation, the way an editor reads it. AP abbreviations
 * ("Nov. 8", "U.S.") and a figure before a period ("the S&P 500. On Tuesday") are handled here,
 * so the social posts, the diff and the check agree on what a sentence is.
 */

// Words whose period does not end a sentence even when a capital follows: titles ("Dr. Jones"),
// AP month abbreviations, U.S./U.K., vs., and initials ("J. Powell").
const ABBREVIATION =
  /(?:^|[\s("“])(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|Gov|Sen|Rep|Gen|Jan|Feb|Aug|Sept|Oct|Nov|Dec|vs|U\.S|U\.K|[A-Z])$/;
// Terminal punctuation (with closing quotes or brackets), then space, then what opens a sentence
// in our copy: a capital, a cashtag, or an opening quote. A digit does not: "Oct. 29".
const SENTENCE_END = /[.!?]+["'”’)\]]*(?=[^\S\n]+["'“‘(]*[A-Z$])/g;

/**
 * Offsets in `text` where a sentence or a line ends, ascending, the last one the end of the
 * text's content. Cutting `text` at one of them never cuts a sentence, a word or a URL. Shared
 * by the X thread, the LinkedIn trim, the Facebook fold, `wirecopy diff` and the claim reader.
 */
export function sentenceEnds(text: string): number[] {
  const ends = new Set<number>();
  for (const match of text.matchAll(SENTENCE_END)) {
    const before = text.slice(0, match.index);
    if (!ABBREVIATION.test(before)) ends.add(match.index + match[0].length);
  }
  for (const match of text.matchAll(/[^\S\n]*\n/g)) ends.add(match.index);
  ends.add(text.trimEnd().length);
  // Keep an end only when some text lies between it and the previous one (blank lines end nothing).
  let previous = 0;
  return [...ends]
    .sort((a, b) => a - b)
    .filter((end) => {
      const hasText = text.slice(previous, end).trim() !== '';
      if (hasText) previous = end;
      return hasText;
    });
}

/** The sentences (and lines) of `text`, trimmed, in order. */
export function sentences(text: string): string[] {
  let start = 0;
  return sentenceEnds(text).map((end) => {
    const sentence = text.slice(start, end).trim();
    start = end;
    return sentence;
  });
}
