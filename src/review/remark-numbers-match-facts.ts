/**
 * remark plugin: every number in the copy must be a fact of the draft.
 *
 * - A number followed by `<!--fact:ID-->` must match that fact, within the rounding it is
 *   written with (`fact-match.ts`).
 * - A number followed by `<!--sourced: Source, YYYY-MM-DD-->` was sourced by hand: it passes,
 *   with an info message naming the source, and may be repeated elsewhere in the file (the
 *   title, the summary, the social posts) without a mark.
 * - Any other number must match some fact of the draft.
 *
 * The body is read through `inline-runs.ts`; the front matter's text fields (`fields`) are
 * read as unmarked text, since they are published as plain text where no mark can go.
 *
 * Rules: `number-without-fact`, `number-mismatch`, `unknown-fact`, `sourced-marker-invalid`
 * (errors); `marker-without-number` (warning); `sourced-number` (info).
 */
import type { Html, Root } from 'mdast';
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import {
  aboutKey,
  type ClaimAbout,
  type Options as DraftClaimOptions,
  draftClaims,
  placeKey,
} from './draft-claims.ts';
import { asOfYear, type ReferenceFact, referenceFacts } from './draft-facts.ts';
import { type DraftSource, draftOf, type FieldPath, fieldValue, scalarRange } from './draft-source.ts';
import { claimMatchesFact, closestFact, shownDisplay } from './fact-match.ts';
import { inlineRuns } from './inline-runs.ts';
import { type Marker, parseMarker, SOURCED_FORMAT } from './markers.ts';
import { report } from './messages.ts';
import { type NumberClaim, scanClaims } from './number-claims.ts';
import { locateInOrder } from './source-text.ts';
import { fieldName, publishedTextFields } from './text-fields.ts';

export interface Options extends DraftClaimOptions {
  /** Front-matter text fields whose numbers must be facts too (default: `publishedTextFields`). */
  fields?: FieldPath[];
}

interface PlacedClaim {
  claim: NumberClaim;
  place: Position;
  /** `body`, or the front-matter field it is in. */
  where: string;
  marker?: Marker;
}

const LINK_HINT = `Link it to its fact (<!--fact:ID--> right after the number), or mark where it came from (${SOURCED_FORMAT}).`;

export default function remarkNumbersMatchFacts(options: Options = {}) {
  return (tree: Root, file: VFile) => {
    const draft = draftOf(file);
    if (draft.unreadable) return;
    const facts = referenceFacts(draft.data);
    const fields = options.fields ?? publishedTextFields(draft);
    const body = bodyClaims(tree, draft);
    for (const orphan of body.orphanMarks) {
      report(file, 'warning', 'marker-without-number', `The mark ${orphan.value} follows no number.`, {
        place: orphan.position,
        hint: 'Put it right after the number it vouches for, or delete it if the number was reworded away.',
      });
    }
    const claims = [...body.claims, ...fieldClaims(draft, fields)];
    const sourced = new Set(claims.filter((c) => c.marker?.kind === 'sourced').map((c) => c.claim.text));
    // The claim reading says whose figure each number is, so the hint can name a fact of the
    // same series and measure, never another index's number.
    const { about, explained } = draftClaims(tree, file, options);
    const seen = new Map<string, number>();
    const aboutOf = (placed: PlacedClaim): ClaimAbout => {
      const key = `${placed.where}\u0000${placed.claim.text}`;
      const n = seen.get(key) ?? 0;
      seen.set(key, n + 1);
      return about.get(aboutKey(placed.where, placed.claim.text, n)) ?? {};
    };
    const context = { facts, year: asOfYear(draft.data), sourced, explained };
    for (const placed of claims) judge(file, placed, context, aboutOf(placed));
  };
}

/** The body's numbers, each with the mark right after it; and the marks that follow no number. */
function bodyClaims(tree: Root, draft: DraftSource): { claims: PlacedClaim[]; orphanMarks: Html[] } {
  const claims: PlacedClaim[] = [];
  const orphanMarks: Html[] = [];
  for (const { segments } of inlineRuns(tree)) {
    const marked = new Set<number>();
    segments.forEach((segment, i) => {
      if (segment.type !== 'text') return;
      const { value, position } = segment.node;
      // Read with the rest of the run after it, marks left out, so that "six<!--fact:X--> straight
      // sessions" is a count; only the numbers in this text node are its claims.
      const following = segments
        .slice(i + 1)
        .map((s) => (s.type === 'text' ? s.node.value : s.type === 'gap' ? ' ' : ''))
        .join('');
      const found = scanClaims(value + following).filter((c) => c.end <= value.length);
      const start = position?.start.offset ?? 0;
      const offsets = locateInOrder(
        draft.source.text,
        start,
        position?.end.offset ?? start,
        found.map((c) => c.text),
      );
      const placed = found.map((claim, k): PlacedClaim => {
        const at = offsets[k]!;
        return { claim, where: 'body', place: draft.source.position(at, at + claim.text.length) };
      });
      const next = segments[i + 1];
      const last = placed.at(-1);
      const marker = next?.type === 'html' ? parseMarker(next.node.value) : undefined;
      if (marker && last && value.slice(last.claim.end).trim() === '') {
        last.marker = marker;
        marked.add(i + 1);
      }
      claims.push(...placed);
    });
    segments.forEach((segment, i) => {
      if (segment.type === 'html' && !marked.has(i) && parseMarker(segment.node.value))
        orphanMarks.push(segment.node);
    });
  }
  return { claims, orphanMarks };
}

function fieldClaims(draft: DraftSource, fields: readonly FieldPath[]): PlacedClaim[] {
  const claims: PlacedClaim[] = [];
  for (const path of fields) {
    const value = fieldValue(draft, path);
    const range = scalarRange(draft, path);
    if (typeof value !== 'string' || !range) continue;
    const found = scanClaims(value);
    const offsets = locateInOrder(
      draft.source.text,
      range[0],
      range[1],
      found.map((c) => c.text),
    );
    found.forEach((claim, k) => {
      const at = offsets[k]!;
      const end = at === range[0] ? at : at + claim.text.length;
      claims.push({ claim, where: fieldName(path), place: draft.source.position(at, end) });
    });
  }
  return claims;
}

interface Context {
  facts: ReferenceFact[];
  year: number | undefined;
  sourced: Set<string>;
  /** Places of numbers a claim rule already reported. */
  explained: ReadonlySet<string>;
}

function judge(
  file: VFile,
  { claim, place, where, marker }: PlacedClaim,
  context: Context,
  about: ClaimAbout,
): void {
  const { facts, year } = context;
  const inWhere = where === 'body' ? '' : ` in ${where}`;
  if (marker?.kind === 'sourced') {
    report(
      file,
      'info',
      'sourced-number',
      `${claim.text}${inWhere} is sourced by hand: ${marker.source}, ${marker.date}.`,
      {
        place,
      },
    );
    return;
  }
  if (marker?.kind === 'sourced-invalid') {
    report(
      file,
      'error',
      'sourced-marker-invalid',
      `The source mark after ${claim.text} is not valid: ${marker.problem}.`,
      {
        place,
        hint: `Write it as ${SOURCED_FORMAT}: who published the number and the date it was checked.`,
      },
    );
    return;
  }
  if (marker?.kind === 'fact') {
    const fact = facts.find((f) => f.id === marker.factId);
    if (!fact) {
      report(
        file,
        'error',
        'unknown-fact',
        `${claim.text} is linked to ${marker.factId}, which is not a fact of this draft.`,
        {
          place,
          hint: 'Link it to one of the ids under `facts` in the front matter, or mark its source.',
          actual: marker.factId,
        },
      );
    } else if (!claimMatchesFact(claim, fact, year)) {
      const shown = shownDisplay(claim, fact);
      report(
        file,
        'error',
        'number-mismatch',
        `${claim.text} does not match its fact ${fact.id}, which is ${shown}.`,
        {
          place,
          hint: `Write ${shown}, or if the number now comes from elsewhere, replace the fact link with ${SOURCED_FORMAT}.`,
          actual: claim.text,
          expected: [shown],
        },
      );
    }
    return;
  }
  if (facts.some((fact) => claimMatchesFact(claim, fact, year)) || context.sourced.has(claim.text)) return;
  if (context.explained.has(placeKey(place))) return;
  const closest = closestFact(claim, facts, about);
  report(file, 'error', 'number-without-fact', `${claim.text}${inWhere} matches no fact of this draft.`, {
    place,
    hint: closest
      ? `${LINK_HINT} The closest fact is ${closest.id} (${shownDisplay(claim, closest)}).`
      : LINK_HINT,
    actual: claim.text,
  });
}
