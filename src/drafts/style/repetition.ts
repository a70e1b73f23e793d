/**
 * No number printed more than twice in a piece: a reader who meets "8.5%" a third time in 200
 * words stops reading. `repeatedNumbers` is the style gate's count; `numberBudget` is the
 * generator's side, a tally the templates' `{{#once}}` lambda consults to leave out a clause
 * whose figure has been printed twice already.
 */
import { FACT_LINK } from '../view-values.ts';

export const MAX_PRINTS = 2;

// Figures that are names, not numbers: "S&P 500", "Russell 2000", "Nasdaq-100", "200-day", "2-year".
const NAMES = /S&P 500|Russell 2000|Nasdaq-100|Russell 1000|\b\d+-(?:day|year|month|week|session)\b/g;
const MONTH_DAY = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:, \d{4})?/g;
const FIGURE = /(?<![\w.,])\d{1,3}(?:,\d{3})*(?:\.\d+)?%?|(?<![\w.,])\d+(?:\.\d+)?%?/g;

/** The figures a text prints, as printed ("8.5%", "2,500.43", "967"), names and dates left out. */
export function printedFigures(prose: string): string[] {
  const text = prose.replace(FACT_LINK, '').replace(NAMES, ' ').replace(MONTH_DAY, ' ');
  return [...text.matchAll(FIGURE)].map((m) => m[0]).filter((figure) => !/^(?:19|20)\d\d$/.test(figure)); // a bare year is a date
}

/** Figures printed more than `max` times, with their counts. */
export function repeatedNumbers(prose: string, max = MAX_PRINTS): { figure: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const figure of printedFigures(prose)) counts.set(figure, (counts.get(figure) ?? 0) + 1);
  return [...counts].filter(([, count]) => count > max).map(([figure, count]) => ({ figure, count }));
}

/**
 * The generator's tally. `once` is a mustache lambda: `{{#once}}, up {{abs.RUT.return.ytd}} this
 * year{{/once}}` renders the clause only if none of its figures has been printed `max` times,
 * and counts its figures when it does. `note` counts text printed outside a lambda.
 */
export function numberBudget(max = MAX_PRINTS) {
  const counts = new Map<string, number>();
  const fits = (text: string) => printedFigures(text).every((f) => (counts.get(f) ?? 0) < max);
  const note = (text: string) => {
    for (const f of printedFigures(text)) counts.set(f, (counts.get(f) ?? 0) + 1);
  };
  return {
    note,
    fits,
    once: () => (text: string, render: (template: string) => string) => {
      const rendered = render(text);
      if (!fits(rendered)) return '';
      note(rendered);
      return rendered;
    },
  };
}
