/**
 * When two headlines are the same to a reader: the words as printed (fact marks dropped),
 * ignoring case, spacing and the quote style. Shared by `approve` (which warns) and the
 * newsletter (which carries one of them).
 */
import { FACT_LINK } from '../drafts/view-values.ts';

export function headlineKey(title: string): string {
  return title
    .replace(FACT_LINK, '')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export function sameHeadline(a: string, b: string): boolean {
  return headlineKey(a) === headlineKey(b);
}
