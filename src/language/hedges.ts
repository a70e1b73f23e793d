/**
 * Hedges: the words an editor puts before a rounded figure ("more than 70%", "nearly 19%",
 * "about 3%") and the ranges they allow. The range is measured in the figure's round step, the
 * unit of its last written digit that is not a trailing zero: 70 → 10, 19 → 1, 2.5 → 0.1,
 * 2,500 → 100. The README's tolerance table is this one.
 *
 * | hedge | the value v is | "more than 70%" |
 * |---|---|---|
 * | more than, over, above, upward of | X < v < X + step | 70 < v < 80 |
 * | at least | X ≤ v < X + step | 70 ≤ v < 80 |
 * | less than, under, below, fewer than | X − step < v < X | 60 < v < 70 |
 * | nearly, almost, just shy of, close to | X − step ≤ v < X | 60 ≤ v < 70 |
 * | about, around, roughly, approximately, some | \|v − X\| ≤ step / 2 | 65 ≤ v ≤ 75 |
 *
 * A multiple ("doubled", `MULTIPLE_WORDS`) is "about" the return it claims, with its own step.
 */

export type Hedge = 'more-than' | 'at-least' | 'less-than' | 'nearly' | 'about';

export const HEDGE_WORDS: ReadonlyArray<readonly [string, Hedge]> = [
  ['more than', 'more-than'],
  ['over', 'more-than'],
  ['above', 'more-than'],
  ['upward of', 'more-than'],
  ['at least', 'at-least'],
  ['less than', 'less-than'],
  ['fewer than', 'less-than'],
  ['under', 'less-than'],
  ['below', 'less-than'],
  ['nearly', 'nearly'],
  ['almost', 'nearly'],
  ['just shy of', 'nearly'],
  ['close to', 'nearly'],
  ['about', 'about'],
  ['around', 'about'],
  ['roughly', 'about'],
  ['approximately', 'about'],
  ['some', 'about'],
];

/** Writer's side: the words for a hedge ("more than"). */
export function hedgeWords(hedge: Hedge): string {
  return HEDGE_WORDS.find(([, h]) => h === hedge)![0];
}

const BEFORE = new RegExp(
  String.raw`\b(${HEDGE_WORDS.map(([w]) => w.replace(' ', String.raw`\s+`)).join('|')})\s+\$?$`,
  'i',
);

/** The hedge written right before a figure, given the text before it. */
export function hedgeBefore(textBefore: string): Hedge | undefined {
  const m = BEFORE.exec(textBefore.slice(-24));
  if (!m) return undefined;
  const words = m[1]!.toLowerCase().replace(/\s+/g, ' ');
  return HEDGE_WORDS.find(([w]) => w === words)?.[1];
}

/** The unit of the last written digit that is not a trailing zero: 70 → 10, 19 → 1, 2.5 → 0.1. */
export function roundStep(written: number, decimals: number): number {
  if (decimals > 0) return 10 ** -decimals;
  let step = 1;
  let whole = Math.round(Math.abs(written));
  while (whole !== 0 && whole % 10 === 0) {
    whole /= 10;
    step *= 10;
  }
  return step;
}

/**
 * Whether `actual` is within what `hedge` allows around `written` (both magnitudes, in the unit
 * the copy prints). `step` defaults to the figure's round step.
 */
export function withinHedge(hedge: Hedge, written: number, actual: number, step: number): boolean {
  const hair = 1e-9 * Math.max(1, Math.abs(actual));
  switch (hedge) {
    case 'more-than':
      return actual > written + hair && actual < written + step;
    case 'at-least':
      return actual >= written - hair && actual < written + step;
    case 'less-than':
      return actual < written - hair && actual > written - step;
    case 'nearly':
      return actual < written - hair && actual >= written - step - hair;
    case 'about':
      return Math.abs(actual - written) <= step / 2 + hair;
  }
}

/** Fractions in words, in percent, and the step they are read with (5 points: "three-quarters" is 72.5–77.5%). */
export const FRACTION_WORDS: ReadonlyArray<readonly [string, number]> = [
  ['three-quarters', 75],
  ['three quarters', 75],
  ['two-thirds', 66.7],
  ['two thirds', 66.7],
  ['half', 50],
  ['a third', 33.3],
  ['one-third', 33.3],
  ['a quarter', 25],
  ['one-quarter', 25],
];
export const FRACTION_STEP = 5;

/**
 * Multiples in words, as the return they claim in percent, and the step they are read with
 * ("about" that return): "doubled" is 1.9x to 2.1x (a return of 90% to 110%), "tripled" 2.9x to
 * 3.1x, "halved" 0.45x to 0.55x (a fall of 45% to 55%).
 */
export const MULTIPLE_WORDS: ReadonlyArray<readonly [string, number, number]> = [
  ['doubled', 100, 20],
  ['tripled', 200, 20],
  ['halved', -50, 10],
];
