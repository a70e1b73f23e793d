/**
 * The site's collections. Articles are validated with the same zod schema as the review step, so
 * a piece the site would reject can never be approved, and a bad file fails the build naming the
 * file and the field. Which pieces are shown (only `status: published`) is decided in
 * `lib/articles.ts`, so an unpublished file in articles/ is still validated. Every body is
 * sanitized as it enters the content layer (`lib/sanitized-glob.ts`), once per change of its file.
 */

import { defineCollection } from 'astro:content';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { frontMatterSchema, shownFrontMatter } from '../src/content/front-matter.ts';
import { newsletterFrontMatterSchema } from '../src/content/newsletter-front-matter.ts';
import { sanitizedGlob } from './lib/sanitized-glob.ts';
import { contentDir, previewMode, publication } from './lib/site-config.ts';

/**
 * Ids are file paths: the glob loader's default id is the front matter's `slug`, which every
 * day's `daily-wrap` shares, so pieces would overwrite each other.
 */
const byFilePath = ({ entry }: { entry: string }) => entry.replace(/\.md$/, '');

/** A folder that may not exist yet: no loader warning, and no entries, until it does. */
function optionalFolder(base: string) {
  return existsSync(base) ? sanitizedGlob({ pattern: '*.md', base, generateId: byFilePath }) : () => [];
}

const articles = defineCollection({
  loader: sanitizedGlob(
    { pattern: '**/*.md', base: join(contentDir, 'articles'), generateId: byFilePath },
    { disclaimer: publication.disclaimer },
  ),
  schema: frontMatterSchema.transform(shownFrontMatter),
});

/**
 * Drafts, in the preview only. No schema here: a draft with bad front matter must still show in
 * the preview, with the validation messages next to it, rather than stop the editor's server.
 */
const drafts = defineCollection({
  loader: previewMode ? optionalFolder(join(contentDir, 'drafts')) : () => [],
});

/** Newsletters appear once the newsletter export has written an issue. */
const newsletters = defineCollection({
  loader: optionalFolder(join(contentDir, 'newsletters')),
  schema: newsletterFrontMatterSchema,
});

/**
 * The About page's text, `content/about.md` (written by the desk; the page adds the facts the
 * config holds). No file: the page says what the config says, and no more.
 */
const pages = defineCollection({
  loader: existsSync(join(contentDir, 'about.md'))
    ? sanitizedGlob({ pattern: 'about.md', base: contentDir, generateId: byFilePath })
    : () => [],
});

export const collections = { articles, drafts, newsletters, pages };
