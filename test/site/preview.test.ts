/**
 * `wirecopy preview`: Astro's dev server over the fixture content with drafts included. A draft
 * page carries the draft banner, the review checks of src/review, and every fact-linked number
 * highlighted with its fact id and value (shown on hover, in Chromium).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import matter from 'gray-matter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommandContext } from '../../src/cli/context.ts';
import { type PreviewServer, parsePort, startPreview } from '../../src/cli/preview.ts';
import type { InPage } from './in-page.ts';
import {
  FIXTURE_CONTENT,
  fixturePieces,
  hasChromium,
  launchChromium,
  NEEDS_CHROMIUM,
} from './site-fixture.ts';

const [draft] = fixturePieces('drafts');
const rejected = fixturePieces('articles').find((p) => p.status === 'rejected')!;
let server: PreviewServer;
let cwd: string;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

beforeAll(async () => {
  // An empty working folder: no store, no config file; the content is the fixtures'.
  cwd = mkdtempSync(join(tmpdir(), 'wirecopy-preview-'));
  const ctx = new CommandContext(
    { content: FIXTURE_CONTENT },
    { cwd, env: { ...process.env }, io: { out: () => {}, err: () => {} }, now: () => new Date() },
  );
  server = await startPreview(ctx, { port: await freePort(), host: '127.0.0.1' });
}, 90_000);

afterAll(async () => {
  server?.stop();
  await server?.exited;
  rmSync(cwd, { recursive: true, force: true });
});

async function get(path: string): Promise<{ status: number; html: string }> {
  const response = await fetch(new URL(path, server.url));
  return { status: response.status, html: await response.text() };
}

describe('wirecopy preview', () => {
  it('rejects a port that is not a number', () => {
    expect(() => parsePort('http')).toThrow(/--port http is not a port number/);
    expect(parsePort(undefined)).toBe(4321);
  });

  it('lists the drafts on the home page, with their check results', async () => {
    const { html } = await get('/');
    expect(html).toContain('class="preview-strip"');
    expect(html).toContain(`href="/drafts/${draft!.file.replace(/\.md$/, '')}/"`);
    expect(html).toMatch(/\d+ errors?, \d+ warnings?/);
    expect(html).not.toContain(rejected.title);
  });

  it('shows no sign-up form when no provider is configured (the default config has none)', async () => {
    for (const path of ['/', '/newsletter/', '/about/']) {
      const { status, html } = await get(path);
      expect(status, path).toBe(200);
      expect(html, path).not.toContain('class="subscribe"');
      expect(html, path).not.toMatch(/<input[^>]*type="email"/);
    }
  });

  it('shows a draft with its banner, its review checks and its numbers tied to their facts', async () => {
    const { status, html } = await get(`/drafts/${draft!.file.replace(/\.md$/, '')}/`);
    expect(status).toBe(200);
    expect(html).toContain('Draft, not published');
    // The review pipeline's own rule ids: the preview runs `wirecopy check`'s checks.
    expect(html).toMatch(/<code>wirecopy:[a-z-]+<\/code>/);
    const facts = matter.read(join(FIXTURE_CONTENT, 'drafts', draft!.file)).data['facts'] as Record<
      string,
      { display: string }
    >;
    const close = facts['RUT.close']!;
    expect(html).toContain(
      `data-fact="RUT.close" data-tip="RUT.close = ${Number(close.display.replace(/,/g, ''))} (printed as ${close.display})">${close.display}</span>`,
    );
    expect(html).not.toContain('<!--fact:');
    // Issue 12: the check list comes first, above the piece, with its counts in the singular
    // when there is one; a generated draft's numbers are all correct, so none shows red.
    expect(html.indexOf('id="checks-heading"')).toBeLessThan(html.indexOf('Draft, not published'));
    expect(html).not.toMatch(/\b1 errors\b|\b1 warnings\b/);
    expect(html.match(/class="fact fact-(?:mismatch|rejected)"[^>]*>[^<]*/g) ?? []).toEqual([]);
  });

  it.skipIf(!hasChromium)(`shows a fact's id and value on hover (${NEEDS_CHROMIUM})`, async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(new URL(`/drafts/${draft!.file.replace(/\.md$/, '')}/`, server.url).href);
      const number = page.locator('.fact[data-fact="RUT.close"]').first();
      await number.hover();
      const tip = await number.evaluate(
        (el) => (globalThis as unknown as InPage).getComputedStyle(el, '::after').content,
      );
      expect(tip).toContain('RUT.close = ');
    } finally {
      await browser.close();
    }
  });
});
