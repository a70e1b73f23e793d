/**
 * For the race cases: a workspace with a demo draft, the CLI as a child process (for real
 * concurrency and a real second pid), and snapshots of what a command must leave unchanged.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect } from 'vitest';
import { MarketStore } from '../../src/store/market-store.ts';
import { type CliRun, REPO_ROOT, type Workspace, workspace } from '../support/cli.ts';

export const TODAY = '2026-11-21';
const BIN = join(REPO_ROOT, 'bin', 'wirecopy.js');

export interface DraftWorkspace {
  ws: Workspace;
  /** As typed on the command line, relative to the workspace. */
  draft: string;
  path: string;
  name: string;
  text: string;
  articles: string;
}

/** A workspace whose store holds the demo dataset and whose drafts/ holds the session's draft. */
export async function draftWorkspace(): Promise<DraftWorkspace> {
  const ws = workspace(TODAY);
  const run = await ws.run(['run']);
  expect(run.code).toBe(0);
  const [name] = readdirSync(join(ws.dir, 'content', 'drafts'));
  if (!name) throw new Error('run wrote no draft');
  const path = join(ws.dir, 'content', 'drafts', name);
  return {
    ws,
    draft: join('content', 'drafts', name),
    path,
    name,
    text: readFileSync(path, 'utf8'),
    articles: join(ws.dir, 'content', 'articles'),
  };
}

/** `wirecopy <args>` in its own process, in the workspace, with its store and content. */
export function cliProcess(dir: string, args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return startCli(dir, args, env).finished;
}

/** The same, with the process at hand (to kill it); `finished` resolves with code -1 after a signal. */
export function startCli(
  dir: string,
  args: string[],
  env: Record<string, string> = {},
): { child: ChildProcess; finished: Promise<CliRun> } {
  const child = spawn(
    process.execPath,
    [BIN, '--store', join(dir, 'market.db'), '--content', join(dir, 'content'), ...args],
    { cwd: dir, env: { ...process.env, WIRECOPY_TODAY: TODAY, ...env } },
  );
  const finished = new Promise<CliRun>((done, fail) => {
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? -1, stdout: stdout.trim(), stderr: stderr.trim() }));
  });
  return { child, finished };
}

/** Resolves once `condition` holds, looking every 10 ms; fails after `ms`. */
export async function waitFor(condition: () => boolean, what: string, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 10));
  }
}

/** The pid of a process that has exited: what a lock left by a killed command names. */
export function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  const pid = Number(child.stdout);
  expect(pid).toBeGreaterThan(0);
  return pid;
}

/** Every file under `dir` (hidden ones too: a stray temp or lock file counts) with its bytes. */
export function filesUnder(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (at: string) => {
    if (!existsSync(at)) return;
    for (const name of readdirSync(at).sort()) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(dir, path)] = readFileSync(path, 'latin1');
    }
  };
  walk(dir);
  return files;
}

/** The store's rows, table by table: what "left as it was" is compared on (WAL files aside). */
export function storeDump(dir: string): string {
  const store = MarketStore.open(join(dir, 'market.db'));
  try {
    return store.dump();
  } finally {
    store.close();
  }
}

/** The `.md` pieces a reader lists, in drafts/ and articles/. */
export function pieces(dir: string): string[] {
  const list = (folder: string) => {
    const at = join(dir, 'content', folder);
    return existsSync(at)
      ? readdirSync(at)
          .filter((f) => f.endsWith('.md') && !f.startsWith('.'))
          .sort()
          .map((f) => `${folder}/${f}`)
      : [];
  };
  return [...list('drafts'), ...list('articles')];
}
