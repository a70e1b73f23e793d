/**
 * Indexes the built site with Pagefind once Astro has written it, so `astro build` alone gives a
 * searchable site. Only elements marked `data-pagefind-body` (the article text) are indexed.
 * The index and its small JS API land in `<outDir>/pagefind/`; the search page loads them when
 * a reader searches, and no other page references them.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'wirecopy:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const started = performance.now();
        try {
          const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
          if (!index) throw new Error(errors.join('; '));
          // Only article pages carry `data-pagefind-body`, and Pagefind indexes no other page
          // once one does: reading the listings, tags and archive too (a sixth of the pages)
          // changed nothing in the index but its time.
          const indexed = await index.addDirectory({ path: site, glob: 'articles/**/*.html' });
          if (indexed.errors.length > 0) throw new Error(indexed.errors.join('; '));
          const written = await index.writeFiles({ outputPath: `${site.replace(/\/$/, '')}/pagefind` });
          if (written.errors.length > 0) throw new Error(written.errors.join('; '));
          // bench/site.ts reads this line to report the indexing apart from Astro's own build.
          logger.info(
            `Pagefind indexed ${indexed.page_count} pages in ${Math.round(performance.now() - started)} ms.`,
          );
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
