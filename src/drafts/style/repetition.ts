/**
 * No number printed more than twice in a piece: a reader who meets "8.5%" a third time in 200
 * words stops reading. `repeatedNumbers` is the style gate's count; `spendSections` is the
 * generator's side, the templates' `{{#spend}}` sections that give a figure up for words.
 */
import { LAMBDA } from '../variation.ts';
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

/** The piece's own prose: the closing disclaimer and sources lines (after `---`) are left out. */
export function proseOf(body: string): string {
  const cut = body.lastIndexOf('\n---\n');
  return cut === -1 ? body : body.slice(0, cut);
}

/** Figures printed more than `max` times, with their counts. */
export function repeatedNumbers(prose: string, max = MAX_PRINTS): { figure: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const figure of printedFigures(prose)) counts.set(figure, (counts.get(figure) ?? 0) + 1);
  return [...counts].filter(([, count]) => count > max).map(([figure, count]) => ({ figure, count }));
}

/** Between the phrasings of a `{{#spend}}` section: `{{#spend}}up 0.6%{{!or}}higher{{/spend}}`. */
export const SPEND_OR = '{{!or}}';

/**
 * The generator's side. A sentence that may print a figure a third time offers a phrasing
 * without it: `{{#spend}}, up {{abs.RUT.return.ytd}} this year{{!or}}{{/spend}}`. A piece is
 * rendered with every `spend` section on its first phrasing; while a figure prints more than
 * `max` times (the headline counts), the last section still printing it moves to its next
 * phrasing without it, and the piece is rendered again. A phrasing written empty leaves the
 * clause out; one inside a false condition (`{{#is.same}}…{{/is.same}}`) is not on offer. The lede, first in the piece, keeps its numbers longest. Every
 * phrasing is rendered to judge it, so a `spend` section holds no `{{#vary}}` (it would use up
 * phrasings it does not print).
 */
export function spendSections() {
  /** The phrasing each section renders, by the order sections render in. */
  const choices: number[] = [];
  /** What each section rendered this time, and what its other phrasings would render. */
  let sites: { alternatives: string[]; usable: boolean[]; rendered: string }[] = [];
  const section = (text: string, render: (template: string) => string) => {
    const index = sites.length;
    const raw = text.split(SPEND_OR);
    const alternatives = raw.map((alternative) => render(alternative));
    // A phrasing written empty leaves the clause out; one whose conditions left it empty is not on offer.
    const usable = alternatives.map((rendered, k) => rendered.trim() !== '' || raw[k]!.trim() === '');
    const choice = Math.min(choices[index] ?? 0, alternatives.length - 1);
    const rendered = alternatives[choice]!;
    sites.push({ alternatives, usable, rendered });
    return rendered;
  };
  return {
    /** The view's `spend`. */
    lambda: Object.assign(() => section, { [LAMBDA]: true as const }),
    /** Call before each rendering. */
    reset() {
      sites = [];
    },
    /**
     * After a rendering of `prose` (the headline and the body): moves one section off a figure
     * printed too often. False when every figure fits or no section can give one up.
     */
    giveUp(prose: string, max = MAX_PRINTS): boolean {
      for (const { figure } of repeatedNumbers(prose, max)) {
        for (let i = sites.length - 1; i >= 0; i--) {
          const site = sites[i]!;
          if (!printedFigures(site.rendered).includes(figure)) continue;
          const from = Math.min(choices[i] ?? 0, site.alternatives.length - 1);
          const next = site.alternatives.findIndex(
            (text, k) => k > from && site.usable[k] === true && !printedFigures(text).includes(figure),
          );
          if (next === -1) continue;
          choices[i] = next;
          return true;
        }
      }
      return false;
    },
  };
}
