/**
 * The two build steps wirecopy adds to Astro's for speed (issue 14 item 3): the last dist/ set
 * aside and deleted while the build runs, and the stored Open Graph images linked into og/.
 * Their hooks are called as Astro calls them, on folders made here.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import storedOgImages from '../../src/site/og-integration.ts';
import outDirAside from '../../src/site/out-dir-aside.ts';

type Hooks = Record<string, (params: unknown) => unknown>;
const hooksOf = (integration: { hooks: unknown }) => integration.hooks as Hooks;
const logger = { info: () => undefined };

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'wirecopy-build-steps-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the last dist/ set aside', () => {
  const start = (command: string, outDir: string) => {
    const hooks = hooksOf(outDirAside());
    hooks['astro:config:setup']!({ command });
    hooks['astro:config:done']!({ config: { outDir: pathToFileURL(`${outDir}/`) } });
    hooks['astro:build:start']!({});
    return hooks;
  };

  it('is renamed away as the build starts and deleted by the time it ends, with a leftover of a killed build', async () => {
    const dist = join(root, 'dist');
    mkdirSync(join(dist, 'articles', 'a'), { recursive: true });
    writeFileSync(join(dist, 'articles', 'a', 'index.html'), 'old page');
    mkdirSync(join(root, '.dist-previous-build-1-2', 'og'), { recursive: true });
    const hooks = start('build', dist);
    // Astro now finds no dist/ to empty: the build writes into a fresh one.
    expect(existsSync(dist)).toBe(false);
    await hooks['astro:build:done']!({});
    expect(readdirSync(root)).toEqual([]);
  });

  it('stays in place (Astro empties it) when it holds a .git, and for the dev server', async () => {
    const dist = join(root, 'dist');
    mkdirSync(join(dist, '.git'), { recursive: true });
    await start('build', dist)['astro:build:done']!({});
    expect(readdirSync(root)).toEqual(['dist']);
    rmSync(join(dist, '.git'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), 'page');
    await start('dev', dist)['astro:build:done']!({});
    expect(readdirSync(dist)).toEqual(['index.html']);
  });
});

describe('the stored Open Graph images', () => {
  it('are linked into og/ for each page the build wrote, and only those', async () => {
    const articles = join(root, 'content', 'articles');
    const dist = join(root, 'dist');
    mkdirSync(articles, { recursive: true });
    writeFileSync(join(articles, '2025-11-28-daily-wrap.og.png'), 'png bytes');
    writeFileSync(join(articles, '2025-11-27-unpublished.og.png'), 'not published');
    mkdirSync(join(dist, 'articles', '2025-11-28-daily-wrap'), { recursive: true });
    mkdirSync(join(dist, 'articles', '2025-11-26-no-image'), { recursive: true });
    await hooksOf(storedOgImages(articles))['astro:build:done']!({ dir: pathToFileURL(`${dist}/`), logger });
    expect(readdirSync(join(dist, 'og'))).toEqual(['2025-11-28-daily-wrap.png']);
    const placed = join(dist, 'og', '2025-11-28-daily-wrap.png');
    expect(readFileSync(placed, 'utf8')).toBe('png bytes');
    // A hard link (same disk): no bytes copied, and emptying dist/ later frees none.
    expect(statSync(placed).nlink).toBe(2);
  });
});
