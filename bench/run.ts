/**
 * `npm run bench`: the figures the issues ask for, measured on this machine. Prints a table and
 * writes bench/results/latest.json. Each case runs a few times and reports the best and the
 * median; nothing here asserts a time (tests never do).
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sessionsBetween } from '../src/calendar/nyse.ts';
import { main } from '../src/cli/main.ts';
import { loadConfig, symbolRegistry } from '../src/config.ts';
import { renderDraft } from '../src/drafts/generate.ts';
import { chooseStories } from '../src/drafts/select.ts';
import { factGroupsFor, storiesFor } from '../src/drafts/stories/index.ts';
import { TemplateLibrary } from '../src/drafts/templates.ts';
import { buildFactSet, FactSetBuilder } from '../src/facts/build.ts';
import { importCsvFile } from '../src/fetchers/csv-import.ts';
import { writeFileAtomic } from '../src/io/atomic-write.ts';
import { subjectLexicon } from '../src/language/subjects.ts';
import { checkText } from '../src/review/check.ts';
import { MarketStore } from '../src/store/market-store.ts';
import { type BenchResult, measureInto, printResults } from './results-table.ts';

const MARKET = fileURLToPath(new URL('../../shared/data/market/', import.meta.url));
const RESULTS = fileURLToPath(new URL('./results/', import.meta.url));
const registry = symbolRegistry(loadConfig({}, {}, tmpdir()));

const results: BenchResult[] = [];

const measure = measureInto(results);

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

// 2. All facts for one as-of over full history, store already open: every configured series,
// yields, the Fed, IWM (issue 4 budget: under 100 ms).
const { dir: storeDir, store } = tempStore();
for (const f of ['RUT.csv', 'GSPC.csv', 'NDX.csv', 'IWM_to2025-09.csv', 'FRED_rates.csv']) {
  importCsvFile(join(MARKET, f), store, registry);
}
for (const f of readdirSync(join(MARKET, 'ZQ'))) importCsvFile(join(MARKET, 'ZQ', f), store, registry);
const config = loadConfig({}, {}, tmpdir());
const factOptions = {
  indexes: config.indexes,
  benchmark: config.benchmark,
  registry,
  signals: config.signals,
};
await measure(
  'stats: all facts at 2025-09-18, full history, all series (budget 100 ms)',
  7,
  () => buildFactSet(store, { ...factOptions, asOf: '2025-09-18' }),
  (_ms, set) => `${Object.keys((set as { facts: object }).facts).length} facts`,
);

// 3. Backfill: every fact of RUT (vs SPX, with yields and the Fed) at every session 1988-2025,
// and the same over a half and a quarter of the sessions, to show the cost grows linearly
// (issue 4 budget: under 30 s).
const sessions = sessionsBetween('1988-01-04', '2025-12-31');
for (const share of [0.25, 0.5, 1]) {
  const some = sessions.slice(0, Math.floor(sessions.length * share));
  await measure(
    `backfill: every RUT session 1988-2025 × ${share} (budget 30 s)`,
    share === 1 ? 3 : 3,
    () => {
      const builder = new FactSetBuilder(store, { ...factOptions, indexes: ['RUT'], through: some.at(-1)! });
      let facts = 0;
      for (const asOf of some) facts += Object.keys(builder.at(asOf).facts).length;
      return facts;
    },
    (ms, facts) =>
      `${some.length.toLocaleString('en-US')} sessions, ${Number(facts).toLocaleString('en-US')} facts, ${round((ms / some.length) * 1000)} µs/session`,
  );
}

// 3b. A year of drafts: every story that applies, rendered for each of the 250 sessions of 2025
// in one process (issues 5 and 11 budget: the whole year under 5 s), facts included. FactSets
// come from one builder, as a backfill would, of the fact groups the stories read (issue
// 14), as `draft` builds them. Bodies that print a figure a third time are
// rendered again (style/repetition.ts), so this counts those renderings too.
{
  const year = sessionsBetween('2025-01-02', '2025-12-31').slice(0, 250);
  const templates = new TemplateLibrary(fileURLToPath(new URL('../templates/', import.meta.url)));
  const stories = storiesFor(config.stories, config.signals);
  const groups = factGroupsFor(stories, config.indexes);
  await measure(
    'year of drafts: every applicable story for 250 sessions of 2025, one process (budget 5 s)',
    3,
    () => {
      const builder = new FactSetBuilder(store, { ...factOptions, through: year.at(-1)!, groups });
      let drafts = 0;
      for (const asOf of year) {
        const factSet = builder.at(asOf);
        for (const choice of chooseStories(factSet, stories, config.stories, { all: true })) {
          renderDraft(choice, factSet, {
            templates,
            registry,
            publication: config.publication,
            settings: config.stories,
            generatorVersion: 'bench',
          });
          drafts++;
        }
      }
      return drafts;
    },
    (ms, drafts) => `${drafts} drafts, ${Math.round((Number(drafts) / ms) * 1000)} drafts/s`,
  );

  // 3c. The review check, claim rules included, on one draft and on 500 (issue 12 budget:
  // under 50 ms per draft). The drafts are real ones of 2025, every story that applied.
  const texts: string[] = [];
  const builder = new FactSetBuilder(store, { ...factOptions, through: year.at(-1)! });
  for (const asOf of year) {
    const factSet = builder.at(asOf);
    for (const choice of chooseStories(factSet, stories, config.stories, { all: true })) {
      const context = {
        templates,
        registry,
        publication: config.publication,
        settings: config.stories,
        generatorVersion: 'bench',
      };
      texts.push(renderDraft(choice, factSet, context).text);
    }
    if (texts.length >= 500) break;
  }
  const checkOptions = {
    disclaimer: config.publication.disclaimer,
    legalText: [config.publication.forwardReturnsDisclaimer],
    freshness: { lead: 'RUT', latestSession: undefined },
    subjects: { registry, lexicon: subjectLexicon(registry) },
  };
  let claimErrors = 0;
  for (const n of [1, 500]) {
    // 2025 gives some 400 drafts: the 500 go round them again.
    const some = Array.from({ length: n }, (_, i) => texts[i % texts.length]!);
    await measure(
      `check: ${n} draft${n === 1 ? '' : 's'} of 2025, every rule (budget 50 ms per draft)`,
      n === 1 ? 7 : 3,
      async () => {
        for (const [i, text] of some.entries()) {
          const { file } = await checkText(text, `draft-${i}.md`, checkOptions);
          claimErrors += file.messages.filter((m) => String(m.ruleId).startsWith('claim-') && m.fatal).length;
        }
        return some.length;
      },
      (ms, count) =>
        `${round(ms / Number(count))} ms per draft; claim errors on generated drafts: ${claimErrors}`,
    );
  }
}

// 3d. The CLI over a span (issue 14): `wirecopy draft --from --to --all` for 2025 in one process,
// every story of every session written to content/drafts/ (the gate once; --force because IWM's
// file ends in September 2025), and `wirecopy stats --from --to --json` over the same year.
// Budget: 10 s for the year of drafts.
{
  const cli = async (args: string[]) => {
    const dir = mkdtempSync(join(tmpdir(), 'wirecopy-bench-span-'));
    let lines = 0;
    const code = await main(
      ['--store', join(storeDir, 'market.db'), '--content', join(dir, 'content'), ...args],
      {
        cwd: dir,
        env: { WIRECOPY_TODAY: '2026-11-21' },
        now: () => new Date(),
        io: { out: () => lines++, err: () => {} },
      },
    );
    rmSync(dir, { recursive: true });
    return { code, lines };
  };
  await measure(
    'wirecopy draft --from 2025-01-01 --to 2025-12-31 --all: a year of drafts written (budget 10 s)',
    3,
    () => cli(['draft', '--from', '2025-01-01', '--to', '2025-12-31', '--all', '--force']),
    (_ms, last) => {
      const { code, lines } = last as { code: number; lines: number };
      return `exit ${code}, ${lines} lines printed (a line per draft)`;
    },
  );
  await measure(
    'wirecopy stats --from 2025-01-01 --to 2025-12-31 --json: every fact of every session',
    3,
    () => cli(['stats', '--from', '2025-01-01', '--to', '2025-12-31', '--json']),
    (ms, last) => {
      const { code, lines } = last as { code: number; lines: number };
      return `exit ${code}, ${lines} sessions, ${round(ms / lines)} ms/session`;
    },
  );
}
store.close();

// 4. The demo generator alone: 11 series over every NYSE session since 1990.
{
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

// 7. The desk (issue 15): start-up, the editor page's weight, the live check per keystroke batch.
{
  const { deskFigures } = await import('./desk.ts');
  await deskFigures(measure, MARKET);
}

// 6. Peak memory of `wirecopy fetch` against an endless 200 answer (issue 16: it reached 7.7 GB
// before the answer cap; a child process, so the figure is the fetch's own).
{
  const { endlessFetch } = await import('./fetch-memory.ts');
  await measure(
    'fetch: an endless 200 answer, peak memory of the child process',
    1,
    () => endlessFetch(),
    (_ms, last) => {
      const r = last as Awaited<ReturnType<typeof endlessFetch>>;
      return `max RSS ${r.maxRssMb} MB, ${r.sentMb} MB sent before the cap, exit ${r.exitCode}`;
    },
  );
}

printResults(results);
mkdirSync(RESULTS, { recursive: true });
const record = {
  at: new Date().toISOString(),
  node: process.version,
  cpus: (await import('node:os')).cpus().length,
  results,
};
writeFileAtomic(join(RESULTS, 'latest.json'), `${JSON.stringify(record, null, 2)}\n`);
console.log(`\nwritten ${join(RESULTS, 'latest.json')}`);
