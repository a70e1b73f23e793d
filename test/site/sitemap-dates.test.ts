/**
 * The sitemap's dates read only the front matter fields they need (src/site/sitemap-dates.ts):
 * the same values as the whole front matter parsed, on every fixture piece and on the shapes a
 * hand-edited file may take.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { datingFields, readSitemapDates, sitemapLastModified } from '../../src/site/sitemap-dates.ts';
import { frontMatterEngine } from '../../src/yaml-data.ts';

const FIELDS = ['status', 'asOf', 'slug', 'date', 'review', 'revisions'];
const whole = (text: string) => {
  const data = matter(text, { engines: { yaml: frontMatterEngine } }).data as Record<string, unknown>;
  return Object.fromEntries(FIELDS.filter((f) => f in data).map((f) => [f, data[f]]));
};
const FOLDERS = ['test/fixtures/site/content/articles', 'test/fixtures/newsletter/articles'];

describe('datingFields', () => {
  const files = FOLDERS.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.md'))
      .map((f) => join(dir, f)),
  );

  it.each(files)('reads %s as the whole front matter does', (file) => {
    const text = readFileSync(file, 'utf8');
    expect(datingFields(text)).toEqual(whole(text));
  });

  it('keeps a sequence written at column 0 with its key, and skips one under another key', () => {
    const text = [
      '---',
      'title: A piece',
      'tags:',
      '- small caps',
      'status: published',
      'revisions:',
      '- by: Dana Editor',
      '  at: 2025-11-28T22:30:00.000Z',
      '# a comment at column 0',
      'slug: daily-wrap',
      '---',
      'Body.',
    ].join('\n');
    expect(datingFields(text)).toEqual(whole(text));
    expect(datingFields(text)).toEqual({
      status: 'published',
      // The front matter engine reads an unquoted timestamp as a Date, as the site does.
      revisions: [{ by: 'Dana Editor', at: new Date('2025-11-28T22:30:00.000Z') }],
      slug: 'daily-wrap',
    });
  });

  it('parses the whole front matter when a line is not plain block YAML', () => {
    const text = "---\n'status': published\nslug: x\n---\n";
    expect(datingFields(text)).toEqual({ status: 'published', slug: 'x' });
  });
});

describe('sitemapLastModified', () => {
  it('dates each published piece by its last review, and the listings by the newest piece', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wirecopy-sitemap-'));
    try {
      mkdirSync(dir, { recursive: true });
      const write = (name: string, lines: string[]) =>
        writeFileSync(join(dir, name), ['---', ...lines, '---', 'Body.', ''].join('\n'));
      write('2025-11-27-daily-wrap.md', [
        'status: published',
        "asOf: '2025-11-27'",
        "date: '2025-11-27'",
        'slug: daily-wrap',
        'review:',
        "  at: '2025-11-29T14:00:00.000Z'",
        'revisions:',
        "  - at: '2025-11-27T22:30:00.000Z'",
      ]);
      write('2025-10-31-monthly-recap.md', [
        'status: published',
        "asOf: '2025-10-31'",
        "date: '2025-10-31'",
        'slug: monthly-recap',
        'review:',
        "  at: '2025-10-31T22:30:00.000Z'",
      ]);
      write('2025-11-28-daily-wrap.md', [
        'status: draft',
        "asOf: '2025-11-28'",
        "date: '2025-11-28'",
        'slug: daily-wrap',
      ]);
      const { lastmod } = sitemapLastModified(dir, 'https://example.test');
      // The Nov. 27 piece was revised on Nov. 29: its review is its last change.
      expect(await lastmod('https://example.test/articles/2025-11-27-daily-wrap/')).toBe(
        '2025-11-29T14:00:00.000Z',
      );
      expect(await lastmod('https://example.test/archive/2025-10/')).toBe('2025-10-31T22:30:00.000Z');
      expect(await lastmod('https://example.test/')).toBe('2025-11-29T14:00:00.000Z');
      expect(await lastmod('https://example.test/tags/small-caps/')).toBe('2025-11-29T14:00:00.000Z');
      // The draft has no page, and the About page no date of its own.
      expect(await lastmod('https://example.test/articles/2025-11-28-daily-wrap/')).toBeUndefined();
      expect(await lastmod('https://example.test/about/')).toBeUndefined();
      // Those came from the worker thread; the main thread's reading, where no worker can run,
      // finds the same dates.
      const here = await readSitemapDates(dir);
      expect(Object.fromEntries(here.byPath)).toEqual({
        '/articles/2025-11-27-daily-wrap/': '2025-11-29T14:00:00.000Z',
        '/archive/2025-11/': '2025-11-29T14:00:00.000Z',
        '/articles/2025-10-31-monthly-recap/': '2025-10-31T22:30:00.000Z',
        '/archive/2025-10/': '2025-10-31T22:30:00.000Z',
      });
      expect(here.newest).toBe('2025-11-29T14:00:00.000Z');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
