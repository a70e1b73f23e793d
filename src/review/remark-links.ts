/**
 * remark plugin: every link and image in the body, and every URL in the social posts, is
 * absolute https and well formed (`url-check.ts`).
 *
 * Rules: `link-not-absolute`, `link-not-https`, `link-malformed` (errors).
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { draftOf, type FieldPath, fieldValue, scalarRange } from './draft-source.ts';
import { report } from './messages.ts';
import { locateInOrder } from './source-text.ts';
import { fieldName, socialTextFields } from './text-fields.ts';
import { URL_HINT, urlProblem } from './url-check.ts';

export interface Options {
  /** Front-matter text fields whose URLs are checked too (default: `socialTextFields`). */
  fields?: FieldPath[];
}

// A URL in plain text ends at whitespace; closing punctuation belongs to the sentence.
const TEXT_URL = /\b[a-z][a-z0-9+.-]*:\/\/[^\s<>]*[^\s<>.,;:!?'")\]]/gi;

export default function remarkLinks(options: Options = {}) {
  return (tree: Root, file: VFile) => {
    const draft = draftOf(file);
    if (draft.unreadable) return;
    const fields = options.fields ?? socialTextFields(draft);
    visit(tree, (node) => {
      if (node.type !== 'link' && node.type !== 'image' && node.type !== 'definition') return;
      const problem = urlProblem(node.url);
      if (problem)
        report(file, 'error', problem.rule, problem.reason, { place: node.position, hint: URL_HINT });
    });
    for (const path of fields) {
      const text = fieldValue(draft, path);
      const range = scalarRange(draft, path);
      if (typeof text !== 'string' || !range) continue;
      const urls = [...text.matchAll(TEXT_URL)].map((m) => m[0]);
      const offsets = locateInOrder(draft.source.text, range[0], range[1], urls);
      urls.forEach((url, i) => {
        const problem = urlProblem(url);
        if (!problem) return;
        const at = offsets[i]!;
        report(file, 'error', problem.rule, `${problem.reason.slice(0, -1)} (in ${fieldName(path)}).`, {
          place: draft.source.position(at, at + url.length),
          hint: URL_HINT,
        });
      });
    }
  };
}
