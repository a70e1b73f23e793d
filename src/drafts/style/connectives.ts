/**
 * Connectives chosen from the relation between two sentences or paragraphs, never at random:
 * "For all that" and "Still" only after a paragraph the next one contrasts (a gain, then the
 * year's lag), "And" or "Also" for more of the same, nothing for a neutral turn. The relation
 * comes from the direction of what each part says (`directionOf`).
 */

export type Relation = 'contrast' | 'addition' | 'neutral';
export type Direction = 'positive' | 'negative' | 'neutral';

const CONNECTIVES: Record<Relation, readonly string[]> = {
  contrast: ['For all that,', 'Still,', 'Even so,'],
  addition: ['What is more,', 'Also,'],
  neutral: [''],
};

/** How two parts relate, from the direction of each: opposite signs contrast, equal ones add. */
export function relationOf(before: Direction, after: Direction): Relation {
  if (before === 'neutral' || after === 'neutral') return 'neutral';
  return before === after ? 'addition' : 'contrast';
}

/** The direction of a move (a fraction): a gain is positive, a loss negative, zero neutral. */
export function directionOf(move: number | undefined): Direction {
  if (move === undefined || move === 0) return 'neutral';
  return move > 0 ? 'positive' : 'negative';
}

/** The connective for a relation; `pick` chooses among equals (a piece's variation). */
export function connective(relation: Relation, pick = 0): string {
  const options = CONNECTIVES[relation];
  return options[pick % options.length]!;
}

/** A sentence opened by the connective its relation calls for ("Still, small caps trail…"). */
export function connected(relation: Relation, sentence: string, pick = 0): string {
  const word = connective(relation, pick);
  if (word === '') return sentence;
  // "Small caps" → "small caps", but a name ("S&P 500") keeps its capital.
  const lower = /^[A-Z][a-z]/.test(sentence) && !/^Russell|^Nasdaq|^Treasury|^Fed\b/.test(sentence);
  return `${word} ${lower ? sentence.charAt(0).toLowerCase() + sentence.slice(1) : sentence}`;
}
