/**
 * remark plugin: no raw HTML in the body but the fact and source marks. The site strips HTML
 * from articles, so anything else would be published differently from how it was approved. An
 * HTML comment is only a warning: stripping it loses nothing a reader would see, but it is
 * usually an editor's note left behind.
 *
 * Rules: `raw-html` (error), `html-comment` (warning).
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { draftOf } from './draft-source.ts';
import { isMarker } from './markers.ts';
import { report } from './messages.ts';

export type Options = Record<string, never>;

export default function remarkRawHtml(_options?: Options) {
  return (tree: Root, file: VFile) => {
    if (draftOf(file).unreadable) return;
    visit(tree, 'html', (node) => {
      if (isMarker(node.value)) return;
      const shown = node.value.length > 60 ? `${node.value.slice(0, 57)}...` : node.value;
      if (node.value.trimStart().startsWith('<!--')) {
        report(file, 'warning', 'html-comment', `The comment ${shown} will be stripped from the article.`, {
          place: node.position,
          hint: 'Delete editorial notes before approving; marks on numbers are <!--fact:ID--> and <!--sourced: Source, YYYY-MM-DD-->.',
        });
        return;
      }
      report(file, 'error', 'raw-html', `Raw HTML ${shown} will be stripped from the article.`, {
        place: node.position,
        hint: 'Write it in markdown (emphasis, links, lists, tables) instead.',
      });
    });
  };
}
