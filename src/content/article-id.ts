/**
 * A piece's id: `<asOf>-<slug>`, the one name of a piece everywhere. The site files it at
 * `/articles/<id>/`, the newsletter's front matter lists its pieces by it, and review prints the
 * URL an approval will publish. Part of the model, not of the site's rendering.
 */
import type { FrontMatter } from './front-matter.ts';

/** `2025-11-28-small-cap-rally`: the piece's URL segment, `/articles/<id>/`. */
export function articleId(data: Pick<FrontMatter, 'asOf' | 'slug'>): string {
  return `${data.asOf}-${data.slug}`;
}
