/**
 * The desk's browser code: bundled by esbuild, reused on the next start while no input changed,
 * bundled again once one did (its size or modification time).
 */
import { statSync, utimesSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { bundleDesk } from '../../src/desk/bundle.ts';

const STYLES = fileURLToPath(new URL('../../src/desk/ui/desk.css', import.meta.url));

it('reuses the last bundle until one of its inputs changes', async () => {
  const fresh = await bundleDesk({ cache: false });
  expect(fresh.cached).toBe(false);
  // The editor's own code is in it: the lint source names the check's endpoint.
  expect(fresh.js).toContain('/api/check');
  expect(fresh.css).toContain('.cm-mark-chip');
  const reused = await bundleDesk();
  expect(reused).toEqual({ ...fresh, cached: true });

  const { atime, mtime } = statSync(STYLES);
  try {
    utimesSync(STYLES, atime, new Date(mtime.getTime() + 1000));
    expect((await bundleDesk()).cached).toBe(false);
  } finally {
    utimesSync(STYLES, atime, mtime);
  }
});
