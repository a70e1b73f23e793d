// @ts-check
/**
 * The wirecopy site: Astro with `site/` as its source folder, articles from `content/articles`
 * (env WIRECOPY_CONTENT moves the content folder), drafts too when WIRECOPY_PREVIEW=1.
 * Canonical URLs, the sitemap and the feed use `publication.siteUrl` from the wirecopy config.
 */
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { loadConfig } from './src/config.ts';
import pagefind from './src/site/pagefind-integration.ts';

const { publication } = loadConfig();
const preview = process.env.WIRECOPY_PREVIEW === '1';

export default defineConfig({
  srcDir: './site',
  site: publication.siteUrl,
  trailingSlash: 'always',
  // Separate caches let a test, a bench and an editor's build run side by side.
  ...(process.env.WIRECOPY_SITE_CACHE ? { cacheDir: process.env.WIRECOPY_SITE_CACHE } : {}),
  devToolbar: { enabled: false },
  vite: {
    // Astro needs cookie 2 (nested under node_modules/astro); left external, the prerender
    // bundle would import the hoisted cookie 0.7 that yahoo-finance2's express brings. Bundling it
    // resolves it from Astro's own folder.
    environments: { prerender: { resolve: { noExternal: ['cookie'] } } },
  },
  integrations: [
    sitemap({ filter: (page) => !/\/(search|drafts)\//.test(new URL(page).pathname) }),
    // A preview is for editors and is served by the dev server: no search index to build.
    ...(preview ? [] : [pagefind()]),
  ],
});
