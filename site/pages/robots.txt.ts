/**
 * `/robots.txt`: everything may be crawled but the search results page (no content of its own);
 * the sitemap by its full address, as the format requires. A preview or demo build asks
 * crawlers to keep out entirely: its address is not the publication's.
 */
import type { APIContext } from 'astro';
import { siteLabel } from '../lib/site-config.ts';

export function GET(context: APIContext) {
  const sitemap = new URL('/sitemap-index.xml', context.site).href;
  const rules = siteLabel ? ['User-agent: *', 'Disallow: /'] : ['User-agent: *', 'Disallow: /search/'];
  return new Response(`${rules.join('\n')}\n\nSitemap: ${sitemap}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
}
