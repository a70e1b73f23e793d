/**
 * The desk's browser code (src/desk/ui), bundled with esbuild when the desk starts: nothing
 * generated is committed, and the bundle is what the checked-out sources say. The last bundle is
 * kept in the system's temp folder with the size and modification time of every file it was
 * built from; while none of them changed, the desk starts without bundling again.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { writeFileAtomic } from '../io/atomic-write.ts';

// The browser code is bundled from its sources, which the package ships (src/): tsc does not emit
// src/desk/ui, so from dist/desk/bundle.js a path beside this file would not exist. Both this
// file and its built copy sit two folders below the package root.
const ENTRY = fileURLToPath(new URL('../../src/desk/ui/main.ts', import.meta.url));
const STYLES = fileURLToPath(new URL('../../src/desk/ui/desk.css', import.meta.url));
/** One cache per checkout (two worktrees never share one). */
const CACHE = join(
  tmpdir(),
  `wirecopy-desk-bundle-${createHash('sha256').update(ENTRY).digest('hex').slice(0, 12)}.json`,
);

export interface Bundle {
  js: string;
  css: string;
  /** Whether this start reused the bundle of an earlier one. */
  cached: boolean;
}

interface CachedBundle {
  js: string;
  css: string;
  /** Absolute path → "size:mtimeMs" of every input. */
  inputs: Record<string, string>;
}

const stamp = (path: string): string | undefined => {
  try {
    const s = statSync(path);
    return `${s.size}:${s.mtimeMs}`;
  } catch {
    return undefined;
  }
};

function cached(): Bundle | undefined {
  try {
    const entry = JSON.parse(readFileSync(CACHE, 'utf8')) as CachedBundle;
    const inputs = Object.entries(entry.inputs);
    if (inputs.length === 0 || inputs.some(([path, was]) => stamp(path) !== was)) return undefined;
    return { js: entry.js, css: entry.css, cached: true };
  } catch {
    return undefined;
  }
}

export async function bundleDesk(options: { cache?: boolean } = {}): Promise<Bundle> {
  if (options.cache !== false) {
    const reused = cached();
    if (reused) return reused;
  }
  const result = await build({
    entryPoints: [ENTRY, STYLES],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    write: false,
    outdir: 'desk',
    legalComments: 'none',
    logLevel: 'silent',
    metafile: true,
    absWorkingDir: fileURLToPath(new URL('../../', import.meta.url)),
  });
  const out = (ext: string) => result.outputFiles.find((f) => f.path.endsWith(ext))?.text ?? '';
  const bundle = { js: out('.js'), css: out('.css') };
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const inputs: Record<string, string> = {};
  for (const input of Object.keys(result.metafile.inputs)) {
    const path = join(root, input);
    const was = stamp(path);
    if (was !== undefined) inputs[path] = was;
  }
  try {
    writeFileAtomic(CACHE, JSON.stringify({ ...bundle, inputs } satisfies CachedBundle));
  } catch {
    // A cache that cannot be written only costs the next start a bundle.
  }
  return { ...bundle, cached: false };
}
