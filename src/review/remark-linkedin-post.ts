/**
 * remark plugin: the LinkedIn post (`social.linkedin`) can be sent as it is. The Posts API reads
 * LinkedIn's "little" text format, where `\ | { } @ [ ] ( ) < > # * _ ~` must be escaped or the
 * post is silently cut at the first bare one (see src/drafts/social/linkedin.ts).
 *
 * The draft may hold the post escaped (little format) or plain. Escaped text must escape every
 * reserved character (an editor's bare "(" is the usual slip) and round-trip: escaping its plain
 * text gives it back. Plain text must round-trip through escape and unescape. Either way the
 * escaped form, which is what LinkedIn counts, must fit 3,000 characters.
 *
 * Rules: `linkedin-unescaped`, `linkedin-escape`, `linkedin-too-long` (errors).
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import {
  escapeLinkedIn,
  LINKEDIN_LIMIT,
  unescapedReserved,
  unescapeLinkedIn,
} from '../drafts/social/linkedin.ts';
import { draftOf, fieldPlace, fieldValue } from './draft-source.ts';
import { report } from './messages.ts';

export interface Options {
  limit?: number;
}

const HAS_ESCAPE = /\\[\\|{}@[\]()<>#*_~]/;

export default function remarkLinkedInPost(options: Options = {}) {
  const limit = options.limit ?? LINKEDIN_LIMIT;
  return (_tree: Root, file: VFile) => {
    const draft = draftOf(file);
    const stored = fieldValue(draft, ['social', 'linkedin']);
    if (draft.unreadable || typeof stored !== 'string') return;
    const place = fieldPlace(draft, ['social', 'linkedin']);
    const escaped = HAS_ESCAPE.test(stored);
    if (escaped) {
      const bare = unescapedReserved(stored);
      if (bare.length > 0) {
        const first = bare[0]!;
        const context = stored.slice(Math.max(0, first - 20), first + 20).replace(/\s+/g, ' ');
        report(
          file,
          'error',
          'linkedin-unescaped',
          `The LinkedIn post has ${bare.length} unescaped reserved character(s), first "${stored[first]}" in "…${context}…"; LinkedIn would cut the post there.`,
          {
            place,
            hint: 'Put a backslash before each of \\ | { } @ [ ] ( ) < > # * _ ~ in this field.',
          },
        );
        return;
      }
    }
    const plain = escaped ? unescapeLinkedIn(stored) : stored;
    const exported = escapeLinkedIn(plain);
    const roundTrips = escaped ? exported === stored : unescapeLinkedIn(exported) === stored;
    if (!roundTrips) {
      report(
        file,
        'error',
        'linkedin-escape',
        'The LinkedIn post does not survive escaping: what LinkedIn would show differs from this text.',
        {
          place,
          hint: 'Remove stray backslashes, or write the post as plain text and let the export escape it.',
        },
      );
    }
    if (exported.length > limit) {
      report(
        file,
        'error',
        'linkedin-too-long',
        `The LinkedIn post is ${exported.length} characters escaped; LinkedIn allows ${limit}.`,
        {
          place,
          hint: `Cut ${exported.length - limit} characters (each escaped character counts two).`,
          actual: String(exported.length),
          expected: [String(limit)],
        },
      );
    }
  };
}
