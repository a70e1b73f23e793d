// @ts-check
/**
 * The wirecopy site: Astro with `site/` as its source folder, articles from `content/articles`
 * (env WIRECOPY_CONTENT moves the content folder), drafts too when WIRECOPY_PREVIEW=1.
 * Canonical URLs, the sitemap and the feed use `publication.siteUrl` from the wirecopy config.
 */

import { resolve } from 'node:path';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { loadConfig } from './src/config.ts';
import { discoverConfigFile } from './src/config-file.ts';
import storedOgImages from './src/site/og-integration.ts';
import outDirAside from './src/site/out-dir-aside.ts';
import pagefind from './src/site/pagefind-integration.ts';
import previewRoutes from './src/site/preview-routes.ts';
import { checkSiteAddress, siteBuildMode } from './src/site/site-address.ts';
import { sitemapLastModified } from './src/site/sitemap-dates.ts';

const config = loadConfig();
const { publication } = config;
const mode = siteBuildMode();
const preview = mode === 'preview';
const configFile = process.env.WIRECOPY_CONFIG
  ? resolve(process.env.WIRECOPY_CONFIG)
  : discoverConfigFile(process.cwd());
// Only a build publishes: `astro check` (CI's site:check) and `astro sync` type-check the site,
// `astro preview` serves a build already made, and none of them may be refused for the address.
const astroCommand = process.argv.slice(2).find((arg) => !arg.startsWith('-'));
const publishes = !['check', 'sync', 'preview'].includes(astroCommand ?? '');
try {
  if (publishes) checkSiteAddress(publication.siteUrl, mode, configFile);
} catch (error) {
  // Astro prints only the message: the hint (where to set the field) goes into it.
  const hint = error && typeof error === 'object' && 'hint' in error ? ` ${error.hint}` : '';
  throw new Error(`${error instanceof Error ? error.message : String(error)}${hint}`);
}
const sitemapDates = sitemapLastModified(resolve(config.content, 'articles'), publication.siteUrl);

export default defineConfig({
  srcDir: './site',
  site: publication.siteUrl,
  trailingSlash: 'always',
  // Two pages at a time: one renders while the other's file is written. One at a time, the
  // page generator waited on the disk for about a third of its time (cpuprofile, 1,000 pieces).
  build: { concurrency: 2 },
  // Separate caches let a test, a bench and an editor's build run side by side.
  ...(process.env.WIRECOPY_SITE_CACHE ? { cacheDir: process.env.WIRECOPY_SITE_CACHE } : {}),
  devToolbar: { enabled: false },
  vite: {
    // A constant, not the env read at run time: a build drops the preview's code (the home
    // page's draft list and its review checks) instead of bundling it unused.
    define: { 'import.meta.env.WIRECOPY_PREVIEW': JSON.stringify(preview) },
    // Astro needs cookie 2 (nested under node_modules/astro); left external, the prerender
    // bundle would import the hoisted cookie 0.7 that yahoo-finance2's express brings. Bundling it
    // resolves it from Astro's own folder.
    environments: { prerender: { resolve: { noExternal: ['cookie'] } } },
  },
  integrations: [
    outDirAside(),
    {
      name: 'wirecopy:sitemap-dates',
      hooks: {
        'astro:config:setup': ({ command }) => {
          if (command === 'build') sitemapDates.read();
        },
      },
    },
    sitemap({
      filter: (page) => !/\/(search|drafts)\//.test(new URL(page).pathname),
      // An article's lastmod is its latest review; listing pages change with their newest piece.
      serialize: async (item) => {
        const lastmod = await sitemapDates.lastmod(item.url);
        return lastmod ? { ...item, lastmod } : item;
      },
    }),
    storedOgImages(resolve(config.content, 'articles')),
    // A preview is for editors and is served by the dev server: its draft pages, no search index.
    ...(preview ? [previewRoutes()] : [pagefind()]),
  ],
});
