/** The import fault cases' tools: the CLI in-process or as a child process, and store dumps. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';
import { MarketStore } from '../../src/store/market-store.ts';
import { REPO_ROOT } from '../support/cli.ts';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export interface ImportWorkspace {
  dir: string;
  store: string;
  /** The CLI through `main()`, with "today" pinned and the clock at `now` (default: noon UTC of today). */
  run(args: string[], options?: { today?: string; now?: Date; env?: Record<string, string> }): Promise<Run>;
  /** The CLI as a child process (bin/wirecopy.js), for kill -9 at a fault point. */
  spawn(args: string[], env?: Record<string, string>): Run & { signal: NodeJS.Signals | null };
}

export const TODAY = '2026-11-21'; // a Saturday: the last completed session is Friday 2026-11-20

export function importWorkspace(): ImportWorkspace {
  const dir = mkdtempSync(join(tmpdir(), 'wirecopy-faults-import-'));
  const store = join(dir, 'market.db');
  return {
    dir,
    store,
    async run(args, options = {}) {
      const today = options.today ?? TODAY;
      const out: string[] = [];
      const err: string[] = [];
      const code = await main(['--store', store, '--content', join(dir, 'content'), ...args], {
        cwd: dir,
        env: { WIRECOPY_TODAY: today, ...options.env },
        now: () => options.now ?? new Date(`${today}T12:00:00Z`),
        io: { out: (t) => out.push(t), err: (t) => err.push(t) },
      });
      return { code, stdout: out.join('\n'), stderr: err.join('\n') };
    },
    spawn(args, env = {}) {
      const child = spawnSync(
        process.execPath,
        [join(REPO_ROOT, 'bin/wirecopy.js'), '--store', store, '--content', join(dir, 'content'), ...args],
        { cwd: dir, encoding: 'utf8', env: { ...process.env, WIRECOPY_TODAY: TODAY, ...env } },
      );
      return { code: child.status ?? -1, signal: child.signal, stdout: child.stdout, stderr: child.stderr };
    },
  };
}

function withStore<T>(path: string, read: (store: MarketStore) => T): T {
  const store = MarketStore.open(path);
  try {
    return read(store);
  } finally {
    store.close();
  }
}

/** Every row of every table. */
export const dumpOf = (path: string) => withStore(path, (store) => store.dump());

/**
 * The tables an import writes rows to, plus the batch ids: what "the old state" and "the new
 * state" are compared on (batch timestamps differ from run to run, the rows do not).
 */
export const rowStateOf = (path: string) =>
  withStore(path, (store) =>
    [
      store
        .batches(1000)
        .map((b) => `#${b.id} ${b.kind} ${b.source} ${b.rows}${b.undoneAt ? ' undone' : ''}`)
        .join('\n'),
      ...store
        .dump()
        .split('\n\n')
        .filter((table) => /^(bars|series_sources|replaced_bars)\n/.test(table)),
    ].join('\n\n'),
  );
