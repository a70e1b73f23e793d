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
import { bodyHasDisclaimer, PRINTS_DISCLAIMER } from '../../src/site/body-disclaimer.ts';
import { SANITIZED_BY, SANITIZER_FINGERPRINT, sanitizeBodyHtml } from '../../src/site/sanitize-body.ts';
import { threadedSanitizer } from '../../src/site/sanitizer-thread.ts';

type GlobOptions = Parameters<typeof glob>[0];
type StoredEntry = Parameters<LoaderContext['store']['set']>[0];

/**
 * `withoutMarkdown`: the disclaimer the site prints when a body does not (the articles). Each
 * piece is then stored with the answer to that question (`PRINTS_DISCLAIMER`) and without its
 * markdown, the one thing the site read it for: a thousand bodies were a fifth of the data store.
 */
export function sanitizedGlob(options: GlobOptions, withoutMarkdown?: { disclaimer: string }): Loader {
  const inner = glob(options);
  return {
    name: 'wirecopy:sanitized-glob',
    load: async (context) => {
      const fingerprint = sanitizerFingerprint(context.config.root, withoutMarkdown?.disclaimer);
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
        const storing = (html: string) => store.set(sanitized(entry, html, fingerprint, withoutMarkdown));
        if (!loading) return storing(sanitizeBodyHtml(entry.rendered.html));
        stored.push(sanitizer.sanitize(entry.rendered.html).then(storing));
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
export function sanitized(
  entry: StoredEntry,
  html: string,
  fingerprint: string,
  withoutMarkdown?: { disclaimer: string },
): StoredEntry {
  const { frontmatter: _unused, ...metadata } = entry.rendered?.metadata ?? {};
  const marks = { ...metadata, [SANITIZED_BY]: fingerprint };
  if (withoutMarkdown === undefined) return { ...entry, rendered: { html, metadata: marks } };
  const prints = bodyHasDisclaimer(entry.body, withoutMarkdown.disclaimer);
  const { body: _markdown, ...kept } = entry;
  return { ...kept, rendered: { html, metadata: { ...marks, [PRINTS_DISCLAIMER]: prints } } };
}

/**
 * The sanitizer's code and schema, how an entry is stored (and the disclaimer it is judged
 * against), and the lockfile when there is one (a new rehype-sanitize).
 */
function sanitizerFingerprint(root: URL, disclaimer = ''): string {
  const lockfile = join(fileURLToPath(root), 'package-lock.json');
  const hash = createHash('sha256')
    .update(SANITIZER_FINGERPRINT)
    .update(sanitized.toString())
    .update(bodyHasDisclaimer.toString())
    .update(disclaimer);
  if (existsSync(lockfile)) hash.update(readFileSync(lockfile));
  return hash.digest('hex');
}
