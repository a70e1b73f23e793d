/**
 * remark plugin: no HTML in a piece but wirecopy's own marks (`<!--fact:ID-->`,
 * `<!--sourced: Source, YYYY-MM-DD-->`). Raw HTML is how a script, an event handler or a frame
 * would reach the site, the feed and the preview; the site sanitizes it away as well, so it would
 * also be published differently from how it was approved. An editor's note left as a comment
 * is an error too: a browser ends a comment at the first `-->`, and what follows is markup.
 *
 * Text that reads as a tag once its character references or escapes are decoded
 * (`&lt;script&gt;`, `\<iframe>`) is refused as well: the site prints it as text, but it is
 * markup to anything downstream that decodes it once too often (a feed reader, a social post).
 * The same goes for the headline, summary and social posts, which are text wherever they go.
 *
 * Rules: `raw-html`, `html-comment`, `encoded-html` (errors).
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { draftOf, fieldPlace, fieldValue } from './draft-source.ts';
import { isMarker, isSingleComment } from './markers.ts';
import { report } from './messages.ts';
import { fieldName, publishedTextFields } from './text-fields.ts';

export type Options = Record<string, never>;

/** `<` starting a tag, an end tag, a comment, a doctype or a processing instruction. */
const TAG_START = /<[/!?]?[a-z]/i;

const MARKS_HINT =
  'The only HTML a piece may carry are the marks on numbers, <!--fact:ID--> and <!--sourced: Source, YYYY-MM-DD-->.';

export default function remarkRawHtml(_options?: Options) {
  return (tree: Root, file: VFile) => {
    const draft = draftOf(file);
    if (draft.unreadable) return;
    visit(tree, 'html', (node) => {
      if (isMarker(node.value)) return;
      const shown = excerpt(node.value);
      if (isSingleComment(node.value)) {
        report(file, 'error', 'html-comment', `The comment ${shown} is HTML, not part of the piece.`, {
          place: node.position,
          hint: `Delete editorial notes before approving. ${MARKS_HINT}`,
        });
        return;
      }
      report(file, 'error', 'raw-html', `Raw HTML ${shown} is not allowed in a piece.`, {
        place: node.position,
        hint: `Write it in markdown (emphasis, links, lists, tables) instead, or delete it. ${MARKS_HINT}`,
      });
    });
    visit(tree, 'text', (node) => {
      const at = TAG_START.exec(node.value);
      if (!at) return;
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      // Point at the written form of the bracket: `&lt;`, `&#60;`, `&#x3c;` or `\<`.
      const written =
        start === undefined || end === undefined
          ? -1
          : draft.source.text.slice(start, end).search(/&lt;|&#0*60;?|&#x0*3c;?|\\</i);
      const place =
        written >= 0 && start !== undefined
          ? draft.source.position(start + written, start + written + 1)
          : node.position;
      report(
        file,
        'error',
        'encoded-html',
        `The text ${excerpt(node.value.slice(at.index))} reads as an HTML tag once decoded.`,
        {
          place,
          hint: 'Write the words without angle brackets (for example "less than"); quote markup in a `code span` if it must be shown.',
        },
      );
    });
    for (const path of publishedTextFields(draft)) {
      const text = fieldValue(draft, path);
      const at = typeof text === 'string' ? TAG_START.exec(text) : null;
      if (!at || typeof text !== 'string') continue;
      report(
        file,
        'error',
        'raw-html',
        `The ${fieldName(path)} holds ${excerpt(text.slice(at.index))}, which reads as HTML.`,
        {
          place: fieldPlace(draft, path),
          hint: `The ${fieldName(path)} is published as text: write it without angle brackets.`,
        },
      );
    }
  };
}

function excerpt(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
