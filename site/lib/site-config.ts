/**
 * What the site reads from the wirecopy config (same loader as the CLI: defaults < file < env):
 * the publication, the content folder, and whether this is an editors' preview or a demo build.
 */
import { join, resolve } from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { isPlaceholderAddress, siteBuildMode } from '../../src/site/site-address.ts';

const config = loadConfig();

export const publication = config.publication;
/** The lead index, whose latest session judges a draft's freshness in the preview. */
export const leadIndex = config.indexes[0] ?? 'RUT';
/** The configured indexes, whose facts the methodology page lists under one name each. */
export const indexes: readonly string[] = config.indexes;
export const contentDir = resolve(config.content);
/** Open Graph images from earlier builds, next to Astro's own cache (`WIRECOPY_SITE_CACHE` moves both). */
export const ogCacheDir = join(
  resolve(process.env['WIRECOPY_SITE_CACHE'] ?? 'node_modules/.astro'),
  'wirecopy-og',
);
export const buildMode = siteBuildMode();
/** `WIRECOPY_PREVIEW=1`: drafts are loaded and shown with their checks (`wirecopy preview`). */
export const previewMode = buildMode === 'preview';
/**
 * The strip a preview or a demo build at the placeholder address carries on every page (a
 * publication build at that address is refused in astro.config.mjs); undefined on the real site.
 */
export const siteLabel: string | undefined =
  buildMode === 'publication'
    ? undefined
    : buildMode === 'preview'
      ? "Editors' preview: drafts included. This is not the published site."
      : isPlaceholderAddress(publication.siteUrl)
        ? `Demo build at the placeholder address ${publication.siteUrl}: not the published site. Set publication.siteUrl to publish.`
        : 'Demo build: not the published site.';
