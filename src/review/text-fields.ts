/**
 * The front-matter fields that are published as text (the headline, the summary, the social
 * posts), whose numbers, links and style are checked like the body's. An X thread
 * (`social.xThread`) adds one field per post.
 */
import { type DraftSource, type FieldPath, fieldValue } from './draft-source.ts';

export function socialTextFields(draft: DraftSource): FieldPath[] {
  const thread = fieldValue(draft, ['social', 'xThread']);
  const posts: FieldPath[] = Array.isArray(thread) ? thread.map((_, i) => ['social', 'xThread', i]) : [];
  return [['social', 'x'], ...posts, ['social', 'linkedin'], ['social', 'facebook']];
}

export function publishedTextFields(draft: DraftSource): FieldPath[] {
  return [['title'], ['summary'], ...socialTextFields(draft)];
}

export function fieldName(path: FieldPath): string {
  return path
    .map((segment) => (typeof segment === 'number' ? `[${segment}]` : segment))
    .join('.')
    .replace('.[', '[');
}
