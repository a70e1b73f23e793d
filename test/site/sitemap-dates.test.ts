/**
 * The sitemap's dates read only the front matter fields they need (src/site/sitemap-dates.ts):
 * the same values as the whole front matter parsed, on every fixture piece and on the shapes a
 * hand-edited file may take.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { datingFields } from '../../src/site/sitemap-dates.ts';
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
