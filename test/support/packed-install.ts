/**
 * wirecopy as an npm user gets it (issue 14): `npm pack` (its `prepack` builds dist/), then the
 * tarball installed into a scratch project, for the pack test and the bench.
 *
 * The install is offline: the scratch project gets a lockfile made from the repo's own, its
 * runtime entries only, so npm takes every package from the cache the repo's `npm ci` filled
 * and installs exactly the versions the rest of the suite runs with. npm has no metadata
 * (packuments) cached after an `npm ci`, so a plain `npm install --offline <tarball>` fails with
 * ENOTCACHED; only a cache without some tarball falls back to the registry (--prefer-offline).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { REPO_ROOT } from './cli.ts';

export interface CommandRun {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

/** The Node running this process first on PATH, so `npm` and the bins it links run on it too. */
export function nodeFirstPath(env: NodeJS.ProcessEnv = process.env): string {
  return [dirname(process.execPath), env['PATH'] ?? ''].join(':');
}

export function runCommand(
  command: string,
  args: readonly string[],
  cwd: string,
  env: Record<string, string> = {},
): CommandRun {
  const start = performance.now();
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, PATH: nodeFirstPath(), NO_COLOR: '1', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return {
    code: result.status ?? 1,
    stdout: result.stdout.trim(),
    stderr: result.stderr.trim(),
    ms: performance.now() - start,
  };
}

function mustSucceed(what: string, run: CommandRun): CommandRun {
  if (run.code !== 0) throw new Error(`${what} exited ${run.code}:\n${run.stderr}\n${run.stdout}`);
  return run;
}

export interface PackedFile {
  path: string;
  size: number;
}

export interface PackedInstall {
  /** The scratch project: package.json, package-lock.json, node_modules/wirecopy. */
  project: string;
  tarball: string;
  files: PackedFile[];
  packMs: number;
  installMs: number;
  /** How the install went: offline from the cache, or with the registry for what was missing. */
  installMode: 'offline' | 'prefer-offline';
}

interface LockEntry {
  dev?: boolean;
  devDependencies?: Record<string, string>;
  name?: string;
  [key: string]: unknown;
}

/** Packs the repo and installs the tarball into a new scratch project. */
export function packAndInstall(): PackedInstall {
  const root = mkdtempSync(join(tmpdir(), 'wirecopy-packed-'));
  const packDir = join(root, 'pack');
  const project = join(root, 'project');
  mkdirSync(packDir);
  mkdirSync(project);

  const pack = mustSucceed(
    'npm pack',
    runCommand('npm', ['pack', '--json', '--pack-destination', packDir], REPO_ROOT),
  );
  // prepack's own output comes first on stdout; npm's JSON report is the last thing printed.
  const report = JSON.parse(pack.stdout.slice(pack.stdout.lastIndexOf('\n[') + 1)) as {
    filename: string;
    files: PackedFile[];
  }[];
  const packed = report[0]!;
  const tarball = join(packDir, packed.filename);

  const repoPackage = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
    overrides?: Record<string, string>;
  };
  const repoLock = JSON.parse(readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  const spec = `file:${tarball}`;
  const { devDependencies: _dev, name: _name, ...wirecopyEntry } = repoLock.packages['']!;
  const packages: Record<string, LockEntry> = {
    '': { name: 'scratch', dependencies: { wirecopy: spec } },
    'node_modules/wirecopy': { ...wirecopyEntry, resolved: spec },
  };
  for (const [path, entry] of Object.entries(repoLock.packages)) {
    if (path !== '' && entry.dev !== true) packages[path] = entry;
  }
  // The repo's overrides shaped its lock; the scratch project states them so the lock agrees.
  const manifest = {
    name: 'scratch',
    private: true,
    type: 'module',
    dependencies: { wirecopy: spec },
    ...(repoPackage.overrides ? { overrides: repoPackage.overrides } : {}),
  };
  writeFileSync(join(project, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(
    join(project, 'package-lock.json'),
    `${JSON.stringify({ name: 'scratch', lockfileVersion: 3, requires: true, packages }, null, 2)}\n`,
  );

  const install = (mode: 'offline' | 'prefer-offline') =>
    runCommand('npm', ['ci', `--${mode}`, '--ignore-scripts', '--no-audit', '--no-fund'], project);
  let installMode: PackedInstall['installMode'] = 'offline';
  let installed = install('offline');
  if (installed.code !== 0 && installed.stderr.includes('ENOTCACHED')) {
    installMode = 'prefer-offline';
    installed = install('prefer-offline');
  }
  mustSucceed(`npm ci --${installMode} of the packed tarball`, installed);
  return { project, tarball, files: packed.files, packMs: pack.ms, installMs: installed.ms, installMode };
}
