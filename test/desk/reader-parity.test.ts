/**
 * The desk's reader view against the built site (issue 15): one published fixture piece, with a
 * heading, a list and quotes added to its body, built by `astro build` and rendered by the desk
 * (reader-page.ts through site-render.ts). The two article elements must be the same markup, but
 * for what the site adds around a published page (share links) and the preview's fact highlights
 * (the site strips the marks). Any drift in the layout, the chart, the trust box ("How this piece
 * was made"), the markdown (smart quotes) or the sanitizer fails here.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readerPage } from '../../src/desk/reader-page.ts';
import { type SiteRenderer, startSiteRenderer } from '../../src/desk/site-render.ts';
import { type BuiltSite, buildFixtureSite, FIXTURE_CONFIG, FIXTURE_CONTENT } from '../site/site-fixture.ts';

const PIECE = '2025-11-28-weekly-recap.md';
const ADDED =
  '\n## What "rebased" means\n\n- The first close is set to 100.\n- Each later close is scaled by the same factor.\n';

let content: string;
let site: BuiltSite;
let renderer: SiteRenderer;

beforeAll(async () => {
  content = mkdtempSync(join(tmpdir(), 'wirecopy-reader-parity-'));
  mkdirSync(join(content, 'articles'));
  writeFileSync(
    join(content, 'articles', PIECE),
    `${readFileSync(join(FIXTURE_CONTENT, 'articles', PIECE), 'utf8').trimEnd()}\n${ADDED}`,
  );
  // The desk renders with the config of its own process, as a site build from the same folder does.
  vi.stubEnv('WIRECOPY_CONFIG', FIXTURE_CONFIG);
  [site, renderer] = await Promise.all([buildFixtureSite('reader-parity', content), startSiteRenderer()]);
  if (!site.ok) throw new Error(`The one-piece site did not build:\n${site.output}`);
}, 180_000);

afterAll(async () => {
  await renderer?.close();
  site?.remove();
  vi.unstubAllEnvs();
  rmSync(content, { recursive: true, force: true });
});

/** The `<article class="piece">` element of a page, as markup. */
function article(html: string): string {
  const start = html.indexOf('<article class="piece"');
  const end = html.lastIndexOf('</article>');
  if (start < 0 || end < start) throw new Error(`no article element in:\n${html.slice(0, 500)}`);
  return html.slice(start, end + '</article>'.length);
}

/**
 * The markup both sides must share: the published page's share links dropped, and the preview's
 * fact highlights (`<span class="fact" ...>`) unwrapped to their text, as the site strips them.
 */
function shared(markup: string): string {
  return markup
    .replace(/<nav class="share"[\s\S]*?<\/nav>/, '')
    .replace(/<span class="fact[^"]*"[^>]*>([^<]*)<\/span>/g, '$1');
}

/** Element names and classes, in document order: a readable diff when the markup drifts. */
function outline(markup: string): string[] {
  const lines: string[] = [];
  const walk = (node: ReturnType<typeof parseDocument>['children'][number], depth: number) => {
    if (node.type !== 'tag') return;
    const cls = node.attribs['class'];
    lines.push(`${'  '.repeat(depth)}${node.name}${cls ? `.${cls.split(/\s+/).join('.')}` : ''}`);
    for (const child of node.children) walk(child, depth + 1);
  };
  for (const node of parseDocument(markup).children) walk(node, 0);
  return lines;
}

describe("the desk's reader view and the built site", () => {
  it('print the same article element for the same piece', async () => {
    const built = readFileSync(
      join(site.outDir, 'articles', '2025-11-28-weekly-recap', 'index.html'),
      'utf8',
    );
    const desk = await readerPage(readFileSync(join(content, 'articles', PIECE), 'utf8'), renderer, {
      title: PIECE,
      css: '',
    });
    const fromSite = shared(article(built));
    const fromDesk = shared(article(desk));
    expect(outline(fromDesk)).toEqual(outline(fromSite));
    expect(fromDesk).toBe(fromSite);
    // The parts the issue names, present on both sides (the outline above holds them in place).
    for (const part of ['<h1>', '<figure class="chart"', 'class="how-made"', '<h2>What']) {
      expect(fromDesk).toContain(part);
    }
    // Smart punctuation, as Astro's markdown prints the added heading.
    expect(fromDesk).toContain('What “rebased” means');
  });
});
