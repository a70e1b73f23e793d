/**
 * Places in the draft's text. Rules find things by character offset (in the YAML front matter,
 * inside a text node) and report them as line:column, 1-based like every editor.
 */
import type { Point, Position } from 'unist';

export class SourceText {
  readonly text: string;
  private readonly lineStarts: number[];

  constructor(text: string) {
    this.text = text;
    this.lineStarts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }

  point(offset: number): Point {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: clamped - this.lineStarts[lo]! + 1, offset: clamped };
  }

  position(start: number, end: number): Position {
    return { start: this.point(start), end: this.point(end) };
  }

  /** The place of the last character: where a rule reports something missing from the whole file. */
  end(): Point {
    return this.point(this.text.trimEnd().length);
  }
}

/**
 * Finds where each of `needles` (in order) sits in `text[from, to)`. A parsed value (a YAML block
 * scalar, a markdown text node with an entity) is not always a verbatim slice of its source, but
 * the number a rule reports almost always is: searching for it keeps the column exact; when it is
 * not found, the start of the range is the honest fallback.
 */
export function locateInOrder(text: string, from: number, to: number, needles: readonly string[]): number[] {
  let cursor = from;
  return needles.map((needle) => {
    const at = text.indexOf(needle, cursor);
    if (at === -1 || at + needle.length > to) return from;
    cursor = at + needle.length;
    return at;
  });
}
