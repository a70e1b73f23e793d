/**
 * remark plugin: the X post (`social.x`) fits X's limit, counted as X counts it (twitter-text:
 * a link weighs 23 whatever its length, most emoji and CJK characters 2). When the draft holds a
 * thread (`social.xThread`, whose first post is `x`), every post of it is checked too.
 *
 * Rules: `x-too-long`, `x-invalid` (errors).
 */
import type { Root } from 'mdast';
import twitter from 'twitter-text';
import type { VFile } from 'vfile';
import { X_LIMIT } from '../drafts/social/x.ts';
import { draftOf, type FieldPath, fieldPlace, fieldValue } from './draft-source.ts';
import { report } from './messages.ts';

export interface Options {
  /** Weighted characters per post (default 280). */
  limit?: number;
}

export default function remarkXPost(options: Options = {}) {
  const limit = options.limit ?? X_LIMIT;
  return (_tree: Root, file: VFile) => {
    const draft = draftOf(file);
    if (draft.unreadable) return;
    const thread = fieldValue(draft, ['social', 'xThread']);
    const posts: Array<{ path: FieldPath; which: string }> = [{ path: ['social', 'x'], which: 'The X post' }];
    if (Array.isArray(thread)) {
      thread.forEach((_, i) => {
        posts.push({ path: ['social', 'xThread', i], which: `Post ${i + 1} of the X thread` });
      });
    }
    for (const { path, which } of posts) {
      const post = fieldValue(draft, path);
      if (typeof post !== 'string') continue;
      const place = fieldPlace(draft, path);
      const parsed = twitter.parseTweet(post);
      if (parsed.weightedLength > limit) {
        report(
          file,
          'error',
          'x-too-long',
          `${which} is ${parsed.weightedLength} weighted characters; X allows ${limit}.`,
          {
            place,
            hint: `Cut ${parsed.weightedLength - limit} (the link counts 23 whatever its length; most emoji and CJK characters count 2).`,
            actual: String(parsed.weightedLength),
            expected: [String(limit)],
          },
        );
      } else if (!parsed.valid) {
        report(
          file,
          'error',
          'x-invalid',
          `${which} is not a valid post (empty, or with characters X rejects).`,
          { place },
        );
      }
    }
  };
}
