/**
 * Numbers as words, both ways: the writer's `numberWord(5)` is "five" (AP style spells out one
 * through nine), the reader's `parseNumberWord('five')` is 5. Ordinals likewise ("fifth", "5th").
 * Words run to ninety-nine: copy writes larger counts in digits.
 */

const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = [
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

const ORDINAL_OF: Record<string, string> = {
  one: 'first',
  two: 'second',
  three: 'third',
  five: 'fifth',
  eight: 'eighth',
  nine: 'ninth',
  twelve: 'twelfth',
};

/** The cardinal in words, 0–99 ("twenty-three"); digits beyond. */
export function cardinalWord(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n < 10) return UNITS[n]!;
  if (n < 20) return TEENS[n - 10]!;
  const tens = TENS[Math.floor(n / 10)]!;
  return n % 10 === 0 ? tens : `${tens}-${UNITS[n % 10]}`;
}

/** AP style: one through nine in words, 10 and up in digits. */
export function numberWord(n: number): string {
  return Number.isInteger(n) && n >= 1 && n <= 9 ? UNITS[n]! : String(n);
}

/** The ordinal in words, 1–99 ("fifth", "twenty-first"). */
export function ordinalWord(n: number): string {
  const cardinal = cardinalWord(n);
  if (cardinal === String(n)) return ordinalDigits(n);
  const parts = cardinal.split('-');
  const last = parts.pop()!;
  const ordinal = ORDINAL_OF[last] ?? (last.endsWith('y') ? `${last.slice(0, -1)}ieth` : `${last}th`);
  return [...parts, ordinal].join('-');
}

/** "1st", "2nd", "3rd", "11th", "23rd". */
export function ordinalDigits(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** AP style: first through ninth in words, 10th and up in digits. */
export function ordinalAp(n: number): string {
  return n >= 1 && n <= 9 ? ordinalWord(n) : ordinalDigits(n);
}

const CARDINALS = new Map<string, number>();
const ORDINALS = new Map<string, number>();
for (let n = 0; n <= 99; n++) {
  CARDINALS.set(cardinalWord(n), n);
  if (n > 0) ORDINALS.set(ordinalWord(n), n);
}

/** "five" → 5, "Twenty-three" → 23; undefined for anything else. */
export function parseNumberWord(word: string): number | undefined {
  return CARDINALS.get(word.toLowerCase());
}

/** "fifth" → 5, "5th" → 5; undefined for anything else. */
export function parseOrdinalWord(word: string): number | undefined {
  const lower = word.toLowerCase();
  const digits = /^(\d+)(?:st|nd|rd|th)$/.exec(lower);
  if (digits) return Number(digits[1]);
  return ORDINALS.get(lower);
}

/** A regex source matching any number word (longest first, so "twenty-one" beats "twenty"). */
export const NUMBER_WORD_SOURCE = [...CARDINALS.keys()].sort((a, b) => b.length - a.length).join('|');
export const ORDINAL_WORD_SOURCE = [...ORDINALS.keys()].sort((a, b) => b.length - a.length).join('|');
