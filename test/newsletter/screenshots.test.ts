/**
 * email.html in a real browser engine at a desktop client's 600 px and a phone's 375 px:
 * screenshots for a person to look at (test/artifacts/, gitignored), and the checks a person
 * would make on them. Skips, saying so, where Chromium is not installed.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newsletterWorkspace } from './support.ts';

const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));

if (!HAS_CHROMIUM) {
  console.warn(`${CHROMIUM} not found: skipping the newsletter screenshots (apt-get install -y chromium).`);
}

describe.skipIf(!HAS_CHROMIUM)('email.html rendered in headless Chromium', () => {
  let browser: Browser;
  let html: string;

  beforeAll(async () => {
    const ws = newsletterWorkspace();
    expect((await ws.run(['newsletter'])).code).toBe(0);
    html = readFileSync(join(ws.outDir, 'email.html'), 'utf8');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
      ],
    });
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it.each([
    [800, 22], // a desktop client's reading pane, wider than the email
    [600, 20], // from 620 px down the media query tightens the padding and the type
    [390, 20], // a phone
    [375, 20], // a small phone
  ])(
    'at %i px: fits without sideways scrolling, hides the preheader, loads nothing',
    async (width, headlineSize) => {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      const requests: string[] = [];
      // An email that loads anything (fonts, images, trackers) would show here; nothing may leave.
      await page.route('**/*', (route) => {
        requests.push(route.request().url());
        return route.abort();
      });
      await page.setContent(html, { waitUntil: 'load' });
      await page.screenshot({ path: join(ARTIFACTS, `newsletter-${width}.png`), fullPage: true });

      // A script string: the project's types have no DOM library, and this runs in the page.
      const layout = (await page.evaluate(`(() => {
      const box = (selector) => document.querySelector(selector).getBoundingClientRect();
      return {
        scrollWidth: document.documentElement.scrollWidth,
        containerWidth: box('.container').width,
        preheaderArea: box('.preheader').width * box('.preheader').height,
        headlineSize: getComputedStyle(document.querySelector('.headline')).fontSize,
        chartRight: box('.chart').right,
      };
    })()`)) as {
        scrollWidth: number;
        containerWidth: number;
        preheaderArea: number;
        headlineSize: string;
        chartRight: number;
      };
      expect(requests).toEqual([]);
      expect(layout.scrollWidth).toBeLessThanOrEqual(width);
      expect(layout.containerWidth).toBe(Math.min(600, width));
      expect(layout.chartRight).toBeLessThanOrEqual(width);
      expect(layout.preheaderArea).toBe(0);
      expect(layout.headlineSize).toBe(`${headlineSize}px`);
      expect(existsSync(join(ARTIFACTS, `newsletter-${width}.png`))).toBe(true);
      await page.close();
    },
  );

  it.each([600, 390])(
    'at %i px in dark mode: dark background, light text, from the <head> styles',
    async (width) => {
      const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: 'dark' });
      await page.route('**/*', (route) => route.abort());
      await page.setContent(html, { waitUntil: 'load' });
      await page.screenshot({ path: join(ARTIFACTS, `newsletter-${width}-dark.png`), fullPage: true });
      const colors = (await page.evaluate(`(() => ({
      container: getComputedStyle(document.querySelector('.container')).backgroundColor,
      article: getComputedStyle(document.querySelector('.article-body p')).color,
      headline: getComputedStyle(document.querySelector('.headline a')).color,
    }))()`)) as { container: string; article: string; headline: string };
      // The values of the template's prefers-color-scheme block (templates/newsletter/email.mustache).
      expect(colors).toEqual({
        container: 'rgb(28, 31, 36)',
        article: 'rgb(228, 228, 228)',
        headline: 'rgb(242, 242, 242)',
      });
      await page.close();
    },
  );
});
