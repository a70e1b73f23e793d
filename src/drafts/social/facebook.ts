/**
 * The Facebook post. Facebook folds a long post behind "See more" after roughly 480 characters,
 * and most readers never open it: the first paragraph (headline and lead number) must sit whole
 * before the fold. Sentences of the lead that would cross it move after it, into the body.
 */
import { sentenceEnds } from '../../language/sentences.ts';

export const FACEBOOK_FOLD = 480;

export interface FacebookPostInput {
  /** The first paragraph: headline and lead number. */
  lead: string;
  /** Further paragraphs, may be empty. */
  body?: string;
  /** The article link with its UTM tags (see `socialLink`). */
  url: string;
  /** Characters shown before "See more". */
  fold?: number;
}

export interface FacebookPost {
  text: string;
  /** Length of the first paragraph as posted, at most `fold`. */
  leadLength: number;
  /** Part of the given lead was moved after the fold to keep the first paragraph before it. */
  leadShortened: boolean;
}

/**
 * Lengths are UTF-16 code units, which count an emoji as two: never less than the characters
 * Facebook shows, so a lead that passes here is before the fold there.
 */
function splitLead(lead: string, fold: number): { first: string; rest: string } {
  if (lead.length <= fold) return { first: lead, rest: '' };
  const end = sentenceEnds(lead)
    .reverse()
    .find((offset) => lead.slice(0, offset).trimEnd().length <= fold);
  if (end !== undefined) return { first: lead.slice(0, end).trimEnd(), rest: lead.slice(end).trim() };
  // The first sentence alone crosses the fold: cut it at the last word that fits and mark both
  // sides of the cut, so the reader sees that it goes on.
  const space = lead.lastIndexOf(' ', fold - 1);
  let at = space > 0 ? space : fold - 1;
  if (/[\uDC00-\uDFFF]/.test(lead[at] ?? '')) at--; // never between the halves of a surrogate pair
  return { first: `${lead.slice(0, at).trimEnd()}…`, rest: `…${lead.slice(at).trim()}` };
}

export function buildFacebookPost(input: FacebookPostInput): FacebookPost {
  const fold = input.fold ?? FACEBOOK_FOLD;
  const { first, rest } = splitLead(input.lead.trim().replace(/\s*\n\s*/g, ' '), fold);
  const text = [first, rest, (input.body ?? '').trim(), input.url].filter((part) => part !== '').join('\n\n');
  return { text, leadLength: first.length, leadShortened: rest !== '' };
}
