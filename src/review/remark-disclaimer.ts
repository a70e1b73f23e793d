/**
 * remark plugin: the publication's disclaimer (config `publication.disclaimer`) is in the body,
 * word for word. Formatting around it (italics, line breaks) does not matter.
 *
 * Rule: `disclaimer-missing` (error).
 */
import type { Root } from 'mdast';
import { toString as textOf } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { draftOf } from './draft-source.ts';
import { report } from './messages.ts';

export interface Options {
  disclaimer: string;
}

export default function remarkDisclaimer(options: Options) {
  const wanted = normalize(options.disclaimer);
  return (tree: Root, file: VFile) => {
    const draft = draftOf(file);
    if (draft.unreadable || wanted === '') return;
    const paragraphs: string[] = [];
    visit(tree, 'paragraph', (node) => {
      paragraphs.push(textOf(node));
    });
    if (normalize(paragraphs.join(' ')).includes(wanted)) return;
    report(file, 'error', 'disclaimer-missing', 'The disclaimer is missing or was changed.', {
      place: draft.source.end(),
      hint: `End the piece with the disclaimer exactly as configured (publication.disclaimer): "${options.disclaimer}"`,
      expected: [options.disclaimer],
    });
  };
}

/** Whitespace and typographic quotes vary with editing tools; the words may not. */
function normalize(text: string): string {
  return text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();
}
