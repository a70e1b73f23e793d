/**
 * The desk's browser code (src/desk/ui), bundled with esbuild when the desk starts: nothing
 * generated is committed, and the bundle is what the checked-out sources say.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ENTRY = fileURLToPath(new URL('./ui/main.ts', import.meta.url));
const STYLES = fileURLToPath(new URL('./ui/desk.css', import.meta.url));

export interface Bundle {
  js: string;
  css: string;
}

export async function bundleDesk(): Promise<Bundle> {
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
  });
  const out = (ext: string) => result.outputFiles.find((f) => f.path.endsWith(ext))?.text ?? '';
  return { js: out('.js'), css: out('.css') };
}
