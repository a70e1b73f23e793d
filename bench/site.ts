/**
 * Site build time: the wirecopy site (schema, charts, OG images, Pagefind) on 1,000 generated
 * articles, side by side with a bare Astro site (glob loader, one page per article, nothing else)
 * built from the same 1,000 markdown files in the same run. Prints both and the ratio, and
 * writes bench/results/site.json. Run with `node bench/site.ts [count]`; asserts nothing.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import matter from 'gray-matter';
import { writeFileAtomic } from '../src/io/atomic-write.ts';
import { type BuildResult, buildSite, SITE_ROOT } from '../src/site/astro-run.ts';

const COUNT = Number(process.argv[2] ?? 1000);
const RESULTS = join(SITE_ROOT, 'bench/results');
const FIXTURES = join(SITE_ROOT, 'test/fixtures/site/content/articles');

/** `count` published articles made from the fixtures, one as-of date each (a day apart). */
function writeArticles(dir: string, count: number): void {
  const bases = readdirSync(FIXTURES)
    .map((f) => matter(readFileSync(join(FIXTURES, f), 'utf8')))
    .filter((m) => m.data['status'] === 'published');
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const base = bases[i % bases.length]!;
    const asOf = new Date(Date.UTC(2026, 0, 1) - i * 86_400_000).toISOString().slice(0, 10);
    const data = { ...base.data, asOf, date: asOf, title: `${base.data['title']} (${asOf})` };
    writeFileSync(join(dir, `${asOf}-${base.data['slug']}.md`), matter.stringify(base.content, data));
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

function check(name: string, result: BuildResult): void {
  if (!result.ok) throw new Error(`The ${name} build failed:\n${result.output.slice(-3000)}`);
}

mkdirSync(RESULTS, { recursive: true });
const work = mkdtempSync(join(RESULTS, 'site-bench-'));
const cache = mkdtempSync(join(tmpdir(), 'wirecopy-site-bench-cache-'));
try {
  const content = join(work, 'content');
  writeArticles(join(content, 'articles'), COUNT);
  const bare = join(work, 'bare');
  writeBareSite(bare, join(content, 'articles'));

  // Cold: fresh caches, as in CI. Warm: the same build again with the caches the first one left,
  // as a daily rebuild finds them (there, only the new pieces would miss the cache).
  const bareOut = join(bare, 'dist');
  const siteOut = join(work, 'wirecopy-dist');
  const runs = [];
  for (const pass of ['cold', 'warm'] as const) {
    const bareBuild = await buildSite(bareOut, { root: bare });
    check('bare Astro', bareBuild);
    const siteBuild = await buildSite(siteOut, {
      content,
      cacheDir: cache,
      env: { WIRECOPY_SITE_DEMO: '1' },
    });
    check('wirecopy', siteBuild);
    runs.push({
      pass,
      bareMs: Math.round(bareBuild.milliseconds),
      wirecopyMs: Math.round(siteBuild.milliseconds),
    });
  }

  console.log(
    `Site build, ${COUNT} articles (${pages(bareOut)} bare pages, ${pages(siteOut)} wirecopy pages):`,
  );
  console.log(
    `  ${'pass'.padEnd(6)} ${'bare Astro'.padStart(12)} ${'wirecopy'.padStart(12)} ${'ratio'.padStart(8)}`,
  );
  for (const run of runs) {
    const ratio = run.wirecopyMs / run.bareMs;
    console.log(
      `  ${run.pass.padEnd(6)} ${seconds(run.bareMs).padStart(12)} ${seconds(run.wirecopyMs).padStart(12)} ${`${ratio.toFixed(2)}×`.padStart(8)}`,
    );
  }
  console.log(
    '  bare: glob loader + one markdown page each; wirecopy: schema, charts, OG PNGs, tags, archive, RSS, Pagefind',
  );
  writeFileAtomic(
    join(RESULTS, 'site.json'),
    `${JSON.stringify({ articles: COUNT, at: new Date().toISOString(), runs }, null, 2)}\n`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
}
