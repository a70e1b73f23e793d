/**
 * `npm run bench`: the figures the issues ask for, measured on this machine. Prints a table and
 * writes bench/results/latest.json. Each case runs a few times and reports the best and the
 * median; nothing here asserts a time (tests never do).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { main } from '../src/cli/main.ts';
import { loadConfig, symbolRegistry } from '../src/config.ts';
import { buildFactSet } from '../src/facts/build.ts';
import { importCsvFile } from '../src/fetchers/csv-import.ts';
import { analyzeSeries, indexStatsAt } from '../src/stats/analysis.ts';
import { MarketStore } from '../src/store/market-store.ts';

const MARKET = fileURLToPath(new URL('../../shared/data/market/', import.meta.url));
const RESULTS = fileURLToPath(new URL('./results/', import.meta.url));
const registry = symbolRegistry(loadConfig({}, {}, tmpdir()));

interface Result {
  case: string;
  runs: number;
  bestMs: number;
  medianMs: number;
  figure: string;
}
const results: Result[] = [];

async function measure(
  name: string,
  runs: number,
  work: () => unknown | Promise<unknown>,
  figure: (ms: number, last: unknown) => string,
) {
  const times: number[] = [];
  let last: unknown;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    last = await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const best = times[0]!;
  results.push({
    case: name,
    runs,
    bestMs: round(best),
    medianMs: round(times[Math.floor(runs / 2)]!),
    figure: figure(best, last),
  });
}

const round = (ms: number) => Math.round(ms * 10) / 10;
const tempStore = () => {
  const dir = mkdtempSync(join(tmpdir(), 'wirecopy-bench-'));
  return { dir, store: MarketStore.open(join(dir, 'market.db')) };
};

// 1. Import of RUT.csv + GSPC.csv into a fresh store: parse, calendar checks, one transaction per file.
await measure(
  'import RUT.csv + GSPC.csv (fresh store)',
  5,
  () => {
    const { dir, store } = tempStore();
    const rows = ['RUT.csv', 'GSPC.csv']
      .map((f) => importCsvFile(join(MARKET, f), store, registry))
      .reduce((n, r) => n + r.series.reduce((m, s) => m + s.rows, 0), 0);
    store.close();
    rmSync(dir, { recursive: true });
    return rows;
  },
  (ms, rows) =>
    `${Number(rows).toLocaleString('en-US')} rows, ${Math.round((Number(rows) / ms) * 1000).toLocaleString('en-US')} rows/s`,
);

// 2. All facts for one as-of over full history, store already open.
const { store } = tempStore();
for (const f of ['RUT.csv', 'GSPC.csv', 'NDX.csv', 'IWM_to2025-09.csv'])
  importCsvFile(join(MARKET, f), store, registry);
const indexes = ['RUT', 'SPX', 'NDX', 'IWM'];
await measure(
  'stats: all facts at 2025-09-18, full history (RUT, SPX, NDX, IWM)',
  7,
  () => buildFactSet(store, { asOf: '2025-09-18', indexes, benchmark: 'SPX', registry }),
  (_ms, set) => `${Object.keys((set as { facts: object }).facts).length} facts`,
);

// 3. Backfill: the facts of every RUT session 1988-2025, and the same over a half and a quarter of
// the history, to show the cost grows linearly.
const rut = store.loadSeries('RUT', '2025-12-31')!;
const from = rut.dates.findIndex((d) => d >= '1988-01-01');
const backfill = (sessions: number) => {
  const analysis = analyzeSeries({
    ...rut,
    dates: rut.dates.slice(0, from + sessions),
    closes: rut.closes.slice(0, from + sessions),
  });
  let facts = 0;
  for (let i = from; i < from + sessions; i++) facts += indexStatsAt(analysis, i).length;
  return facts;
};
const total = rut.dates.length - from;
for (const share of [0.25, 0.5, 1]) {
  const sessions = Math.floor(total * share);
  await measure(
    `backfill: every RUT session 1988-2025 × ${share}`,
    3,
    () => backfill(sessions),
    (ms, facts) =>
      `${sessions.toLocaleString('en-US')} sessions, ${Number(facts).toLocaleString('en-US')} facts, ${round((ms / sessions) * 1000)} µs/session`,
  );
}
store.close();

// 4. The demo generator alone: 11 series over every NYSE session since 1990.
{
  const { sessionsBetween } = await import('../src/calendar/nyse.ts');
  const { generateDemoHistory, DEMO_FIRST_SESSION } = await import('../src/fetchers/demo/generate.ts');
  const sessions = sessionsBetween(DEMO_FIRST_SESSION, '2026-11-20');
  await measure(
    'demo: generate 11 series 1990-2026',
    5,
    () => generateDemoHistory(sessions),
    () => `${sessions.length.toLocaleString('en-US')} sessions × 11 series`,
  );
}

// 5. npm start on a fresh store: demo generation, facts, drafts.
await measure(
  'wirecopy run on a fresh store (npm start, demo data)',
  3,
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wirecopy-bench-run-'));
    const code = await main(['--store', join(dir, 'm.db'), '--content', join(dir, 'content'), 'run'], {
      cwd: dir,
      env: { WIRECOPY_TODAY: '2026-11-21' },
      now: () => new Date(),
      io: { out: () => {}, err: (t) => process.stderr.write(`${t}\n`) },
    });
    rmSync(dir, { recursive: true });
    return code;
  },
  (_ms, code) => `exit ${code}`,
);

const widths = [64, 8, 10, 10];
console.log(
  ['case', 'runs', 'best ms', 'median ms']
    .map((h, i) => (i === 0 ? h.padEnd(widths[i]!) : h.padStart(widths[i]!)))
    .join('') + '  figure',
);
for (const r of results) {
  console.log(
    r.case.padEnd(widths[0]!) +
      String(r.runs).padStart(widths[1]!) +
      String(r.bestMs).padStart(widths[2]!) +
      String(r.medianMs).padStart(widths[3]!) +
      `  ${r.figure}`,
  );
}
mkdirSync(RESULTS, { recursive: true });
const record = {
  at: new Date().toISOString(),
  node: process.version,
  cpus: (await import('node:os')).cpus().length,
  results,
};
writeFileSync(join(RESULTS, 'latest.json'), `${JSON.stringify(record, null, 2)}\n`);
console.log(`\nwritten ${join(RESULTS, 'latest.json')}`);
