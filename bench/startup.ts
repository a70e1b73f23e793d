/**
 * `npm run bench`, part two (issue 14): whole-process times of the `wirecopy` bin against the
 * floor, `node -e 0`, and the packed install. Budgets: `--help` under 150 ms, `stats` on full
 * history under 400 ms. Each command runs once to warm the compile cache, then `RUNS` times;
 * the best and the median are reported. Prints a table and writes bench/results/startup.json.
 * `BENCH_SKIP_PACK=1` leaves out the packed install (about a minute, most of it tsc).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { loadConfig, symbolRegistry } from '../src/config.ts';
import { importCsvFile } from '../src/fetchers/csv-import.ts';
import { writeFileAtomic } from '../src/io/atomic-write.ts';
import { MarketStore } from '../src/store/market-store.ts';
import { packAndInstall } from '../test/support/packed-install.ts';
import { type BenchResult, printResults } from './results-table.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(ROOT, 'bin/wirecopy.js');
const MARKET = fileURLToPath(new URL('../../shared/data/market/', import.meta.url));
const RESULTS = fileURLToPath(new URL('./results/', import.meta.url));
const RUNS = 9;

const results: BenchResult[] = [];
const round = (ms: number) => Math.round(ms * 10) / 10;

/** Wall time of one child process, start to exit. */
function timed(args: readonly string[], env: Record<string, string> = {}): number {
  const start = performance.now();
  const child = spawnSync(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const ms = performance.now() - start;
  if (child.status !== 0) throw new Error(`${args.join(' ')} exited ${child.status}: ${child.stderr}`);
  return ms;
}

function measure(name: string, args: readonly string[], env: Record<string, string> = {}) {
  timed(args, env); // warms the compile cache and the page cache
  const times = Array.from({ length: RUNS }, () => timed(args, env)).sort((a, b) => a - b);
  return { name, best: times[0]!, median: times[Math.floor(RUNS / 2)]! };
}

// Full history, as `bench/run.ts` stores it for its stats case: every configured index, IWM,
// the FRED rates and the fed funds futures.
const dir = mkdtempSync(join(tmpdir(), 'wirecopy-bench-startup-'));
const storePath = join(dir, 'market.db');
{
  const registry = symbolRegistry(loadConfig({}, {}, tmpdir()));
  const store = MarketStore.open(storePath);
  for (const f of ['RUT.csv', 'GSPC.csv', 'NDX.csv', 'IWM_to2025-09.csv', 'FRED_rates.csv']) {
    importCsvFile(join(MARKET, f), store, registry);
  }
  for (const f of readdirSync(join(MARKET, 'ZQ'))) importCsvFile(join(MARKET, 'ZQ', f), store, registry);
  store.close();
}

const floor = measure('node -e 0', ['-e', '0']);
const cases = [
  { ...measure('wirecopy --version', [BIN, '--version']), budget: undefined },
  { ...measure('wirecopy --help', [BIN, '--help']), budget: 150 },
  {
    ...measure('wirecopy stats --as-of 2025-09-18, full history', [
      BIN,
      '--store',
      storePath,
      'stats',
      '--as-of',
      '2025-09-18',
    ]),
    budget: 400,
  },
];
results.push({
  case: floor.name,
  runs: RUNS,
  bestMs: round(floor.best),
  medianMs: round(floor.median),
  figure: 'the floor',
});
for (const c of cases) {
  const budget =
    c.budget === undefined ? '' : `; budget ${c.budget} ms: ${c.best < c.budget ? 'within' : 'OVER'}`;
  results.push({
    case: c.name,
    runs: RUNS,
    bestMs: round(c.best),
    medianMs: round(c.median),
    figure: `${(c.best / floor.best).toFixed(2)}× node -e 0${budget}`,
  });
}
rmSync(dir, { recursive: true, force: true });

if (process.env['BENCH_SKIP_PACK'] !== '1') {
  const start = performance.now();
  const installed = packAndInstall();
  const wirecopy = join(installed.project, 'node_modules/.bin/wirecopy');
  const version = timed([wirecopy, '--version']);
  const total = performance.now() - start;
  results.push({
    case: 'packed install: npm pack + npm ci of the tarball + wirecopy --version',
    runs: 1,
    bestMs: round(total),
    medianMs: round(total),
    figure: `pack ${round(installed.packMs)} ms, npm ci (${installed.installMode}) ${round(installed.installMs)} ms, first --version ${round(version)} ms; ${installed.files.length} files`,
  });
  rmSync(dirname(installed.project), { recursive: true, force: true });
}

printResults(results);
mkdirSync(RESULTS, { recursive: true });
const record = { at: new Date().toISOString(), node: process.version, cpus: cpus().length, results };
writeFileAtomic(join(RESULTS, 'startup.json'), `${JSON.stringify(record, null, 2)}\n`);
console.log(`\nwritten ${join(RESULTS, 'startup.json')}`);
