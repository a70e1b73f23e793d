/**
 * What the site reads from the wirecopy config (same loader as the CLI: defaults < file < env):
 * the publication, the content folder, and whether this is an editors' preview.
 */
import { join, resolve } from 'node:path';
import { loadConfig } from '../../src/config.ts';

const config = loadConfig();

export const publication = config.publication;
/** The lead index, whose latest session judges a draft's freshness in the preview. */
export const leadIndex = config.indexes[0] ?? 'RUT';
export const contentDir = resolve(config.content);
/** Open Graph images from earlier builds, next to Astro's own cache (`WIRECOPY_SITE_CACHE` moves both). */
export const ogCacheDir = join(
  resolve(process.env['WIRECOPY_SITE_CACHE'] ?? 'node_modules/.astro'),
  'wirecopy-og',
);
/** `WIRECOPY_PREVIEW=1`: drafts are loaded and shown with their checks (`wirecopy preview`). */
export const previewMode = process.env['WIRECOPY_PREVIEW'] === '1';
