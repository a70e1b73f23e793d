/**
 * The two invisible marks a number may carry, as HTML comments right after it:
 *
 * - `<!--fact:RUT.return.5d-->`, written by the generator: the number is that fact.
 * - `<!--sourced: Bloomberg, 2025-11-28-->`, written by an editor: the number was taken by hand
 *   from that source on that date, so no fact backs it. The source and the date are both
 *   required: approval is a claim that someone checked it, and when.
 *
 * Both are invisible on the site and in the feeds; the site strips every other comment.
 */

import { isIsoDate } from '../calendar/dates.ts';
import { FACT_ID } from '../drafts/view-values.ts';

export type Marker =
  | { kind: 'fact'; factId: string }
  | { kind: 'sourced'; source: string; date: string }
  | { kind: 'sourced-invalid'; problem: string };

// The generator writes `<!--fact:ID-->`; an editor's retyped mark may carry spaces.
const FACT = new RegExp(`^<!--\\s*fact:\\s*(${FACT_ID})\\s*-->$`);
const SOURCED = /^<!--\s*sourced\s*:?\s*([\s\S]*?)\s*-->$/;
const SOURCE_AND_DATE = /^(.*\S)\s*,\s*(\d{4}-\d{2}-\d{2})$/;

export const SOURCED_FORMAT = '<!--sourced: Source name, YYYY-MM-DD-->';

/**
 * Whether the HTML is exactly one comment. A browser ends a comment at the first `-->` (or
 * `--!>`), so `<!--sourced: x--><script>...</script>, 2025-01-01-->` is a short comment, a script
 * and some text: a mark must not hide markup that way.
 */
export function isSingleComment(html: string): boolean {
  const text = html.trim();
  if (!text.startsWith('<!--') || !text.endsWith('-->') || text.length < 7) return false;
  const inside = text.slice(4, -3);
  return !/^-?>|-->|--!>|<!--|<!-$/.test(inside);
}

/** The marker an HTML node is, or undefined for any other HTML. */
export function parseMarker(html: string): Marker | undefined {
  const text = html.trim();
  if (!isSingleComment(text)) return undefined;
  const fact = FACT.exec(text);
  if (fact) return { kind: 'fact', factId: fact[1]! };
  const sourced = SOURCED.exec(text);
  if (!sourced) return undefined;
  const parts = SOURCE_AND_DATE.exec(sourced[1]!);
  if (!parts) {
    return { kind: 'sourced-invalid', problem: `it needs a source and a date, like ${SOURCED_FORMAT}` };
  }
  if (!isIsoDate(parts[2]!)) {
    return { kind: 'sourced-invalid', problem: `${parts[2]} is not a calendar date` };
  }
  return { kind: 'sourced', source: parts[1]!, date: parts[2]! };
}

/** Whether an HTML node is one of the marks (valid or not), which the raw-HTML rule leaves to this module. */
export function isMarker(html: string): boolean {
  return parseMarker(html) !== undefined;
}
