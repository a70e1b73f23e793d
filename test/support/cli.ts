/** Runs the CLI in-process against a temporary folder, capturing what it prints. */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.ts';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const MARKET_DATA = fileURLToPath(new URL('../../../shared/data/market/', import.meta.url));
export const HAS_MARKET_DATA = existsSync(join(MARKET_DATA, 'RUT.csv'));
export const NO_MARKET_DATA_REASON = `real market data not found at ${MARKET_DATA}: skipping (see README, "Development")`;

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface Workspace {
  dir: string;
  run(args: string[], env?: Record<string, string>): Promise<CliRun>;
}

/** A temp folder with its own store and content; templates come from the repo. */
export function workspace(today = '2026-11-21'): Workspace {
  const dir = mkdtempSync(join(tmpdir(), 'wirecopy-cli-'));
  return {
    dir,
    async run(args, env = {}) {
      const out: string[] = [];
      const err: string[] = [];
      const code = await main(
        ['--store', join(dir, 'market.db'), '--content', join(dir, 'content'), ...args],
        {
          cwd: dir,
          env: { WIRECOPY_TODAY: today, ...env },
          now: () => new Date(`${today}T12:00:00Z`),
          io: { out: (t) => out.push(t), err: (t) => err.push(t) },
        },
      );
      return { code, stdout: out.join('\n'), stderr: err.join('\n') };
    },
  };
}
