/**
 * Issue 14, "a real package": the tarball `npm pack` makes, installed into a scratch project the
 * way an npm user installs it, runs: `npx wirecopy --version`, a demo draft that passes
 * `wirecopy check`, and the programmatic API, typed. Slow (the pack builds dist/ with tsc, the
 * install links some 470 packages from the npm cache): about a minute, most of it tsc. Also that
 * the installed `wirecopy desk` serves its editor: tsc emits no src/desk/ui, so the bundle must
 * come from the shipped sources.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/cli.ts';
import { freePort } from '../support/free-port.ts';
import { type PackedInstall, packAndInstall, runCommand } from '../support/packed-install.ts';

const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
// The demo dataset ends on the last session before "today": Friday 2026-11-20 (NYSE calendar).
const TODAY = '2026-11-21';
const LAST_SESSION = '2026-11-20';
const env = { WIRECOPY_TODAY: TODAY };

describe('slow: the packed package, installed from its tarball', () => {
  let installed: PackedInstall;
  const wirecopy = (...args: string[]) =>
    runCommand('npx', ['--no-install', 'wirecopy', ...args], installed.project, env);

  beforeAll(() => {
    installed = packAndInstall();
    console.info(
      `packed-install: npm pack ${Math.round(installed.packMs)} ms, npm ci (${installed.installMode}) ${Math.round(installed.installMs)} ms`,
    );
  }, 600_000);
  // The scratch project holds a whole node_modules (some 200 MB): not left behind in the temp folder.
  afterAll(() => {
    if (installed) rmSync(dirname(installed.project), { recursive: true, force: true });
  });

  it('holds the built JavaScript, its declarations, the templates and the license, and no tests', () => {
    const paths = installed.files.map((f) => f.path);
    for (const path of [
      'bin/wirecopy.js',
      'dist/index.js',
      'dist/index.d.ts',
      'dist/cli/main.js',
      'templates/articles/daily-wrap.mustache',
      'LICENSE',
      'package.json',
    ]) {
      expect(paths).toContain(path);
    }
    expect(paths.filter((p) => p.startsWith('test/') || p.startsWith('bench/'))).toEqual([]);
    expect(existsSync(join(installed.project, 'node_modules/wirecopy/dist/index.js'))).toBe(true);
  });

  it('npx wirecopy --version prints the version in package.json', () => {
    expect(wirecopy('--version')).toMatchObject({ code: 0, stdout: version });
  });

  it('fills the store with the demo set, drafts the last session, and the draft passes check', () => {
    expect(wirecopy('demo').code).toBe(0);
    const draft = wirecopy('draft');
    expect(draft.stderr).not.toContain('internal error');
    expect(draft.code).toBe(0);
    const written = /^(content\/drafts\/(\S+)\.md) {2}written/m.exec(draft.stdout);
    expect(written?.[2]).toMatch(new RegExp(`^${LAST_SESSION}-`));
    const check = wirecopy('check', written![1]!);
    expect(check).toMatchObject({ code: 0 });
    expect(check.stdout).toContain('1 file checked: 0 errors');
  });

  it("the API (openDesk, factSetFor, draftSession, checkPaths) works on the installed package's desk", () => {
    writeFileSync(
      join(installed.project, 'api.mjs'),
      `import { checkPaths, draftSession, factSetFor, openDesk, VERSION } from 'wirecopy';
const quiet = { out() {}, err() {} };
const desk = openDesk({ cwd: process.cwd(), io: quiet });
try {
  const facts = factSetFor(desk, '${LAST_SESSION}');
  const { results } = await draftSession(desk, '${LAST_SESSION}', { all: true });
  const checked = await checkPaths(desk, results.map((r) => r.path), { maxAgeSessions: 0 });
  console.log(JSON.stringify({
    version: VERSION,
    asOf: facts.asOf,
    dataset: facts.dataset,
    drafts: results.length,
    checked: checked.length,
    errors: checked.reduce((n, c) => n + c.counts.errors, 0),
  }));
} finally {
  desk.close();
}
`,
    );
    const run = runCommand(process.execPath, ['api.mjs'], installed.project, env);
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(out).toMatchObject({ version, asOf: LAST_SESSION, dataset: 'demo', errors: 0 });
    // --all: every story that applies to the session, at least the daily wrap; each one checked.
    expect(out['drafts']).toBeGreaterThanOrEqual(1);
    expect(out['checked']).toBe(out['drafts']);
  });

  it("its exports carry types: a consumer's TypeScript sees the API's real signatures", () => {
    writeFileSync(
      join(installed.project, 'consumer.ts'),
      `import { type FactSet, factSetFor, openDesk, VERSION } from 'wirecopy';
const desk = openDesk({ cwd: '.' });
const facts: FactSet = factSetFor(desk, undefined);
export const asOf: string = facts.asOf;
export const version: string = VERSION;
// @ts-expect-error VERSION is a string; were the import untyped (any), this directive would be unused, an error.
export const wrong: number = VERSION;
desk.close();
`,
    );
    const tsc = runCommand(
      process.execPath,
      [
        join(REPO_ROOT, 'node_modules/typescript/bin/tsc'),
        '--noEmit',
        '--strict',
        '--target',
        'es2024',
        '--module',
        'nodenext',
        '--moduleResolution',
        'nodenext',
        '--skipLibCheck',
        '--typeRoots',
        join(REPO_ROOT, 'node_modules/@types'),
        '--types',
        'node',
        'consumer.ts',
      ],
      installed.project,
    );
    expect(tsc.stdout).toBe('');
    expect(tsc.code).toBe(0);
  });

  it('wirecopy desk, installed, serves its editor bundle and styles', async () => {
    const port = await freePort();
    // Detached, so the whole group (npx and the node it starts) is stopped at the end.
    const desk = spawn('npx', ['--no-install', 'wirecopy', 'desk', '--port', String(port)], {
      cwd: installed.project,
      env: { ...process.env, ...env },
      detached: true,
      stdio: 'ignore',
    });
    try {
      const get = (path: string) => fetch(`http://127.0.0.1:${port}${path}`).catch(() => undefined);
      let script: Response | undefined;
      for (let tries = 0; tries < 100 && script?.status !== 200; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        script = await get('/desk.js');
      }
      expect(script?.status).toBe(200);
      // The bundle holds CodeMirror (some 600 KB); the styles, the fact chip's rule.
      expect((await script!.text()).length).toBeGreaterThan(100_000);
      const styles = await get('/desk.css');
      expect(styles?.status).toBe(200);
      expect(await styles!.text()).toContain('.cm-mark-chip');
    } finally {
      if (desk.pid !== undefined) process.kill(-desk.pid, 'SIGTERM');
    }
  }, 60_000);
});
