/**
 * AP numerals: one through nine in words, 10 and above in figures; first through ninth as
 * words ("the fifth record close"), 10th and above in figures. Percentages, basis points,
 * index levels, dates, ages of the kind "2-year yield" and names ("S&P 500") always take
 * figures. The writer's side is `countWords` / `ordinalWords`; the style gate's side is
 * `numeralsUnderTen`, which finds a lone figure 1–9 that should have been a word.
 */
import { numberWord, ordinalAp } from '../../language/number-words.ts';
import { FACT_LINK } from '../view-values.ts';

/** A count as AP prints it: "five", "18", "1,204". */
export function countWords(n: number): string {
  return Number.isInteger(n) && n >= 1 && n <= 9 ? numberWord(n) : n.toLocaleString('en-US');
}

/** An ordinal as AP prints it: "fifth", "18th". */
export function ordinalWords(n: number): string {
  return Number.isInteger(n) && n >= 1
    ? ordinalAp(n).replace(/^(\d+)/, (d) => Number(d).toLocaleString('en-US'))
    : String(n);
}

/** "1 session" / "five sessions" / "18 sessions": the count with its noun in the right number. */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${countWords(n)} ${n === 1 ? singular : plural}`;
}

export interface NumeralMistake {
  text: string;
  index: number;
}

const MONTH = String.raw`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?`;
// Figures AP keeps: before a unit or a hyphenated compound ("5%", "5 basis points", "2-year",
// "5-day"), in decimals and thousands, after a month ("Nov. 8"), a dollar sign or a name
// ("S&P 500", "Russell 2000", "Nasdaq-100"), and ordinals 10th and up.
const LONE_FIGURE = new RegExp(
  String.raw`(?<![\w.,$:/-])(?<!${MONTH}\s)([1-9])(st|nd|rd|th)?(?![\w%.,:/-]|\s?(?:%|percent|percentage points?|basis points?|bps?)\b|\.\d)`,
  'g',
);

/** Every figure 1–9 (or 1st–9th) that AP would spell out, in prose with its fact links removed. */
export function numeralsUnderTen(prose: string): NumeralMistake[] {
  const text = prose.replace(FACT_LINK, '');
  return [...text.matchAll(LONE_FIGURE)].map((m) => ({ text: m[0], index: m.index }));
}
