/**
 * Shared by the site tests: build the site from a fixture content folder into a fresh folder,
 * read the fixture pieces, and start headless Chromium when it is installed.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import matter from 'gray-matter';
import { type Browser, chromium } from 'playwright-core';
import { loadConfig } from '../../src/config.ts';
import { articleId } from '../../src/content/article-id.ts';
import { type BuildResult, buildSite, SITE_ROOT } from '../../src/site/astro-run.ts';

export const FIXTURES = join(SITE_ROOT, 'test/fixtures/site');
export const FIXTURE_CONTENT = join(FIXTURES, 'content');
export const ARTIFACTS = join(SITE_ROOT, 'test/artifacts');
/** The fixture site's config: a real-looking address (a build for publication refuses the placeholder) and a sign-up form. */
export const FIXTURE_CONFIG = join(FIXTURES, 'wirecopy.config.json');
export const FIXTURE_PUBLICATION = loadConfig({ config: FIXTURE_CONFIG }, {}, SITE_ROOT).publication;
export const SITE_URL = FIXTURE_PUBLICATION.siteUrl.replace(/\/$/, '');

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
/** Shown as the skipped suite's name, so the reason is in every test report. */
export const NEEDS_CHROMIUM = hasChromium
  ? 'in headless Chromium'
  : `in headless Chromium (SKIPPED: ${CHROMIUM} is not installed; apt-get install -y chromium)`;

export interface BuiltSite extends BuildResult {
  outDir: string;
  remove(): void;
}

/**
 * Builds into a new folder under test/artifacts (inside the repository on purpose: see
 * `buildSite`), with a private Astro cache so test files can build side by side.
 */
export async function buildFixtureSite(
  name: string,
  content: string,
  options: { preview?: boolean; env?: NodeJS.ProcessEnv } = {},
): Promise<BuiltSite> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const outDir = mkdtempSync(join(ARTIFACTS, `site-${name}-`));
  const cacheDir = mkdtempSync(join(tmpdir(), 'wirecopy-astro-cache-'));
  const result = await buildSite(outDir, {
    content,
    cacheDir,
    preview: options.preview === true,
    env: { WIRECOPY_CONFIG: FIXTURE_CONFIG, ...options.env },
  });
  rmSync(cacheDir, { recursive: true, force: true });
  return { ...result, outDir, remove: () => rmSync(outDir, { recursive: true, force: true }) };
}

export interface FixturePiece {
  file: string;
  id: string;
  title: string;
  status: string;
  dataset: string;
  asOf: string;
  tags: string[];
  /** Points in its chart snapshot; 0 without one. */
  chartDates: number;
}

/** The pieces in a fixture folder (`articles` or `drafts`), as their front matter says. */
export function fixturePieces(folder: 'articles' | 'drafts', content = FIXTURE_CONTENT): FixturePiece[] {
  const dir = join(content, folder);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .map((file) => {
      const { data } = matter(readFileSync(join(dir, file), 'utf8'));
      return {
        file,
        id: articleId({ asOf: data['asOf'], slug: data['slug'] }),
        title: data['title'],
        status: data['status'],
        dataset: data['dataset'],
        asOf: data['asOf'],
        tags: data['tags'] ?? [],
        chartDates: data['chart']?.dates?.length ?? 0,
      };
    });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
}
