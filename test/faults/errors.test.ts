/**
 * Issue 16, item 14: inputs that used to end in "internal error (a bug)" or pass silently, each
 * now a catalogue error that says what, where and what to do. One regression test per fault.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, workspace } from '../support/cli.ts';

/** Runs the real binary with a stdout whose reader has already gone, as `| head -1` leaves it. */
function runIntoClosedPipe(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'bin/wirecopy.js'), ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', fail);
    child.on('close', (code) => done({ code, stderr }));
  });
}

describe('a store file that is not SQLite', () => {
  it('is StoreNotSqlite naming the file, not an internal error, and the file is left as it was', async () => {
    const ws = workspace();
    const store = join(ws.dir, 'market.db');
    writeFileSync(store, 'date,close\n2025-09-18,2448.77\n');
    const result = await ws.run(['stats']);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toContain('internal error');
    expect(result.stderr).toContain('The market store is not a SQLite file');
    expect(result.stderr).toContain(`${store} is not a SQLite database`);
    expect(result.stderr).toContain('looks like a text file');
    expect(result.stderr).toContain('What to do: Point --store');
    expect(readFileSync(store, 'utf8')).toBe('date,close\n2025-09-18,2448.77\n');
  });
});

describe('EPIPE: the reader of the output goes away', () => {
  const ws = workspace('2025-11-21');
  const env = { WIRECOPY_TODAY: '2025-11-21' };
  const flags = ['--store', join(ws.dir, 'market.db'), '--content', join(ws.dir, 'content')];

  it('stats --json | head -1 exits 0 with nothing on stderr', async () => {
    expect((await ws.run(['demo'])).code).toBe(0);
    const result = await runIntoClosedPipe([...flags, 'stats', '--json'], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('status | head -1 exits 0 with nothing on stderr', async () => {
    const result = await runIntoClosedPipe([...flags, 'status'], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});
