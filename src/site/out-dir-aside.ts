/**
 * A rebuild starts from an empty `dist/`: Astro deletes the last build's files one by one before
 * it starts (3,000 files for 1,000 pieces: pages, Open Graph images, the search index), seconds
 * on the build's critical path. This integration renames the old folder aside as the build
 * starts, which is instant, and deletes it while the build runs; the build waits for the
 * deletion before it ends, so nothing is left behind. Where a rename cannot work (the folder is
 * a mount point, or holds a `.git` Astro would keep) Astro empties it as before. A folder left by
 * a build that was killed is deleted by the next one.
 */
import { existsSync, readdirSync, renameSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

const ASIDE = (outDir: string) => `.${basename(outDir)}-previous-build-`;

export default function outDirAside(): AstroIntegration {
  let building = false;
  let outDir: string | undefined;
  let removals: Promise<void>[] = [];
  return {
    name: 'wirecopy:out-dir-aside',
    hooks: {
      'astro:config:setup': ({ command }) => {
        building = command === 'build';
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir).replace(/\/$/, '');
      },
      'astro:build:start': () => {
        if (!building || outDir === undefined) return;
        const parent = dirname(outDir);
        const prefix = ASIDE(outDir);
        const leftovers = existsSync(parent) ? readdirSync(parent).filter((f) => f.startsWith(prefix)) : [];
        const aside = join(parent, `${prefix}${process.pid}-${Date.now()}`);
        if (existsSync(outDir) && !existsSync(join(outDir, '.git'))) {
          try {
            renameSync(outDir, aside);
            leftovers.push(basename(aside));
          } catch {
            // A mount point, or no right to rename: Astro empties the folder in place.
          }
        }
        removals = leftovers.map((name) => rm(join(parent, name), { recursive: true, force: true }));
      },
      'astro:build:done': async () => {
        await Promise.all(removals);
      },
    },
  };
}
