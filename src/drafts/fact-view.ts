/**
 * Turns a FactSet into the parts of a template view that print numbers: the facts themselves at
 * their dotted ids (`{{RUT.return.5d}}` → "8.5%"), their magnitudes under `abs` for copy that
 * carries the sign in a verb (`{{abs.RUT.change.1d}}` → "3.2%" for a fall), and ordinals of
 * counts under `ord` (`{{ord.RUT.record.count_ytd}}` → "fourth", AP style). Only display text gets in.
 */
import { MONTH_NAMES } from '../calendar/dates.ts';
import { formatMagnitude } from '../facts/format.ts';
import type { Fact, FactSet } from '../facts/types.ts';
import { countWords, ordinalWords } from './style/ap-numbers.ts';
import { roundedShare } from './style/reader-rounding.ts';
import { FactText, placeFact } from './view-values.ts';

/** Units whose sign copy often carries in a verb ("fell 3.2%"): these get an `abs.` form. */
/** Facts that are shares of a whole, which a reader takes rounded (style/reader-rounding.ts). */
const SHARES = /(?:^|\.)(?:ytd_share|hit_rate)(?:\.|$)/;

const SIGNED_UNITS = new Set(['fraction', 'points', 'basis_points', 'percentage_points']);

export interface FactView {
  /** Whether printed numbers carry their fact ids (the article body). */
  linked: boolean;
  facts: Record<string, unknown>;
  abs: Record<string, unknown>;
  ord: Record<string, unknown>;
  /** Shares rounded as a reader needs them ("more than 70%"), the exact value in the fact link. */
  rounded: Record<string, unknown>;
  /** Month names of date facts ("October", "October 2024"): "the best month since October". */
  month: Record<string, unknown>;
  /** A spread's magnitude in percentage points, "3.7 percentage points" (`pp.RUT.vs.SPX.spread.5d`); the link follows the unit, as it follows a % sign. */
  pp: Record<string, unknown>;
}

/** Differences of two returns: they read in percentage points. */
const SPREADS = /\.spread\.(?:\d+d|ytd|mtd)$/;

/** `linked`: each printed number carries its fact id (see `factLink`); for article bodies. */
export function buildFactView(factSet: FactSet, options: { linked?: boolean } = {}): FactView {
  const linked = options.linked === true;
  const view: FactView = { linked, facts: {}, abs: {}, ord: {}, month: {}, rounded: {}, pp: {} };
  for (const fact of Object.values(factSet.facts)) {
    if (fact.value === null) continue;
    placeFact(view.facts, fact.id, new FactText(fact.id, apDisplay(fact), linked));
    if (typeof fact.value === 'number' && SIGNED_UNITS.has(fact.unit)) {
      placeFact(view.abs, fact.id, new FactText(fact.id, formatMagnitude(fact.value, fact.unit), linked));
    }
    if (typeof fact.value === 'number' && (fact.unit === 'count' || fact.unit === 'sessions')) {
      placeFact(view.ord, fact.id, new FactText(fact.id, ordinalWords(fact.value), linked));
    }
    if (fact.unit === 'fraction' && typeof fact.value === 'number' && SHARES.test(fact.id)) {
      placeFact(view.rounded, fact.id, new FactText(fact.id, roundedShare(fact.value), linked));
    }
    if (fact.unit === 'fraction' && typeof fact.value === 'number' && SPREADS.test(fact.id)) {
      const points = `${formatMagnitude(fact.value, fact.unit).replace(/%$/, '')} percentage points`;
      placeFact(view.pp, fact.id, new FactText(fact.id, points, linked));
    }
    if (fact.unit === 'date' && typeof fact.value === 'string') {
      placeFact(view.month, fact.id, new FactText(fact.id, monthName(fact.value, factSet.asOf), linked));
    }
  }
  return view;
}

/**
 * A fact's display as house style prints it: counts of one through nine in words ("for four
 * straight calendar years"), everything else as the fact formats it. `check` reads the words
 * back wherever they count something (src/review/number-claims.ts).
 */
function apDisplay(fact: Fact): string {
  const counted = fact.unit === 'count' || fact.unit === 'sessions';
  return counted && typeof fact.value === 'number' ? countWords(fact.value) : fact.display;
}

/** "October" in the as-of year, "October 2024" otherwise (AP spells months out without a day). */
export function monthName(date: string, asOf: string): string {
  const name = MONTH_NAMES[Number(date.slice(5, 7)) - 1]!;
  return date.slice(0, 4) === asOf.slice(0, 4) ? name : `${name} ${date.slice(0, 4)}`;
}

/** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 101st, 111th. */
export function ordinal(n: number): string {
  const mod100 = n % 100;
  const suffix = mod100 >= 11 && mod100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n.toLocaleString('en-US')}${suffix}`;
}

/** The numeric value of a fact that exists and is not null, else undefined. */
export function numberOf(factSet: FactSet, id: string): number | undefined {
  const fact: Fact | undefined = factSet.facts[id];
  return typeof fact?.value === 'number' ? fact.value : undefined;
}

export function boolOf(factSet: FactSet, id: string): boolean | undefined {
  const fact = factSet.facts[id];
  return typeof fact?.value === 'boolean' ? fact.value : undefined;
}

export function has(factSet: FactSet, id: string): boolean {
  const fact = factSet.facts[id];
  return fact !== undefined && fact.value !== null;
}

/**
 * Whether the calendar week's move prints as the five-session move: on the last session of a
 * five-session week they are one figure, so a piece says it once and may name either period.
 */
export function weekIsFiveSessions(factSet: FactSet): boolean {
  return factSet.facts['RUT.return.week']?.display === factSet.facts['RUT.return.5d']?.display;
}

/** A fact's display without its sign ("3.2%" for "-3.2%"), for headlines whose verb carries it. */
export function magnitudeOf(factSet: FactSet, id: string): string {
  const display = factSet.facts[id]?.display ?? '';
  return display.startsWith('-') ? display.slice(1) : display;
}

/** The fact node at a dotted id in a view tree (`RUT.return.5d`), for lists a story builds. */
export function factNode(tree: Record<string, unknown>, id: string): FactText | undefined {
  let node: unknown = tree;
  for (const segment of id.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node instanceof FactText ? node : undefined;
}
