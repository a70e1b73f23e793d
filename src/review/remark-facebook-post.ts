/**
 * remark plugin: the Facebook post (`social.facebook`) shows its lead before the fold. Facebook
 * hides a long post behind "See more" after about 480 characters, and most readers never open
 * it: the first paragraph (headline and lead number) must fit before it, and the lead fact's
 * number must appear there.
 *
 * Rule: `facebook-lead-late` (warning: the post still works, it just hides its point).
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { FACEBOOK_FOLD } from '../drafts/social/facebook.ts';
import { draftOf, fieldPlace, fieldValue } from './draft-source.ts';
import { report } from './messages.ts';

export interface Options {
  /** Characters shown before "See more" (default 480). */
  fold?: number;
}

export default function remarkFacebookPost(options: Options = {}) {
  const fold = options.fold ?? FACEBOOK_FOLD;
  return (_tree: Root, file: VFile) => {
    const draft = draftOf(file);
    const text = fieldValue(draft, ['social', 'facebook']);
    if (draft.unreadable || typeof text !== 'string') return;
    const place = fieldPlace(draft, ['social', 'facebook']);
    const firstParagraph = text.trim().split(/\n[^\S\n]*\n/)[0]!;
    if (firstParagraph.length > fold) {
      report(
        file,
        'warning',
        'facebook-lead-late',
        `The Facebook post's first paragraph is ${firstParagraph.length} characters; Facebook folds after about ${fold}.`,
        {
          place,
          hint: 'Move detail after the first paragraph so the headline and lead number sit before "See more".',
        },
      );
      return;
    }
    const leadNumber = leadDisplay(draft);
    if (leadNumber && !text.slice(0, fold).includes(leadNumber)) {
      report(
        file,
        'warning',
        'facebook-lead-late',
        `The lead number ${leadNumber} is not in the first ${fold} characters of the Facebook post.`,
        {
          place,
          hint: 'Open the post with the headline and the lead number.',
        },
      );
    }
  };
}

/** The lead fact as copy prints it (its magnitude), when the lead is a number. */
function leadDisplay(draft: ReturnType<typeof draftOf>): string | undefined {
  const lead = fieldValue(draft, ['angles', 'lead']);
  if (typeof lead !== 'string') return undefined;
  const fact = fieldValue(draft, ['facts', lead]) as { value?: unknown; display?: unknown } | undefined;
  if (typeof fact?.value !== 'number' || typeof fact.display !== 'string') return undefined;
  return fact.display.replace(/^[-−]/, '');
}
