/**
 * Whether a number written in copy is a fact, within the rounding it was written with: "2.1%"
 * is 0.020796, and so are "2%" and "2.08%"; "2.2%" is not. Copy carries direction in its verbs
 * ("fell 3.2%" for -0.032), so an unsigned number is compared by magnitude; a signed one must
 * match the sign too. A hedged number ("more than 70%", "nearly 1,000") must sit in the range
 * its hedge allows (`language/hedges.ts`, the README's tolerance table): editors round to a
 * telling figure, not to a different fact.
 */
import { roundStep, withinHedge } from '../language/hedges.ts';
import { factMeaning, type Measure, sameMeasure } from '../language/measures.ts';
import type { ReferenceFact } from './draft-facts.ts';
import type { NumberClaim } from './number-claims.ts';

export function claimMatchesFact(
  claim: NumberClaim,
  fact: ReferenceFact,
  asOfYear: number | undefined,
): boolean {
  if (claim.kind === 'date') {
    const { date } = claim;
    return (
      fact.kind === 'date' &&
      date !== undefined &&
      fact.date !== undefined &&
      date.month === fact.date.month &&
      date.day === fact.date.day &&
      (date.year ?? asOfYear) === fact.date.year
    );
  }
  if (fact.printed === undefined) return false;
  if (claim.kind === 'percent') return fact.kind === 'percent' && numberMatches(claim, fact.printed);
  if (fact.kind !== 'number') return false;
  if (claim.kind === 'ordinal')
    return Number.isInteger(fact.printed) && claim.value === Math.abs(fact.printed);
  return numberMatches(claim, fact.printed);
}

function numberMatches(claim: NumberClaim, target: number): boolean {
  if (claim.signed && Math.sign(claim.value) !== Math.sign(target) && target !== 0 && claim.value !== 0) {
    return false;
  }
  const written = Math.abs(claim.value);
  const actual = Math.abs(target);
  // Half a unit in the last written digit, plus a hair for binary floating point.
  const rounding = 0.5 * 10 ** -claim.decimals + 1e-9 * Math.max(1, actual);
  if (claim.hedge) {
    return withinHedge(claim.hedge, written, actual, claim.step ?? roundStep(written, claim.decimals));
  }
  return Math.abs(actual - written) <= rounding;
}

/**
 * The fact of the same kind closest to a claim: the likely intended one, for the hint. When the
 * sentence says whose figure it is and what it measures, only facts of that subject and measure
 * are candidates: a hint pointing at another index's number misleads more than no hint.
 */
export function closestFact(
  claim: NumberClaim,
  facts: readonly ReferenceFact[],
  about: { subject?: string | undefined; measure?: Measure | undefined } = {},
): ReferenceFact | undefined {
  const kind = claim.kind === 'percent' ? 'percent' : claim.kind === 'date' ? 'date' : 'number';
  const distance = (fact: ReferenceFact): number => {
    if (kind === 'date') {
      const a = claim.date;
      const b = fact.date;
      return a && b ? Math.abs((a.month - b.month) * 31 + (a.day - b.day)) : Number.POSITIVE_INFINITY;
    }
    const actual = Math.abs(fact.printed ?? Number.NaN);
    const written = Math.abs(claim.value);
    return Math.abs(actual - written) / Math.max(1e-9, Math.max(actual, written));
  };
  let best: ReferenceFact | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const fact of facts) {
    if (fact.kind !== kind) continue;
    const meaning = factMeaning(fact.id);
    if (about.subject && meaning && meaning.subject !== about.subject && meaning.versus !== about.subject)
      continue;
    if (about.measure && meaning && !sameMeasure(about.measure, meaning.measure)) continue;
    const d = distance(fact);
    if (d < bestDistance) {
      best = fact;
      bestDistance = d;
    }
  }
  return best;
}

/** The fact's display as copy prints it: its magnitude, unless the copy writes a sign itself. */
export function shownDisplay(claim: NumberClaim, fact: ReferenceFact): string {
  return claim.signed ? fact.display : fact.display.replace(/^[-−]/, '');
}
