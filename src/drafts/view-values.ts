/**
 * What a template's view may hold. Facts reach a template only as `FactText`: their house-style
 * display, never the raw number. A fact id can be the parent of another (`RUT.sma200` and
 * `RUT.sma200.above`), so a fact node prints its display and also carries children.
 */
export class FactText {
  readonly factId: string;
  readonly display: string;
  /** Whether the printed text carries its fact id (article bodies do; social posts do not). */
  readonly linked: boolean;
  [child: string]: unknown;

  constructor(factId: string, display: string, linked = false) {
    this.factId = factId;
    this.display = display;
    this.linked = linked;
  }

  toString(): string {
    return this.linked ? `${this.display}${factLink(this.factId)}` : this.display;
  }
}

/**
 * The mark that ties a printed number to its fact: an HTML comment right after the number,
 * invisible on the site, which the review step reads back to check an edited number against
 * the fact it claims to be.
 */
export function factLink(factId: string): string {
  return `<!--fact:${factId}-->`;
}

/** What a fact id may hold: `RUT.return.5d`, `RUT.pattern.three-day-surge.h21.mean`. */
export const FACT_ID = '[A-Za-z0-9_.-]+';

/** `8.5%<!--fact:RUT.return.5d-->` → display and id, for every linked number in a text. */
export const FACT_LINK = new RegExp(`<!--fact:(${FACT_ID})-->`, 'g');

/** Values a template may print: text, or a fact's display. */
export type Printable = string | FactText;

export interface ViewTree {
  [name: string]: ViewValue;
}

export type ViewValue = Printable | boolean | ViewTree | ViewTree[] | FactTree;

export interface FactTree {
  [segment: string]: FactText | FactTree;
}

/**
 * Puts `display` at the dotted path of `id` in `tree` (`RUT.return.5d` → tree.RUT.return['5d']),
 * keeping children already placed under that path.
 */
export function placeFact(tree: Record<string, unknown>, id: string, text: FactText): void {
  const path = id.split('.');
  let node: Record<string, unknown> = tree;
  for (const [i, segment] of path.entries()) {
    const existing = node[segment];
    if (i === path.length - 1) {
      if (existing && typeof existing === 'object') Object.assign(text, existing);
      node[segment] = text;
      return;
    }
    if (existing === undefined) node[segment] = {};
    node = node[segment] as Record<string, unknown>;
  }
}
