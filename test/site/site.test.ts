/**
 * The published site, built once from the fixture articles (test/fixtures/site/content): what a
 * reader finds on it, in headless Chromium, and what it must not contain. The page budgets are
 * written to test/artifacts/site-budgets.json for the record.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import matter from 'gray-matter';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { articleId } from '../../src/content/article-id.ts';
import { tagSlug } from '../../src/site/article-index.ts';
import type { InPage } from './in-page.ts';
import {
  ARTIFACTS,
  type BuiltSite,
  buildFixtureSite,
  FIXTURE_CONTENT,
  FIXTURE_PUBLICATION,
  fixturePieces,
  hasChromium,
  launchChromium,
  NEEDS_CHROMIUM,
  SITE_URL,
} from './site-fixture.ts';
import { type StaticServer, serveStatic } from './static-server.ts';

const ARTICLE_BUDGET_BYTES = 60 * 1024;
const all = fixturePieces('articles');
const published = all.filter((p) => p.status === 'published');
const unpublished = [...all.filter((p) => p.status !== 'published'), ...fixturePieces('drafts')];
const rally = published.find((p) => p.id === '2025-11-28-small-cap-rally')!;
const demo = published.find((p) => p.dataset === 'demo')!;
const disclaimer = loadConfig().publication.disclaimer;

let site: BuiltSite;

beforeAll(async () => {
  site = await buildFixtureSite('published', FIXTURE_CONTENT);
  if (!site.ok) throw new Error(`The fixture site did not build:\n${site.output}`);
}, 120_000);

afterAll(() => site?.remove());

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile());
}

describe('the built site', () => {
  it('has a page for every published fixture and none for drafts or rejected pieces', () => {
    expect(published.length).toBeGreaterThanOrEqual(5);
    for (const piece of published) {
      expect(statSync(join(site.outDir, 'articles', piece.id, 'index.html')).isFile()).toBe(true);
    }
    const text = filesUnder(site.outDir)
      .filter((f) => /\.(html|xml)$/.test(f))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    for (const piece of unpublished) {
      expect(text, `${piece.file} (${piece.status}) leaked into the site`).not.toContain(piece.title);
    }
    expect(filesUnder(site.outDir).some((f) => relative(site.outDir, f).startsWith('drafts'))).toBe(false);
  });

  it('marks text for search on article pages only, the pages Pagefind is given', () => {
    // src/site/pagefind-integration.ts reads articles/**/*.html alone: a page elsewhere marked
    // for search would silently be left out of the index.
    const marked = filesUnder(site.outDir)
      .filter((f) => f.endsWith('.html') && readFileSync(f, 'utf8').includes('data-pagefind-body'))
      .map((f) => relative(site.outDir, f));
    expect(marked.sort()).toEqual(published.map((p) => join('articles', p.id, 'index.html')).sort());
  });

  it('ships no script on any article page (JSON-LD is data, not code)', () => {
    for (const piece of published) {
      const html = readFileSync(join(site.outDir, 'articles', piece.id, 'index.html'), 'utf8');
      const scripts = html.match(/<script[^>]*>/gi) ?? [];
      expect(scripts).toEqual(['<script type="application/ld+json">']);
    }
  });

  it('makes a 1200×630 PNG Open Graph image for every published piece', () => {
    for (const piece of published) {
      const png = readFileSync(join(site.outDir, 'og', `${piece.id}.png`));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    }
  });
});

describe.skipIf(!hasChromium)(NEEDS_CHROMIUM, () => {
  let browser: Browser;
  let server: StaticServer;
  /** One browser context per test: fresh cache, and its pages close with it. */
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await serveStatic(site.outDir);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext();
  });
  afterEach(() => context.close());

  async function open(path: string): Promise<Page> {
    page = await context.newPage();
    const response = await page.goto(server.url + path);
    expect(response?.status(), path).toBe(200);
    return page;
  }

  it('lists every published piece on the home page, newest first', async () => {
    const home = await open('/');
    const links = await home
      .locator('main .pieces h3 a')
      .evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href'), text: a.textContent })));
    expect(links.map((l) => l.text).sort()).toEqual(published.map((p) => p.title).sort());
    for (const piece of published) {
      expect(links).toContainEqual({ href: `/articles/${piece.id}/`, text: piece.title });
    }
    const asOfs = await home
      .locator('main .pieces time')
      .evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
    expect(asOfs).toEqual([...asOfs].sort().reverse());
    await home.screenshot({ path: join(ARTIFACTS, 'site-home.png'), fullPage: true });
  });

  it('shows an article with its chart, as-of stamp, disclaimer, sources and related pieces', async () => {
    const article = await open(`/articles/${rally.id}/`);
    await expect(article.locator('h1').textContent()).resolves.toBe(rally.title);
    await expect(article.locator('.stamp time.as-of').getAttribute('datetime')).resolves.toBe(rally.asOf);
    // Two drawings (wide and narrow), one shown per screen width; this is the desktop one.
    await expect(article.locator('figure.chart svg[role="img"]').count()).resolves.toBe(2);
    const chart = article.locator('figure.chart .chart-wide svg[role="img"]');
    await expect(chart.locator('title').textContent()).resolves.toContain('Russell 2000 vs S&P 500');
    await expect(chart.locator('desc').textContent()).resolves.toMatch(
      /the Russell 2000 (rose|fell) [\d.]+%/,
    );
    await expect(chart.locator('path').count()).resolves.toBe(2);
    // A five-session story shades its five sessions: the band starts at the sixth-last date.
    await expect(chart.locator('rect.chart-period').count()).resolves.toBe(1);
    await expect(article.locator('figure.chart tbody tr').count()).resolves.toBe(rally.chartDates);
    await expect(article.locator('main').innerText()).resolves.toContain(disclaimer);
    await expect(article.locator('#sources-heading + ul li').count()).resolves.toBe(2);
    const related = await article
      .locator('aside .pieces a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    // Related pieces share a topic; with "small caps" no longer on every piece the rally fixture
    // may have none, but each one listed links to a piece.
    for (const href of related) expect(href).toMatch(/^\/articles\/\d{4}-\d{2}-\d{2}-[a-z0-9-]+\/$/);
    await expect(article.locator('link[rel="canonical"]').getAttribute('href')).resolves.toBe(
      `${SITE_URL}/articles/${rally.id}/`,
    );
    await expect(article.locator('meta[property="og:image"]').getAttribute('content')).resolves.toBe(
      `${SITE_URL}/og/${rally.id}.png`,
    );
    await expect(article.locator('meta[name="twitter:card"]').getAttribute('content')).resolves.toBe(
      'summary_large_image',
    );
    await article.screenshot({ path: join(ARTIFACTS, 'site-article.png'), fullPage: true });
  });

  it('shows no chart for a piece without a snapshot', async () => {
    const chartless = published.find((p) => p.chartDates === 0)!;
    const article = await open(`/articles/${chartless.id}/`);
    await expect(article.locator('figure.chart').count()).resolves.toBe(0);
  });

  it('links each topic and archive month to a page that lists its pieces', async () => {
    const article = await open(`/articles/${rally.id}/`);
    const topic = article.locator('.tags a', { hasText: 'relative strength' });
    await topic.click();
    expect(new URL(page.url()).pathname).toBe(`/tags/${tagSlug('relative strength')}/`);
    await expect(page.locator('main .pieces a', { hasText: rally.title }).count()).resolves.toBe(1);

    await open('/tags/');
    const tags = new Set(published.flatMap((p) => p.tags.map(tagSlug)));
    const tagLinks = await page
      .locator('main li a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(new Set(tagLinks)).toEqual(new Set([...tags].map((t) => `/tags/${t}/`)));

    await open('/archive/');
    const months = [...new Set(published.map((p) => p.asOf.slice(0, 7)))].sort().reverse();
    const monthLinks = await page
      .locator('main li a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(monthLinks).toEqual(months.map((m) => `/archive/${m}/`));
    await page.locator('main li a', { hasText: 'November 2025' }).click();
    const listed = await page.locator('main .pieces h2 a').allTextContents();
    expect(listed.sort()).toEqual(
      published
        .filter((p) => p.asOf.startsWith('2025-11'))
        .map((p) => p.title)
        .sort(),
    );
  });

  it('finds an article by a word in its body, loading the search code only then', async () => {
    const scripts: string[] = [];
    const article = await context.newPage();
    article.on('request', (r) => scripts.push(r.url()));
    await article.goto(`${server.url}/articles/${rally.id}/`);
    await article.locator('#site-search').fill('pulled');
    expect(scripts.filter((u) => /\.(m?js|wasm)(\?|$)/.test(u))).toEqual([]);
    await article.locator('#site-search').press('Enter');
    await article.waitForURL(/\/search\/\?q=pulled/);
    const result = article.locator('#search-results a');
    await result.first().waitFor();
    await expect(result.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).resolves.toEqual([
      `/articles/${rally.id}/`,
    ]);
    await expect(article.locator('#search-status').textContent()).resolves.toContain('1 article found');
    expect(scripts.some((u) => u.includes('/pagefind/'))).toBe(true);
  });

  it('publishes an RSS feed and a sitemap that parse and list the published pieces only', async () => {
    const home = await open('/');
    const feed = await home.evaluate(async () => {
      const { DOMParser } = globalThis as unknown as InPage;
      const xml = new DOMParser().parseFromString(await (await fetch('/rss.xml')).text(), 'application/xml');
      return {
        error: xml.querySelector('parsererror')?.textContent ?? null,
        links: [...xml.querySelectorAll('item > link')].map((l) => l.textContent),
        content: [...xml.getElementsByTagName('content:encoded')].map((c) => c.textContent ?? ''),
      };
    });
    expect(feed.error).toBeNull();
    expect(feed.links.sort()).toEqual(published.map((p) => `${SITE_URL}/articles/${p.id}/`).sort());
    expect(feed.content.every((c) => c.includes('<p>') && !c.includes('<!--fact:'))).toBe(true);

    const urls = await home.evaluate(async () => {
      const { DOMParser } = globalThis as unknown as InPage;
      const parse = async (path: string) =>
        new DOMParser().parseFromString(await (await fetch(path)).text(), 'application/xml');
      const index = await parse('/sitemap-index.xml');
      const found: string[] = [];
      for (const loc of index.querySelectorAll('sitemap > loc')) {
        const sitemap = await parse(new URL(loc.textContent ?? '').pathname);
        found.push(...[...sitemap.querySelectorAll('url > loc')].map((l) => l.textContent ?? ''));
      }
      return found;
    });
    const articleUrls = urls.filter((u) => u.includes('/articles/'));
    expect(articleUrls.sort()).toEqual(published.map((p) => `${SITE_URL}/articles/${p.id}/`).sort());
    expect(urls.filter((u) => /\/(search|drafts|404)/.test(u))).toEqual([]);
  });

  it('publishes each newsletter issue with links to its pieces', async () => {
    const index = await open('/newsletter/');
    await index.locator('main .pieces a', { hasText: 'Small caps: the week to Nov. 28' }).click();
    expect(new URL(page.url()).pathname).toBe('/newsletter/2025-11-28/');
    const pieces = await page
      .locator('main .pieces h3 a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(pieces.sort()).toEqual([
      '/articles/2025-11-28-small-cap-rally/',
      '/articles/2025-11-28-weekly-recap/',
    ]);
  });

  it('puts a demo-data banner on demo pieces, and only on them', async () => {
    const demoPage = await open(`/articles/${demo.id}/`);
    await expect(demoPage.locator('.demo-banner').innerText()).resolves.toContain('Demo data');
    await open(`/articles/${rally.id}/`);
    await expect(page.locator('.demo-banner').count()).resolves.toBe(0);
    await open('/');
    await expect(page.locator('.pieces li', { hasText: demo.title }).locator('.badge').count()).resolves.toBe(
      1,
    );
  });

  it.each(['/', `/articles/${'2025-11-28-small-cap-rally'}/`, '/search/?q=surge', '/methodology/'])(
    'has no serious accessibility violations on %s (axe-core)',
    async (path) => {
      const checked = await open(path);
      await checked.addScriptTag({
        path: join(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'),
      });
      const violations = await checked.evaluate(async () => {
        const { axe } = globalThis as unknown as InPage;
        return (await axe.run()).violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          nodes: v.nodes.length,
        }));
      });
      expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
      recordBudget(`axe ${path}`, violations);
    },
  );

  it(`keeps an article page under ${ARTICLE_BUDGET_BYTES / 1024} KB transferred, with no JavaScript`, async () => {
    const article = await context.newPage();
    const responses: Array<{ url: string; bytes: number; type: string }> = [];
    article.on('response', async (r) => {
      const body = await r.body().catch(() => Buffer.alloc(0));
      responses.push({ url: r.url(), bytes: body.length, type: r.request().resourceType() });
    });
    await article.goto(
      `${server.url}/articles/${articleId({ asOf: '2025-11-28', slug: 'pattern-study' })}/`,
      {
        waitUntil: 'networkidle',
      },
    );
    const total = responses.filter((r) => !r.url.includes('/og/')).reduce((sum, r) => sum + r.bytes, 0);
    expect(responses.filter((r) => r.type === 'script')).toEqual([]);
    expect(total).toBeLessThanOrEqual(ARTICLE_BUDGET_BYTES);
    recordBudget('article page bytes (largest fixture, uncompressed)', { total, responses });
  });
  /**
   * Issue 13: every kind of page at a phone's and a desktop's width, light and dark. The fixture
   * config (test/fixtures/site/wirecopy.config.json) sets a sign-up endpoint, so the form shows.
   */
  describe('as readers meet it at 390 and 1280 px', () => {
    const PAGES: Array<[string, string, number]> = [
      ['home', '/', 200],
      ['article', `/articles/${rally.id}/`, 200],
      ['record article', '/articles/2025-09-18-record-high/', 200],
      ['rates article', '/articles/2026-11-20-rates-fed/', 200],
      ['tag', '/tags/relative-strength/', 200],
      ['archive', '/archive/2025-11/', 200],
      ['methodology', '/methodology/', 200],
      ['about', '/about/', 200],
      ['search', '/search/?q=surge', 200],
      ['newsletter issue', '/newsletter/2025-11-28/', 200],
      ['404', '/no-such-page/', 404],
    ];
    const axeScript = join(import.meta.dirname, '../../node_modules/axe-core/axe.min.js');

    async function visit(path: string, status: number, width: number, colorScheme: 'light' | 'dark') {
      const ctx = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
      const p = await ctx.newPage();
      const response = await p.goto(server.url + path);
      expect(response?.status(), path).toBe(status);
      if (path.startsWith('/search/')) await p.locator('#search-results li').first().waitFor();
      return { p, ctx };
    }

    async function axeViolations(p: Page): Promise<Array<{ id: string; nodes: number }>> {
      await p.addScriptTag({ path: axeScript });
      return p.evaluate(
        `axe.run().then((r) => r.violations.map((v) => ({ id: v.id, nodes: v.nodes.length })))`,
      );
    }

    it.each(
      PAGES.flatMap(([name, path, status]) => [390, 1280].map((w) => [name, path, status, w] as const)),
    )(
      '%s (%s, status %d) at %d px: no horizontal scroll, no axe violation, readable chart text',
      async (_name, path, status, width) => {
        const { p, ctx } = await visit(path, status, width, 'light');
        try {
          const { scrollWidth, innerWidth } = await p.evaluate<{ scrollWidth: number; innerWidth: number }>(
            '({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth })',
          );
          expect(scrollWidth, `${path} scrolls sideways at ${width} px`).toBeLessThanOrEqual(innerWidth);
          expect(await axeViolations(p), path).toEqual([]);
          // Rendered size of the chart text a reader sees: its font size scaled by the drawing.
          const sizes = await p.evaluate<number[]>(`[...document.querySelectorAll('figure.chart svg')]
            .filter((svg) => svg.getBoundingClientRect().width > 0)
            .flatMap((svg) => {
              const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
              return [...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
            })`);
          if (path.startsWith('/articles/')) expect(sizes.length, path).toBeGreaterThan(0);
          for (const size of sizes)
            expect(size, `chart text on ${path} at ${width} px`).toBeGreaterThanOrEqual(11);
          if (width === 390)
            await p.screenshot({
              path: join(ARTIFACTS, `site-390-${_name.replace(/\W+/g, '-')}.png`),
              fullPage: true,
            });
        } finally {
          await ctx.close();
        }
      },
    );

    it.each(PAGES.map(([name, path, status]) => [name, path, status] as const))(
      '%s (%s) follows a dark system setting, with no axe violation',
      async (_name, path, status) => {
        const { p, ctx } = await visit(path, status, 390, 'dark');
        try {
          // --paper in dark mode is #151515 (site/styles/site.css).
          const background = await p.evaluate<string>('getComputedStyle(document.body).backgroundColor');
          expect(background).toBe('rgb(21, 21, 21)');
          expect(await axeViolations(p), path).toEqual([]);
        } finally {
          await ctx.close();
        }
      },
    );

    it('gives an article NewsArticle JSON-LD with the properties Google lists', async () => {
      const article = await open(`/articles/${rally.id}/`);
      const [raw] = await article.locator('script[type="application/ld+json"]').allTextContents();
      const ld = JSON.parse(raw ?? '') as Record<string, unknown> & { headline: string };
      expect(ld['@context']).toBe('https://schema.org');
      expect(ld['@type']).toBe('NewsArticle');
      // Google's Article structured data (developers.google.com/search/docs/appearance/structured-data/article):
      // no property is required; these are the recommended ones, plus publisher and isAccessibleForFree.
      expect(ld['headline']).toBe(rally.title);
      expect(ld['headline'].length).toBeLessThanOrEqual(110);
      expect(ld['image']).toEqual([`${SITE_URL}/og/${rally.id}.png`]);
      // The fixture's review: by Fixture Editor at 2025-11-28T22:30:00.000Z, never revised.
      expect(ld['datePublished']).toBe('2025-11-28T22:30:00.000Z');
      expect(ld['dateModified']).toBe('2025-11-28T22:30:00.000Z');
      expect(ld['author']).toEqual([
        { '@type': 'Person', name: 'Fixture Editor', url: `${SITE_URL}/about/` },
      ]);
      expect(ld['publisher']).toMatchObject({
        '@type': 'NewsMediaOrganization',
        name: FIXTURE_PUBLICATION.name,
        url: `${SITE_URL}/`,
        logo: { '@type': 'ImageObject', url: `${SITE_URL}/icon-512.png` },
      });
      expect(ld['isAccessibleForFree']).toBe(true);
      expect(ld['mainEntityOfPage']).toEqual({
        '@type': 'WebPage',
        '@id': `${SITE_URL}/articles/${rally.id}/`,
      });
      for (const date of [ld['datePublished'], ld['dateModified']])
        expect(Number.isNaN(Date.parse(String(date)))).toBe(false);
      // The logo and image it names exist.
      for (const path of ['/icon-512.png', `/og/${rally.id}.png`]) {
        expect((await fetch(server.url + path)).status, path).toBe(200);
      }
    });

    it('shows the byline, the publication time and how the piece was made', async () => {
      const article = await open(`/articles/${rally.id}/`);
      await expect(article.locator('.byline').innerText()).resolves.toBe(
        'By Fixture Editor, Small Caps Desk',
      );
      // 22:30 UTC on Nov. 28, 2025 is 5:30 p.m. in New York (EST, UTC-5).
      await expect(article.locator('.stamp').innerText()).resolves.toContain(
        'Published Nov. 28, 2025, 5:30 p.m. ET',
      );
      const made = await article.locator('.how-made').innerText();
      expect(made).toContain('Written by software from daily closing data through Nov. 28, 2025');
      expect(made).toContain('Fixture Editor reviewed and approved it on Nov. 28, 2025, 5:30 p.m. ET.');
      await expect(article.locator('.how-made a').getAttribute('href')).resolves.toBe('/methodology/');
    });

    it("builds share links from the piece's own digests", async () => {
      const article = await open(`/articles/${rally.id}/`);
      const social = matter.read(join(FIXTURE_CONTENT, 'articles', rally.file)).data['social'] as Record<
        string,
        string
      >;
      const hrefs = Object.fromEntries(
        await article
          .locator('.share a')
          .evaluateAll((as) => as.map((a) => [a.getAttribute('data-network'), a.getAttribute('href')])),
      ) as Record<string, string>;
      expect(new URL(hrefs['X']!).searchParams.get('text')).toBe(social['x']);
      expect(new URL(hrefs['LinkedIn']!).searchParams.get('text')).toBe(social['linkedin']);
      const facebook = new URL(hrefs['Facebook']!);
      const link = /https:\S+/.exec(social['facebook']!)![0];
      expect(facebook.searchParams.get('u')).toBe(link);
      expect(facebook.searchParams.get('quote')).toBe(social['facebook']!.replace(link, '').trim());
    });

    it('links each article to the older and newer piece', async () => {
      const article = await open(`/articles/${rally.id}/`);
      const links = await article
        .locator('.prev-next a')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(links.length).toBeGreaterThan(0);
      for (const href of links) expect((await fetch(server.url + href!)).status, href!).toBe(200);
    });

    it('puts the configured sign-up form on every page, posting the email to the provider', async () => {
      const config = FIXTURE_PUBLICATION.subscribe!;
      for (const path of ['/', `/articles/${rally.id}/`, '/methodology/', '/newsletter/']) {
        const p = await open(path);
        const forms = p.locator('form.subscribe');
        await expect(forms.count(), path).resolves.toBe(1);
        await expect(forms.getAttribute('action')).resolves.toBe(config.action);
        await expect(forms.getAttribute('method')).resolves.toBe('post');
        await expect(forms.locator(`input[type="email"][name="${config.emailField}"]`).count()).resolves.toBe(
          1,
        );
        await expect(forms.locator('input[type="hidden"][name="tag"]').getAttribute('value')).resolves.toBe(
          'site',
        );
      }
    });

    it('marks the record on a record piece and names years on a chart that crosses one', async () => {
      const article = await open('/articles/2025-09-18-record-high/');
      const chart = article.locator('.chart-wide svg');
      // The fixture's RUT.record.today is true and RUT.close is 2,467.70: the record is that close.
      await expect(chart.locator('text.chart-record-note').textContent()).resolves.toBe(
        'Record close 2,467.70',
      );
      // The snapshot runs from Sept. 16, 2024, to Sept. 18, 2025.
      const labels = await chart
        .locator('text[text-anchor="start"], text[text-anchor="end"]')
        .allTextContents();
      expect(labels).toContain('Sept. 16, 2024');
      expect(labels).toContain('Sept. 18, 2025');
    });

    it('charts the 2-year yield against the Russell 2000 in a panel of its own, readable at 390 px', async () => {
      const ctx = await browser.newContext({ viewport: { width: 390, height: 900 } });
      try {
        const p = await ctx.newPage();
        await p.goto(`${server.url}/articles/2026-11-20-rates-fed/`);
        const chart = p.locator('figure.chart .chart-narrow svg[role="img"]');
        await expect(chart.isVisible()).resolves.toBe(true);
        // One line per panel: the Russell 2000 rebased, the yield at its level in percent.
        await expect(chart.locator('path').count()).resolves.toBe(2);
        await expect(chart.locator('text.chart-panel-title').textContent()).resolves.toBe(
          '2-year Treasury yield, percent',
        );
        // The fixture's snapshot (demo data): RUT 2,901.62 → 2,900.02, DGS2 3.02% → 2.66% (−36 bp).
        await expect(chart.locator('desc').textContent()).resolves.toBe(
          'From Oct. 22 to Nov. 20, the Russell 2000 fell 0.1%, from 2,901.62 to 2,900.02; the 2-year Treasury yield fell 36 basis points, from 3.02% to 2.66%. The shaded band is the past five sessions.',
        );
        await expect(p.locator('figure.chart figcaption').textContent()).resolves.toContain(
          'Upper panel: the Russell 2000, rebased to 100 on the first date; lower panel: the 2-year Treasury yield, in percent.',
        );
        await expect(p.locator('figure.chart thead th').allTextContents()).resolves.toEqual([
          'Date',
          'Russell 2000',
          '2-year Treasury yield',
        ]);
        await expect(
          p.locator('figure.chart tbody tr').last().locator('td').allTextContents(),
        ).resolves.toEqual(['2,900.02', '2.66%']);
        // Both panels' text at 11 CSS px or more, and the whole drawing inside the phone's width.
        const { sizes, right } = await p.evaluate<{ sizes: number[]; right: number }>(`(() => {
          const svg = document.querySelector('figure.chart .chart-narrow svg');
          const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
          const texts = [...svg.querySelectorAll('text')];
          return {
            sizes: texts.map((t) => parseFloat(getComputedStyle(t).fontSize) * scale),
            right: Math.max(...texts.map((t) => t.getBoundingClientRect().right)),
          };
        })()`);
        expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
        expect(right).toBeLessThanOrEqual(390);
        await chart.screenshot({ path: join(ARTIFACTS, 'site-390-rates-chart.png') });
      } finally {
        await ctx.close();
      }
    });

    it('serves the icons, robots.txt and an RSS feed a browser can read', async () => {
      for (const path of ['/favicon.ico', '/favicon.svg', '/apple-touch-icon.png', '/rss.xsl']) {
        expect((await fetch(server.url + path)).status, path).toBe(200);
      }
      const robots = await (await fetch(`${server.url}/robots.txt`)).text();
      expect(robots).toBe(`User-agent: *\nDisallow: /search/\n\nSitemap: ${SITE_URL}/sitemap-index.xml\n`);
      const feed = await (await fetch(`${server.url}/rss.xml`)).text();
      expect(feed).toContain('<?xml-stylesheet href="/rss.xsl"');
      expect(feed).toContain(`<atom:link href="${SITE_URL}/rss.xml" rel="self" type="application/rss+xml"/>`);
      expect(feed).toMatch(
        /<lastBuildDate>[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT<\/lastBuildDate>/,
      );
      // Items by publication time, newest first; each pubDate is its review time.
      const dates = [...feed.matchAll(/<pubDate>([^<]+)<\/pubDate>/g)].map((m) => Date.parse(m[1]!));
      expect(dates).toEqual([...dates].sort((a, b) => b - a));
      expect(feed).toContain(`<pubDate>${new Date('2025-11-28T22:30:00.000Z').toUTCString()}</pubDate>`);
      const sitemap = await (await fetch(`${server.url}/sitemap-0.xml`)).text();
      expect(sitemap).toContain(
        `<loc>${SITE_URL}/articles/${rally.id}/</loc><lastmod>2025-11-28T22:30:00.000Z</lastmod>`,
      );
    });
  });
});

const budgets: Record<string, unknown> = {};
function recordBudget(name: string, value: unknown): void {
  budgets[name] = value;
  writeFileSync(join(ARTIFACTS, 'site-budgets.json'), `${JSON.stringify(budgets, null, 2)}\n`);
}
