/**
 * Writes a review's outcome into a draft's front matter (`status`, `review`) and changes nothing
 * else: the YAML is edited as a document, so the editor's formatting, quoting and comments, and
 * the body byte for byte, stay as they were.
 */
import { type Document, isScalar, parseDocument, Scalar } from 'yaml';
import { findFrontMatter } from './draft-source.ts';

export interface ReviewRecord {
  by: string;
  /** ISO timestamp. */
  at: string;
  checks?: string;
  reason?: string;
  dataHash?: string;
}

export function withReview(text: string, status: 'published' | 'rejected', review: ReviewRecord): string {
  return editFrontMatter(text, 'withReview', (document) => {
    document.set('status', status);
    document.set('review', reviewNode(document, review));
  });
}

/**
 * Sets `revisions:`, the reviews of the versions a piece replaced (`approve --replace`), oldest
 * first, so the article keeps the record of what was published under its URL before. Only that
 * field changes, as in `withReview`.
 */
export function withRevisions(text: string, revisions: readonly ReviewRecord[]): string {
  return editFrontMatter(text, 'withRevisions', (document) => {
    document.set('revisions', document.createNode(revisions.map((r) => reviewNode(document, r))));
  });
}

function editFrontMatter(text: string, caller: string, edit: (document: Document) => void): string {
  const block = findFrontMatter(text);
  if (!block) throw new Error(`${caller}: the text has no front matter (check it first)`);
  const document = parseDocument(text.slice(block.yamlStart, block.yamlEnd), { customTags: ['timestamp'] });
  if (document.errors.length > 0)
    throw new Error(`${caller}: the front matter is not valid YAML (check it first)`);
  edit(document);
  const yaml = document.toString({ lineWidth: 0 });
  return `${text.slice(0, block.yamlStart)}${yaml.endsWith('\n') ? yaml : `${yaml}\n`}${text.slice(block.yamlEnd)}`;
}

function reviewNode(document: Document, review: ReviewRecord) {
  const node = document.createNode(
    Object.fromEntries(Object.entries(review).filter(([, v]) => v !== undefined)),
  );
  // Quoted, so no YAML reader takes the timestamp for a date or the hash for anything but text.
  for (const pair of node.items) {
    if (isScalar(pair.value) && typeof pair.value.value === 'string') pair.value.type = Scalar.QUOTE_SINGLE;
  }
  return node;
}
