/**
 * Config objects that refuse fields they do not know. A typo (`verify.sanityBond`) would
 * otherwise be dropped without a word and the default kept, which is the worst outcome: the
 * editor believes a setting is in force that is not. The error names the nearest real field.
 */
import { z } from 'zod';

/**
 * `z.strictObject` whose unknown-field message suggests the nearest field of `shape`: one line
 * per unknown key, in the order of the issue's `keys`, so a loader can place each on its own.
 */
export function strictFields<Shape extends z.core.$ZodLooseShape>(shape: Shape) {
  const names = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => unknownField(key, names)).join('\n')
        : undefined,
  });
}

/** Written `strict.object({...})`, to read like the `z.object` it replaces. */
export const strict = { object: strictFields };

function unknownField(key: string, names: readonly string[]): string {
  const near = nearestName(key, names);
  return near === undefined
    ? `"${key}" is not a field here; the fields are ${names.join(', ')}`
    : `"${key}" is not a field here: did you mean "${near}"?`;
}

/**
 * The name closest to `word` by edit distance (case ignored), if it is close enough to be a
 * typo: at most 2 edits, or a quarter of the word for long names. Ties go to the earlier name.
 */
export function nearestName(word: string, names: readonly string[]): string | undefined {
  const allowed = Math.max(2, Math.floor(word.length / 4));
  let best: { name: string; distance: number } | undefined;
  for (const name of names) {
    const distance = editDistance(word.toLowerCase(), name.toLowerCase());
    if (distance <= allowed && (best === undefined || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}

/**
 * Levenshtein distance with adjacent transpositions counted as one edit (optimal string
 * alignment): "sanityBond" → "sanityBound" is 1, "stroe" → "store" is 1.
 */
export function editDistance(a: string, b: string): number {
  // rows[i][j]: edits turning a[0, i) into b[0, j).
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i]!;
    for (let j = 1; j <= b.length; j++) {
      const substitution = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + substitution);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(at(i, j), at(i - 2, j - 2) + 1);
      }
    }
  }
  return at(a.length, b.length);
}
