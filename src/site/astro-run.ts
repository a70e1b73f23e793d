/**
 * Runs Astro on the wirecopy site as a child process, for `wirecopy preview`, the site tests and
 * the bench. A child, not Astro's JS API: the build gets its own process (and Node version, the
 * one running wirecopy) and cannot share module state with the caller.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder with astro.config.mjs and site/: where wirecopy is installed. */
export const SITE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function astroBin(): string {
  const astroPackage = createRequire(import.meta.url).resolve('astro/package.json');
  return join(dirname(astroPackage), 'bin/astro.mjs');
}

export interface SiteEnv {
  /** The content folder with articles/, drafts/, newsletters/ (WIRECOPY_CONTENT). */
  content?: string;
  /** Include drafts (WIRECOPY_PREVIEW=1). */
  preview?: boolean;
  /** Astro's cache (the content data store): separate ones let builds run side by side. */
  cacheDir?: string;
  env?: NodeJS.ProcessEnv;
}

export function spawnAstro(args: readonly string[], options: SiteEnv & { cwd?: string }): ChildProcess {
  const env: NodeJS.ProcessEnv = {
    ...withoutTestRunnerMarks({ ...process.env, ...options.env }),
    // Builds and previews must not phone home (CI has no network but the registry).
    ASTRO_TELEMETRY_DISABLED: '1',
    // Plain text: wirecopy reads this output (the preview's address, a build's errors), and
    // with CI set Astro would colour it, splitting "asOf:" or "Local http://..." with escapes.
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    ...(options.content ? { WIRECOPY_CONTENT: options.content } : {}),
    ...(options.preview ? { WIRECOPY_PREVIEW: '1' } : {}),
    ...(options.cacheDir ? { WIRECOPY_SITE_CACHE: options.cacheDir } : {}),
  };
  return spawn(process.execPath, [astroBin(), ...args], {
    cwd: options.cwd ?? SITE_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/**
 * Astro's dev server answers every request with a 404 when it sees `VITEST` in its environment
 * (it then assumes it runs inside a test); a preview started from a test is a real server.
 */
function withoutTestRunnerMarks(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('VITEST')));
}

export interface BuildResult {
  ok: boolean;
  /** Astro's output, stdout and stderr interleaved: the place to read why a build failed. */
  output: string;
  milliseconds: number;
}

/**
 * `astro build` into `outDir`. Keep `outDir` inside the wirecopy folder: Astro renders pages from
 * a bundle it writes next to the output (or under the working folder), and that bundle resolves
 * its packages from node_modules above it.
 */
export function buildSite(outDir: string, options: SiteEnv & { root?: string } = {}): Promise<BuildResult> {
  const started = performance.now();
  const root = options.root ?? SITE_ROOT;
  const child = spawnAstro(['build', '--root', root, '--outDir', outDir], { ...options, cwd: root });
  const chunks: string[] = [];
  child.stdout?.on('data', (d: Buffer) => chunks.push(d.toString()));
  child.stderr?.on('data', (d: Buffer) => chunks.push(d.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        ok: code === 0,
        output: withoutAnsi(chunks.join('')),
        milliseconds: performance.now() - started,
      }),
    );
  });
}

/** Terminal colour and style escapes, for output that must be read as text. */
export function withoutAnsi(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching the escape character is the point.
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}
