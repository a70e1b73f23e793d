/**
 * Regenerates the site's fixture articles from real drafts: imports ../shared/data/market
 * (Russell 2000, S&P 500), writes the drafts of a few sessions plus one demo draft, adds each a
 * chart snapshot, and marks them published as `approve` would. Run by hand, never by the tests:
 *
 *   node test/site/regenerate-fixtures.ts
 *
 * Hand-written fixtures (the rejected and draft pieces, the newsletter, the bad article) are left
 * alone. Published fixtures keep their generator content hash, which no longer matches: fine for
 * published articles, which are never regenerated.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import matter from 'gray-matter';
import { main } from '../../src/cli/main.ts';
import { chartSnapshot } from '../../src/content/chart-snapshot.ts';
import { MarketStore } from '../../src/store/market-store.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const MARKET = resolve(ROOT, '../shared/data/market');
const OUT = join(ROOT, 'test/fixtures/site/content/articles');
const NAMES = { RUT: 'Russell 2000', SPX: 'S&P 500' };

/** [as-of, stories to keep, whether to give it a chart]: one piece stays chartless on purpose. */
const REAL: Array<[string, string[], boolean]> = [
  ['2025-11-28', ['small-cap-rally', 'weekly-recap', 'pattern-study'], true],
  ['2025-09-18', ['record-high'], true],
  ['2025-04-30', ['monthly-recap'], false],
];

async function cli(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
  const lines: string[] = [];
  const io = { out: (t: string) => lines.push(t), err: (t: string) => lines.push(t) };
  const code = await main(args, { cwd, env: { ...env }, io, now: () => new Date() });
  if (code !== 0) throw new Error(`wirecopy ${args.join(' ')} exited ${code}:\n${lines.join('\n')}`);
}

function publish(draftPath: string, store: MarketStore | undefined, withChart: boolean, at: string): void {
  const { data, content } = matter(readFileSync(draftPath, 'utf8'));
  // A draft that carries its chart (the CLI cuts one, the rates piece's with the 2-year yield)
  // keeps it; the others get the lead index against the benchmark.
  if (withChart && store && !data['chart']) {
    const series = (['RUT', 'SPX'] as const).map((key) => {
      const s = store.loadSeries(key, data['asOf']);
      if (!s) throw new Error(`no ${key} in the store`);
      return { symbol: key, name: NAMES[key], dates: s.dates, closes: s.closes };
    });
    const chart = chartSnapshot({ story: data['story'], asOf: data['asOf'], series });
    if (chart) data['chart'] = chart;
  }
  data['status'] = 'published';
  data['review'] = { by: 'Fixture Editor', at, checks: 'passed: 0 errors (fixture)' };
  const name = draftPath.split('/').at(-1)!;
  writeFileSync(join(OUT, name), matter.stringify(content, data, { lineWidth: -1 } as never));
  console.log(`wrote ${join(OUT, name)}`);
}

const work = mkdtempSync(join(tmpdir(), 'wirecopy-site-fixtures-'));
try {
  mkdirSync(OUT, { recursive: true });
  const real = join(work, 'real');
  mkdirSync(real);
  await cli(real, ['import', join(MARKET, 'RUT.csv'), join(MARKET, 'GSPC.csv')]);
  const store = MarketStore.open(join(real, '.wirecopy/market.db'));
  for (const [asOf, stories, withChart] of REAL) {
    await cli(real, ['draft', '--as-of', asOf, '--all']);
    for (const story of stories) {
      publish(join(real, 'content/drafts', `${asOf}-${story}.md`), store, withChart, `${asOf}T22:30:00.000Z`);
    }
  }
  store.close();

  const demo = join(work, 'demo');
  mkdirSync(demo);
  await cli(demo, ['run'], { WIRECOPY_TODAY: '2026-11-21' });
  const demoStore = MarketStore.open(join(demo, '.wirecopy/market.db'));
  // Whichever story the demo session leads with: the fixture only needs one demo piece.
  const [demoDraft] = readdirSync(join(demo, 'content/drafts')).filter((f) => f.endsWith('.md'));
  if (!demoDraft) throw new Error('wirecopy run wrote no demo draft');
  publish(join(demo, 'content/drafts', demoDraft), demoStore, true, '2026-11-20T22:30:00.000Z');
  demoStore.close();
} finally {
  rmSync(work, { recursive: true, force: true });
}
