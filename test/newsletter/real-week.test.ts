/**
 * The default issue of a real week: the Russell 2000, S&P 500, Nasdaq-100 and FRED files of
 * ../shared/data/market imported, every story of each session of Nov. 24–28, 2025 drafted
 * (`draft --all`, 14 pieces) and approved, then `wirecopy newsletter`. The email must fit
 * under Gmail's clip with room to spare, and a site build afterwards must leave the export
 * in place and publish the archive page. Skips, saying so, without the market files.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { GMAIL_CLIP_BYTES, SIZE_WARNING_BYTES } from '../../src/newsletter/checks.ts';
import { buildSite, SITE_ROOT } from '../../src/site/astro-run.ts';
import { HAS_MARKET_DATA, MARKET_DATA, NO_MARKET_DATA_REASON } from '../support/cli.ts';

const TODAY = '2025-12-03';
const SESSIONS = ['2025-11-24', '2025-11-25', '2025-11-26', '2025-11-28'];
const ISSUE = '2025-w48';

if (!HAS_MARKET_DATA) console.warn(NO_MARKET_DATA_REASON);

describe.skipIf(!HAS_MARKET_DATA)('the default issue of a real week (Nov. 24–30, 2025)', () => {
  // Inside the repository, like every site build (see buildSite): the project folder of a desk.
  let project: string;
  let exportDir: string;
  let newsletter: { code: number; out: string };

  async function wirecopy(args: string[]): Promise<{ code: number; out: string }> {
    const lines: string[] = [];
    const code = await main(args, {
      cwd: project,
      env: { WIRECOPY_TODAY: TODAY, WIRECOPY_ALLOW_FUTURE_ROWS: '1' },
      now: () => new Date(`${TODAY}T12:00:00Z`),
      io: { out: (t) => lines.push(t), err: (t) => lines.push(t) },
    });
    return { code, out: lines.join('\n') };
  }

  beforeAll(async () => {
    mkdirSync(join(SITE_ROOT, 'test/artifacts'), { recursive: true });
    project = mkdtempSync(join(SITE_ROOT, 'test/artifacts/real-week-'));
    exportDir = join(project, '.wirecopy', 'newsletter', ISSUE);
    writeFileSync(
      join(project, 'wirecopy.config.json'),
      JSON.stringify({
        publication: { name: 'Small Cap Desk', siteUrl: 'https://news.example' },
        newsletter: { postalAddress: '100 Main St., New York, NY 10001' },
      }),
    );
    const files = ['RUT.csv', 'GSPC.csv', 'NDX.csv', 'FRED_rates.csv'].map((f) => join(MARKET_DATA, f));
    expect((await wirecopy(['import', ...files])).code).toBe(0);
    for (const asOf of SESSIONS) expect((await wirecopy(['draft', '--all', '--as-of', asOf])).code).toBe(0);
    const drafts = readdirSync(join(project, 'content/drafts')).filter((f) => f.endsWith('.md'));
    expect(drafts).toHaveLength(14);
    for (const draft of drafts) {
      const approved = await wirecopy([
        'approve',
        `content/drafts/${draft}`,
        '--by',
        'Test Editor',
        '--max-age',
        '60',
      ]);
      expect(approved.code, approved.out).toBe(0);
    }
    newsletter = await wirecopy(['newsletter']);
  }, 120_000);

  afterAll(() => {
    if (project) rmSync(project, { recursive: true, force: true });
  });

  it('fits under the size warning, far below Gmail’s 102 KB clip, and passes its checks', () => {
    expect(newsletter.code, newsletter.out).toBe(0);
    const bytes = statSync(join(exportDir, 'email.html')).size;
    console.log(`real week ${ISSUE}: email.html ${bytes} bytes (${(bytes / 1024).toFixed(1)} KB)`);
    // Room to spare: under the 90 KB warning, so quoted-printable's few percent never reach the clip.
    expect(bytes).toBeLessThan(SIZE_WARNING_BYTES);
    expect(bytes).toBeLessThan(GMAIL_CLIP_BYTES / 2);
    expect(newsletter.out).not.toMatch(/warning (email-size|subject-length)/);
  });

  it('carries one of the three identical pattern-study headlines (the newest) and says which it left out', () => {
    const meta = JSON.parse(readFileSync(join(exportDir, 'meta.json'), 'utf8'));
    const ids: string[] = meta.articles.map((a: { id: string }) => a.id);
    expect(ids.filter((id) => id.endsWith('pattern-study'))).toEqual(['2025-11-28-pattern-study']);
    expect(ids).toHaveLength(12); // 14 approved, two repeated headlines left out
    expect(newsletter.out).toContain(
      'left out: 2025-11-26-pattern-study (same headline as 2025-11-28-pattern-study)',
    );
    // No table twice: the pieces of one session chart the same closes, and only the first shows them.
    const html = readFileSync(join(exportDir, 'email.html'), 'utf8');
    const tables = [...html.matchAll(/<table(?![^>]*role="presentation")[^>]*>([\s\S]*?)<\/table>/g)].map(
      (m) => m[1]!.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' '),
    );
    expect(tables.length).toBeGreaterThan(0);
    expect(tables.length).toBeLessThan(ids.length);
    expect(new Set(tables).size).toBe(tables.length);
  });

  it('a site build after the export leaves the export in place and publishes the archive page', async () => {
    const before = Object.fromEntries(
      readdirSync(exportDir).map((f) => [f, readFileSync(join(exportDir, f), 'utf8')]),
    );
    const dist = join(project, 'dist');
    const built = await buildSite(dist, {
      content: join(project, 'content'),
      cacheDir: join(project, '.astro-cache'),
      // The desk's config, with its real address: a publication build refuses the placeholder.
      env: { WIRECOPY_CONFIG: join(project, 'wirecopy.config.json') },
    });
    expect(built.ok, built.output.slice(-2000)).toBe(true);
    for (const [file, text] of Object.entries(before)) {
      expect(readFileSync(join(exportDir, file), 'utf8'), file).toBe(text);
    }
    const archive = readFileSync(join(dist, 'newsletter', ISSUE, 'index.html'), 'utf8');
    expect(archive).toContain('href="/articles/2025-11-28-pattern-study/"');
    expect(archive).not.toContain('https://news.example/articles/');
    // Each of the 12 pieces the issue carries is linked from its body, by its headline and its
    // "Read the full piece" line (render-markdown.ts), and not listed a second time below.
    const meta = JSON.parse(readFileSync(join(exportDir, 'meta.json'), 'utf8'));
    for (const { id } of meta.articles as { id: string }[]) {
      expect(archive, id).toMatch(new RegExp(`<h2[^>]*><a href="/articles/${id}/"`));
      expect(archive.split(`href="/articles/${id}/"`).length - 1, id).toBe(2);
    }
    expect(archive).not.toContain('In this issue');
    expect(existsSync(join(dist, 'articles', '2025-11-28-pattern-study', 'index.html'))).toBe(true);
  }, 300_000);
});
