/**
 * Moves told with the sign in the word, never "against up 0.7%": a verb ("rose 0.7%", "fell
 * 1.2%", "was unchanged") or a noun phrase with its article ("a 0.7% gain", "a 1.2% drop", "an
 * 8% drop"). `magnitude` is the printed figure without its sign (a fact's `abs.` display, fact
 * link included), `move` the signed value that decides the word.
 */
import { withArticle } from './articles.ts';

export type Tense = 'past' | 'present-perfect';

const VERBS: Record<Tense, { up: string; down: string; flat: string }> = {
  past: { up: 'rose', down: 'fell', flat: 'was unchanged' },
  'present-perfect': { up: 'has risen', down: 'has fallen', flat: 'has been flat' },
};

/** "rose 0.7%", "fell 1.2%", "was unchanged". */
export function movedBy(move: number, magnitude: string, tense: Tense = 'past'): string {
  const verbs = VERBS[tense];
  if (move === 0) return verbs.flat;
  return `${move > 0 ? verbs.up : verbs.down} ${magnitude}`;
}

/** "a 0.7% gain", "an 8% drop", "no change". */
export function moveNoun(move: number, magnitude: string, nouns = { up: 'gain', down: 'drop' }): string {
  if (move === 0) return 'no change';
  return withArticle(`${magnitude} ${move > 0 ? nouns.up : nouns.down}`);
}

/** "gain" / "drop" / "change" alone, for copy that prints the article and figure itself. */
export function moveNounWord(move: number, nouns = { up: 'gain', down: 'drop' }): string {
  return move > 0 ? nouns.up : move < 0 ? nouns.down : 'change';
}
