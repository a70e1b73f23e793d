/**
 * Direction words: which way a figure went. Verbs and adverbs come before the figure ("rose
 * 0.6%", "up 8.5%"), nouns and prepositions after it ("a 16.4% gain", "0.8% below its record").
 * Copy prints magnitudes and lets these words carry the sign, so they are checked like digits.
 */

export type Direction = 'up' | 'down';

const UP_BEFORE = [
  'rose',
  'rises',
  'rise',
  'risen',
  'rising',
  'climbing',
  'jumping',
  'surging',
  'advancing',
  'adding',
  'gained',
  'gains',
  'gain',
  'gaining',
  'climbed',
  'climbs',
  'climb',
  'advanced',
  'advances',
  'advance',
  'jumped',
  'jumps',
  'jump',
  'surged',
  'surges',
  'surge',
  'soared',
  'soars',
  'rallied',
  'rallies',
  'added',
  'adds',
  'edged up',
  'edges up',
  'edge up',
  'increased',
  'up',
  'higher by',
];
const DOWN_BEFORE = [
  'fell',
  'falls',
  'fall',
  'fallen',
  'falling',
  'dropping',
  'sliding',
  'slipping',
  'tumbling',
  'declining',
  'lost',
  'loses',
  'lose',
  'losing',
  'dropped',
  'drops',
  'drop',
  'declined',
  'declines',
  'decline',
  'slid',
  'slides',
  'slide',
  'slipped',
  'slips',
  'slip',
  'tumbled',
  'tumbles',
  'tumble',
  'sank',
  'sinks',
  'shed',
  'sheds',
  'edged down',
  'edges down',
  'edge down',
  'decreased',
  'down',
  'lower by',
];
const UP_AFTER = [
  'gain',
  'gains',
  'rise',
  'advance',
  'increase',
  'rally',
  'jump',
  'surge',
  'above',
  'ahead',
  'higher',
  'up',
];
const DOWN_AFTER = [
  'loss',
  'losses',
  'decline',
  'drop',
  'fall',
  'slide',
  'decrease',
  'below',
  'behind',
  'lower',
  'down',
];

const wordsSource = (words: readonly string[]) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(' ', String.raw`\s+`))
    .join('|');

/** A direction word ending right before the figure, with at most one word ("a", "the") between. */
const BEFORE = new RegExp(
  String.raw`\b(${wordsSource(UP_BEFORE)}|${wordsSource(DOWN_BEFORE)})\s+(?:(?:by|a|an|just|only|another|nearly|almost|about|more than|less than|at least|over|some|around|roughly)\s+)*[-+−$]?$`,
  'i',
);
/** A direction word right after the figure, with at most one modifier between ("8.5% five-session gain"). */
const AFTER = new RegExp(
  String.raw`^\s*(?:[\w-]+\s+)?(${wordsSource(UP_AFTER)}|${wordsSource(DOWN_AFTER)})\b`,
  'i',
);

const UP = new Set([...UP_BEFORE, ...UP_AFTER]);

function directionOf(word: string): Direction {
  return UP.has(word.toLowerCase().replace(/\s+/g, ' ')) ? 'up' : 'down';
}

export interface DirectionWord {
  direction: Direction;
  word: string;
  /** Where the word is: in `before` (offset into it) or in `after`. */
  side: 'before' | 'after';
  at: number;
}

/**
 * The direction the words around a figure give it: a noun or preposition right after it wins
 * ("a 16.4% gain", "0.8% below"), else a verb or adverb right before it ("fell 0.5%").
 */
export function directionAround(before: string, after: string): DirectionWord | undefined {
  const next = AFTER.exec(after);
  if (next) {
    const word = next[1]!;
    return { direction: directionOf(word), word, side: 'after', at: next[0].length - word.length };
  }
  const previous = BEFORE.exec(before);
  if (previous) {
    const word = previous[1]!;
    return { direction: directionOf(word), word, side: 'before', at: previous.index };
  }
  return undefined;
}

/** Writer's side: a verb for a signed move ("rose"/"fell"), or the adverb ("up"/"down"). */
export function directionWord(value: number, form: 'verb' | 'adverb'): string {
  if (form === 'adverb') return value > 0 ? 'up' : value < 0 ? 'down' : 'flat';
  return value > 0 ? 'rose' : value < 0 ? 'fell' : 'was unchanged';
}
