/**
 * The stored Open Graph images into the built site. `approve` keeps each piece's image beside it
 * (`content/articles/<id>.og.png`, see og-file.ts); sent through an Astro endpoint, each of a
 * thousand of them was read into a Response, buffered and written again by the page generator,
 * and then deleted by the next build. Here each is linked into `dist/og/<id>.png` once the pages
 * are written (a hard link: no bytes copied, and the next build's emptying of dist/ frees none),
 * or copied where the two folders are on different disks. Only pieces the build published get
 * one: the image goes where an article page went. The endpoint (site/pages/og/[id].png.ts) draws
 * only what is not stored, and serves every image in the dev server, where this hook never runs.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Where a piece with URL id `id` keeps its image, if it has one: what the endpoint leaves out. */
export function storedOgImagePath(articlesDir: string, id: string): string {
  return join(articlesDir, `${id}.og.png`);
}

export default function storedOgImages(articlesDir: string): AstroIntegration {
  return {
    name: 'wirecopy:og-images',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const pages = join(out, 'articles');
        const og = join(out, 'og');
        let placed = 0;
        for (const id of existsSync(pages) ? readdirSync(pages) : []) {
          const stored = storedOgImagePath(articlesDir, id);
          const target = join(og, `${id}.png`);
          if (!existsSync(stored) || existsSync(target)) continue;
          mkdirSync(og, { recursive: true });
          try {
            linkSync(stored, target);
          } catch {
            copyFileSync(stored, target); // another disk (EXDEV), or links not allowed
          }
          placed++;
        }
        logger.info(`${placed} stored Open Graph images placed in og/.`);
      },
    },
  };
}
