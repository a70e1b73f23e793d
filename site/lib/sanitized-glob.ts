/**
 * Astro's glob loader, with each body sanitized (src/site/sanitize-body.ts) as it enters the
 * content layer. The data store keeps an entry's rendered HTML between builds and renders only
 * the files that changed: sanitized here, a piece is sanitized once when it is written, not on
 * every build (on a thousand pieces, about 0.7 s of each build's pages). An entry says so in its
 * metadata (`SANITIZED_BY`), and `bodyHtml` sanitizes any body that does not. The bodies of a
 * load are sanitized on a second thread (src/site/sanitizer-thread.ts).
 *
 * The store outlives code changes (Astro clears it only for a new Astro or config): when the
 * sanitizer or the installed packages differ from the ones that filled it, it is emptied and
 * every piece is rendered and sanitized afresh.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { SANITIZED_BY, SANITIZER_FINGERPRINT, sanitizeBodyHtml } from '../../src/site/sanitize-body.ts';
import { threadedSanitizer } from '../../src/site/sanitizer-thread.ts';

type GlobOptions = Parameters<typeof glob>[0];
type StoredEntry = Parameters<LoaderContext['store']['set']>[0];

export function sanitizedGlob(options: GlobOptions): Loader {
  const inner = glob(options);
  return {
    name: 'wirecopy:sanitized-glob',
    load: async (context) => {
      const fingerprint = sanitizerFingerprint(context.config.root);
      if (context.meta.get(SANITIZED_BY) !== fingerprint) {
        context.store.clear();
        context.meta.set(SANITIZED_BY, fingerprint);
      }
      const { store } = context;
      // During the load a body is sanitized on a second thread and stored once sanitized, never
      // before (a second `set` of the same file would be ignored, its digest unchanged); the load
      // ends when every body it read is stored. A file the dev server sees change afterwards is
      // sanitized on the spot.
      const sanitizer = threadedSanitizer();
      const stored: Promise<boolean>[] = [];
      let loading = true;
      const set = (entry: StoredEntry): boolean => {
        if (!entry.rendered) return store.set(entry);
        if (!loading) return store.set(sanitized(entry, sanitizeBodyHtml(entry.rendered.html), fingerprint));
        const html = sanitizer.sanitize(entry.rendered.html);
        stored.push(html.then((safe) => store.set(sanitized(entry, safe, fingerprint))));
        return true;
      };
      try {
        await inner.load({ ...context, store: { ...store, set } });
        await Promise.all(stored);
      } finally {
        loading = false;
        await sanitizer.close();
      }
    },
  };
}

/**
 * The entry as stored: its HTML sanitized and marked so. Astro's render metadata also carries a
 * second copy of the raw front matter, for `render()`'s `remarkPluginFrontmatter`; the site never
 * calls `render()` (pages print `rendered.html` through bodyHtml), so the copy is left out: a
 * thousand front matters held twice were 40% of the data store, which every build writes and every
 * page generation loads.
 */
export function sanitized(entry: StoredEntry, html: string, fingerprint: string): StoredEntry {
  const { frontmatter: _unused, ...metadata } = entry.rendered?.metadata ?? {};
  return { ...entry, rendered: { html, metadata: { ...metadata, [SANITIZED_BY]: fingerprint } } };
}

/**
 * The sanitizer's code and schema, how an entry is stored, and the lockfile when there is one (a
 * new rehype-sanitize).
 */
function sanitizerFingerprint(root: URL): string {
  const lockfile = join(fileURLToPath(root), 'package-lock.json');
  const hash = createHash('sha256').update(SANITIZER_FINGERPRINT).update(sanitized.toString());
  if (existsSync(lockfile)) hash.update(readFileSync(lockfile));
  return hash.digest('hex');
}
