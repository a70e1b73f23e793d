/**
 * A site build that cannot be right stops, and says where: the file and the field of an article
 * whose front matter fails the review schema, or the newsletter that names an unpublished piece.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type BuiltSite, buildFixtureSite, FIXTURES } from './site-fixture.ts';

const built: BuiltSite[] = [];
afterAll(() => {
  for (const site of built) site.remove();
});

async function build(name: string): Promise<BuiltSite> {
  const site = await buildFixtureSite(name, join(FIXTURES, name));
  built.push(site);
  return site;
}

describe('a site build with bad content', () => {
  it('fails on an article with bad front matter, naming the file and each bad field', async () => {
    const site = await build('bad-front-matter');
    expect(site.ok).toBe(false);
    expect(site.output).toContain('bad-front-matter/articles/2025-11-28-small-cap-rally.md');
    expect(site.output).toMatch(/asOf: expected a YYYY-MM-DD date/);
    expect(site.output).toMatch(/slug: use lower-case words joined by hyphens/);
  }, 120_000);

  it('refuses to build for publication at the placeholder address, naming publication.siteUrl', async () => {
    const site = await buildFixtureSite('placeholder', join(FIXTURES, 'content'), {
      env: { WIRECOPY_CONFIG: join(FIXTURES, 'placeholder.config.json') },
    });
    built.push(site);
    expect(site.ok).toBe(false);
    expect(site.output).toContain('publication.siteUrl is the placeholder https://www.example.com');
    expect(site.output).toContain('WIRECOPY_SITE_DEMO=1');
  }, 120_000);

  it('fails on a newsletter that names a piece the site does not publish', async () => {
    const site = await build('unknown-newsletter-piece');
    expect(site.ok).toBe(false);
    expect(site.output).toContain('unknown-newsletter-piece/newsletters/2025-11-28.md');
    expect(site.output).toContain('2025-11-28-not-published');
  }, 120_000);
});
