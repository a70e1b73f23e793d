/**
 * The site's public address. The default `publication.siteUrl` is a placeholder: every canonical
 * link, og:url, feed and sitemap entry would point at it, so a build for publication refuses it.
 * The editors' preview (`WIRECOPY_PREVIEW=1`) and a demo build (`WIRECOPY_SITE_DEMO=1`) may use
 * it, and every page then says so.
 */
import { Errors, WirecopyError } from '../errors.ts';

export const PLACEHOLDER_SITE_URL = 'https://www.example.com';

/** `example.com`, `.net`, `.org` and their subdomains are reserved for documentation (RFC 2606). */
export function isPlaceholderAddress(siteUrl: string): boolean {
  const host = new URL(siteUrl).hostname.toLowerCase();
  return /(^|\.)example\.(com|net|org)$/.test(host);
}

export type SiteBuildMode = 'publication' | 'preview' | 'demo';

export function siteBuildMode(env: NodeJS.ProcessEnv = process.env): SiteBuildMode {
  if (env['WIRECOPY_PREVIEW'] === '1') return 'preview';
  if (env['WIRECOPY_SITE_DEMO'] === '1') return 'demo';
  return 'publication';
}

/**
 * Throws for a publication build at a placeholder address, naming the config field and where it
 * was read from; returns whether the pages must carry the placeholder label.
 */
export function checkSiteAddress(
  siteUrl: string,
  mode: SiteBuildMode,
  configFile: string | undefined,
): { placeholder: boolean } {
  const placeholder = isPlaceholderAddress(siteUrl);
  if (placeholder && mode === 'publication') {
    const where = configFile ? `in ${configFile}` : 'in wirecopy.config.json (none found: it is the default)';
    throw new WirecopyError(
      Errors.ConfigInvalid,
      `publication.siteUrl is the placeholder ${siteUrl}: a site built for publication would link every canonical URL, feed item and sitemap entry there.`,
      {
        hint: `Set publication.siteUrl ${where} to the address readers will use (e.g. "https://news.yourpaper.com"), or build a labelled demo with WIRECOPY_SITE_DEMO=1.`,
      },
    );
  }
  return { placeholder };
}
