/**
 * Site build time: the wirecopy site (schema, charts, OG images, Pagefind) on 1,000 generated
 * articles, side by side with a bare Astro site (glob loader, one page per article, nothing else)
 * built from the same 1,000 markdown files in the same run. Prints both, their ratio with and
 * without Pagefind's indexing (a step bare Astro does not have, reported apart), each build's
 * peak memory and its ratio, and writes bench/results/site.json. The articles get their Open
 * Graph images as `approve` makes them (`<id>.og.png` beside each), outside the timed builds:
 * a published piece carries its image. Each pass runs BENCH_SITE_ROUNDS times (3 unless set), bare
 * and wirecopy one after the other, and the table gives every round and each column's median: on a
 * shared machine one pair can be 15% off the next. Run with `node bench/site.ts [count]`;
 * asserts nothing.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import matter from 'gray-matter';
import { loadConfig } from '../src/config.ts';
import { writeFileAtomic } from '../src/io/atomic-write.ts';
import { type BuildResult, buildSite, SITE_ROOT } from '../src/site/astro-run.ts';
import { writeArticleOgImage } from '../src/site/og-file.ts';

const COUNT = Number(process.argv[2] ?? 1000);
const ROUNDS = Math.max(1, Number(process.env['BENCH_SITE_ROUNDS'] ?? 3));
const RESULTS = join(SITE_ROOT, 'bench/results');
const FIXTURES = join(SITE_ROOT, 'test/fixtures/site/content/articles');

/**
 * `count` published articles made from the fixtures, one as-of date each (a day apart), each
 * with its Open Graph image beside it, as `approve` stores it (drawn here, before any timing).
 */
async function writeArticles(dir: string, count: number): Promise<void> {
  const publication = loadConfig({}, {}, SITE_ROOT).publication.name;
  const bases = readdirSync(FIXTURES)
    .map((f) => matter(readFileSync(join(FIXTURES, f), 'utf8')))
    .filter((m) => m.data['status'] === 'published');
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const base = bases[i % bases.length]!;
    const asOf = new Date(Date.UTC(2026, 0, 1) - i * 86_400_000).toISOString().slice(0, 10);
    const data = { ...base.data, asOf, date: asOf, title: `${base.data['title']} (${asOf})` };
    const path = join(dir, `${asOf}-${base.data['slug']}.md`);
    // A line of its own in each body, so no build step can answer a piece from another with the
    // same text (the fixtures are a handful of bodies): each is rendered and sanitized as a real one.
    writeFileSync(
      path,
      matter.stringify(`${base.content}\nPiece ${i + 1} of ${count}, data as of ${asOf}.\n`, data),
    );
    await writeArticleOgImage(path, publication);
  }
}

/** The bare site: Astro's glob loader and one page per entry, as its docs show it. */
function writeBareSite(root: string, articles: string): void {
  mkdirSync(join(root, 'src/pages/articles'), { recursive: true });
  writeFileSync(
    join(root, 'astro.config.mjs'),
    // The same cookie fix as the wirecopy config: without it no Astro site builds in this tree.
    `export default { vite: { environments: { prerender: { resolve: { noExternal: ['cookie'] } } } } };\n`,
  );
  writeFileSync(
    join(root, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
const articles = defineCollection({ loader: glob({ pattern: '*.md', base: ${JSON.stringify(articles)}, generateId: ({ entry }) => entry.replace(/\\.md$/, '') }) });
export const collections = { articles };
`,
  );
  writeFileSync(
    join(root, 'src/pages/index.astro'),
    `---
import { getCollection } from 'astro:content';
const articles = await getCollection('articles');
---
<html lang="en"><head><meta charset="utf-8"><title>Articles</title></head>
<body><ul>{articles.map((a) => <li><a href={\`/articles/\${a.id}/\`}>{a.data.title}</a></li>)}</ul></body></html>
`,
  );
  writeFileSync(
    join(root, 'src/pages/articles/[id].astro'),
    `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  return (await getCollection('articles')).map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html lang="en"><head><meta charset="utf-8"><title>{entry.data.title}</title></head>
<body><h1>{entry.data.title}</h1><Content /></body></html>
`,
  );
}

function pages(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).length;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const round2 = (n: number) => Math.round(n * 100) / 100;

function check(name: string, result: BuildResult): void {
  if (!result.ok) throw new Error(`The ${name} build failed:\n${result.output.slice(-3000)}`);
}

interface Run {
  pass: 'cold' | 'warm';
  round: number;
  bareMs: number;
  wirecopyMs: number;
  pagefindMs: number;
  ratio: number;
  ratioWithoutPagefind: number;
  barePeakMiB: number;
  wirecopyPeakMiB: number;
  memoryRatio: number;
}

const RSS_HOOK = pathToFileURL(join(SITE_ROOT, 'bench/max-rss.mjs')).href;

/** A build with its peak memory: the largest of its Node processes' peak resident sets. */
async function measuredBuild(
  outDir: string,
  options: Parameters<typeof buildSite>[1],
): Promise<BuildResult & { peakMiB: number; pagefindMs: number }> {
  const rssFile = join(work, `rss-${Math.random().toString(36).slice(2)}.txt`);
  const result = await buildSite(outDir, {
    ...options,
    env: {
      ...options?.env,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${RSS_HOOK}`.trim(),
      WIRECOPY_BENCH_RSS_FILE: rssFile,
    },
  });
  let peakKb = 0;
  try {
    for (const line of readFileSync(rssFile, 'utf8').split('\n'))
      peakKb = Math.max(peakKb, Number(line) || 0);
  } catch {
    // No Node process reported (it crashed before exit): the build check says why.
  }
  const pagefind = /Pagefind indexed \d+ pages in (\d+) ms/.exec(result.output);
  return { ...result, peakMiB: peakKb / 1024, pagefindMs: pagefind ? Number(pagefind[1]) : 0 };
}

mkdirSync(RESULTS, { recursive: true });
const work = mkdtempSync(join(RESULTS, 'site-bench-'));
const cacheParent = mkdtempSync(join(tmpdir(), 'wirecopy-site-bench-cache-'));
try {
  const content = join(work, 'content');
  const drawing = performance.now();
  await writeArticles(join(content, 'articles'), COUNT);
  console.log(
    `Drew ${COUNT} Open Graph images, as approve does, in ${seconds(performance.now() - drawing)} (not timed below).`,
  );
  const bare = join(work, 'bare');
  writeBareSite(bare, join(content, 'articles'));

  // Cold: no cache and no earlier output, as in CI. Warm: the same build again with the caches
  // the first one left, as a daily rebuild finds them (there, only the new pieces would miss).
  const bareOut = join(bare, 'dist');
  const siteOut = join(work, 'wirecopy-dist');
  const runs: Run[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const cache = join(cacheParent, `round-${round}`);
    for (const dir of [bareOut, siteOut, join(bare, 'node_modules'), join(bare, '.astro')])
      rmSync(dir, { recursive: true, force: true });
    for (const pass of ['cold', 'warm'] as const) {
      const bareBuild = await measuredBuild(bareOut, { root: bare });
      check('bare Astro', bareBuild);
      const siteBuild = await measuredBuild(siteOut, {
        content,
        cacheDir: cache,
        env: { WIRECOPY_SITE_DEMO: '1' },
      });
      check('wirecopy', siteBuild);
      runs.push({
        pass,
        round,
        bareMs: Math.round(bareBuild.milliseconds),
        wirecopyMs: Math.round(siteBuild.milliseconds),
        pagefindMs: siteBuild.pagefindMs,
        ratio: round2(siteBuild.milliseconds / bareBuild.milliseconds),
        ratioWithoutPagefind: round2(
          (siteBuild.milliseconds - siteBuild.pagefindMs) / bareBuild.milliseconds,
        ),
        barePeakMiB: Math.round(bareBuild.peakMiB),
        wirecopyPeakMiB: Math.round(siteBuild.peakMiB),
        memoryRatio: round2(siteBuild.peakMiB / bareBuild.peakMiB),
      });
    }
  }
  // Per pass, each column's median over the rounds (bare Astro's first build in a fresh folder
  // peaks at 3.3 GB, once: one round's outlier moves no median), and the range of the ratio
  // without Pagefind, the comparison the budget is for.
  const medians = (['cold', 'warm'] as const).map((pass) => {
    const rounds = runs.filter((r) => r.pass === pass);
    const median = (field: Exclude<keyof Run, 'pass' | 'round'>) => {
      const sorted = rounds.map((r) => r[field]).sort((a, b) => a - b);
      return sorted[Math.floor((sorted.length - 1) / 2)]!;
    };
    const ratios = rounds.map((r) => r.ratioWithoutPagefind).sort((a, b) => a - b);
    return {
      pass,
      round: 0,
      bareMs: median('bareMs'),
      wirecopyMs: median('wirecopyMs'),
      pagefindMs: median('pagefindMs'),
      ratio: median('ratio'),
      ratioWithoutPagefind: median('ratioWithoutPagefind'),
      barePeakMiB: median('barePeakMiB'),
      wirecopyPeakMiB: median('wirecopyPeakMiB'),
      memoryRatio: median('memoryRatio'),
      range: [ratios[0]!, ratios.at(-1)!] as const,
    };
  });

  console.log(
    `Site build, ${COUNT} articles (${pages(bareOut)} bare pages, ${pages(siteOut)} wirecopy pages):`,
  );
  const header = [
    'pass',
    'bare Astro',
    'wirecopy',
    'Pagefind',
    'ratio',
    'w/o Pagefind',
    'bare peak',
    'wc peak',
    'mem ratio',
  ];
  console.log(`  ${header.map((h, i) => (i === 0 ? h.padEnd(9) : h.padStart(12))).join(' ')}`);
  const rows = [
    ...runs.map((run) => ({ label: `${run.pass} ${run.round}`, run })),
    ...medians.map((run) => ({ label: `${run.pass} med`, run })),
  ];
  for (const { label, run } of rows) {
    const cells = [
      seconds(run.bareMs),
      seconds(run.wirecopyMs),
      seconds(run.pagefindMs),
      `${run.ratio.toFixed(2)}×`,
      `${run.ratioWithoutPagefind.toFixed(2)}×`,
      `${run.barePeakMiB} MiB`,
      `${run.wirecopyPeakMiB} MiB`,
      `${run.memoryRatio.toFixed(2)}×`,
    ];
    console.log(`  ${label.padEnd(9)} ${cells.map((c) => c.padStart(12)).join(' ')}`);
  }
  for (const { pass, range } of medians)
    console.log(
      `  ${pass}: ratio w/o Pagefind ${range[0].toFixed(2)}×–${range[1].toFixed(2)}× over ${ROUNDS} rounds; "med" rows: each column's median`,
    );
  console.log(
    '  bare: glob loader + one markdown page each; wirecopy: schema, charts, OG PNGs (stored with each piece), tags, archive, RSS, Pagefind',
  );
  console.log(
    '  ratio w/o Pagefind: (wirecopy − Pagefind indexing) / bare; peak: largest Node process RSS of the build',
  );
  writeFileAtomic(
    join(RESULTS, 'site.json'),
    `${JSON.stringify({ articles: COUNT, rounds: ROUNDS, at: new Date().toISOString(), medians: medians.map(({ range: _, ...m }) => m), runs }, null, 2)}\n`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
  rmSync(cacheParent, { recursive: true, force: true });
}
