/**
 * Varied phrasing that is still reproducible. A template offers alternatives in a section,
 * `{{#vary}}rose||climbed||advanced{{/vary}}`; which one a piece gets depends only on the piece
 * (its as-of date and slug) and the section's place in the template, so regenerating a draft
 * gives the same text, and two days' pieces read differently. A phrasing already used in the
 * piece is skipped, so the same words never appear twice in one article.
 */

export const ALTERNATIVES_SEPARATOR = '||';

/** Marks the view functions the strict checker accepts as sections (their body is still checked). */
export const LAMBDA = Symbol('wirecopy.lambda');

type MustacheLambda = (text: string, render: (template: string) => string) => string;

export interface Variation {
  /** The value to put in the view as `vary`. */
  vary: (() => MustacheLambda) & { [LAMBDA]: true };
  /** The phrasings chosen so far, in order (for tests and the draft's provenance). */
  chosen: string[];
}

/** FNV-1a, 32 bits: small, fast, and the same on every machine. */
export function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function splitAlternatives(text: string): string[] {
  return text.split(ALTERNATIVES_SEPARATOR);
}

/**
 * A fresh variation for one piece. Use one per rendered text (body, summary): the ordinal of a
 * `vary` section counts the sections rendered so far.
 */
export function createVariation(seed: string, used: Set<string> = new Set()): Variation {
  const chosen: string[] = [];
  let ordinal = 0;
  const lambda: MustacheLambda = (text, render) => {
    const alternatives = splitAlternatives(text);
    const start = hash32(`${seed}#${ordinal++}`) % alternatives.length;
    let pick = alternatives[start]!;
    for (let step = 0; step < alternatives.length; step++) {
      const candidate = alternatives[(start + step) % alternatives.length]!;
      if (!used.has(normalize(candidate))) {
        pick = candidate;
        break;
      }
    }
    used.add(normalize(pick));
    chosen.push(pick);
    return render(pick);
  };
  const vary = Object.assign(() => lambda, { [LAMBDA]: true as const });
  return { vary, chosen };
}

function normalize(phrase: string): string {
  return phrase.trim().toLowerCase().replace(/\s+/g, ' ');
}
