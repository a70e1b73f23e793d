/** Small synthetic stores for the gate and run tests, and the CLI run in a temp folder. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliEnvironment } from '../../src/cli/context.ts';
import { main } from '../../src/cli/main.ts';
import { MarketStore } from '../../src/store/market-store.ts';
import type { DailyBar, Dataset, IsoDate } from '../../src/types.ts';

/**
 * Closes for `dates` ending at `last`: small deterministic moves (under 1.5% a day), computed
 * backwards so a series can be made to meet a recorded fixture's first close.
 */
export function walkTo(
  dates: readonly IsoDate[],
  last: number,
  volume: number | null = 1_000_000,
): DailyBar[] {
  const closes = new Array<number>(dates.length);
  closes[dates.length - 1] = last;
  for (let i = dates.length - 1; i > 0; i--) {
    const move = 0.012 * Math.sin(i * 1.7) + 0.0004;
    closes[i - 1] = closes[i]! / (1 + move);
  }
  return dates.map((date, i) => {
    const close = Number(closes[i]!.toFixed(2));
    return { date, open: close, high: close, low: close, close, volume };
  });
}

export interface SeriesSpec {
  symbol: string;
  bars: readonly DailyBar[];
}

/** Writes each source's series as one batch, like an import or a fetch would. */
export function writeStore(
  path: string,
  batches: ReadonlyArray<{ source: string; dataset?: Dataset; series: SeriesSpec[] }>,
): void {
  const store = MarketStore.open(path);
  try {
    for (const b of batches) {
      const dataset = b.dataset ?? (b.source.startsWith('csv:') ? 'csv' : 'live');
      store.writeBatch({
        kind: dataset === 'csv' ? 'import' : 'fetch',
        source: b.source,
        origin: `test ${b.source}`,
        dataset,
        series: b.series,
      });
    }
  } finally {
    store.close();
  }
}

export function readStore<T>(path: string, read: (store: MarketStore) => T): T {
  const store = MarketStore.open(path);
  try {
    return read(store);
  } finally {
    store.close();
  }
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface TestWorkspace {
  dir: string;
  store: string;
  run(args: string[], options?: { env?: Record<string, string>; now?: Date }): Promise<CliResult>;
}

/**
 * A temp folder with its own store, content and config file. The CLI runs in-process with `CI`
 * set (plain progress lines), "today" pinned to the New York date of `now`.
 */
export function testWorkspace(
  config: object = {},
  defaults: { env?: Record<string, string>; now?: Date } = {},
) {
  const dir = mkdtempSync(join(tmpdir(), 'wirecopy-verify-'));
  writeFileSync(join(dir, 'wirecopy.config.json'), JSON.stringify(config));
  const workspace: TestWorkspace = {
    dir,
    store: join(dir, 'market.db'),
    async run(args, options = {}) {
      const now = options.now ?? defaults.now ?? new Date('2025-11-14T22:30:00Z');
      const out: string[] = [];
      const err: string[] = [];
      const environment: CliEnvironment = {
        cwd: dir,
        env: {
          CI: '1',
          WIRECOPY_TODAY: newYorkDay(now),
          ...defaults.env,
          ...options.env,
        },
        now: () => now,
        io: { out: (t) => out.push(t), err: (t) => err.push(t) },
      };
      const code = await main(
        ['--store', workspace.store, '--content', join(dir, 'content'), ...args],
        environment,
      );
      return { code, stdout: out.join('\n'), stderr: err.join('\n') };
    },
  };
  return workspace;
}

function newYorkDay(instant: Date): IsoDate {
  return instant.toLocaleDateString('en-CA', { timeZone: 'America/New_York' });
}
