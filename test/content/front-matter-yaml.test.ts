/**
 * Issue 14, "one of each": front matter is written and read by one YAML implementation (the
 * `yaml` package, through gray-matter's `engines` option), and what it writes reads back the
 * same in Astro's own front-matter parser (`astro/markdown`, js-yaml 4), which builds the site.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter } from 'astro/markdown';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { serializeDraft } from '../../src/content/draft-file.ts';
import type { FrontMatter } from '../../src/content/front-matter.ts';
import { frontMatterEngine } from '../../src/yaml-data.ts';
import { REPO_ROOT } from '../support/cli.ts';

const engines = { yaml: frontMatterEngine };
const write = (data: object) => matter.stringify('\nBody.\n', data, { engines });
const readOurs = (text: string) => matter(text, { engines }).data;
const readAstros = (text: string) => parseFrontmatter(text).frontmatter;

/**
 * Strings that other YAML readers take for something else: YAML 1.1 booleans and sexagesimal
 * numbers (js-yaml 3, gray-matter's default), dates (js-yaml's timestamp type), YAML 1.2
 * numbers, nulls, indicators that start a flow, an alias, a tag, a comment or a block.
 */
const LOOKALIKES = [
  '2025-09-18',
  '2025-09-18T20:00:00Z',
  'yes',
  'No',
  'on',
  'OFF',
  'y',
  'true',
  'null',
  '~',
  '',
  '1e3',
  '0x1F',
  '0o17',
  '010',
  '1_000',
  '10:30',
  '.inf',
  '-.inf',
  '.nan',
  '-21',
  '-4.4%',
  '1,827.03',
  ' leading space',
  'trailing space ',
  'key: value',
  '# not a comment',
  'a # b',
  "the index's 11.5% gain",
  '"quoted"',
  '- dash',
  '[bracket',
  '{brace',
  '*alias',
  '&anchor',
  '!tag',
  '%directive',
  '@at',
  '`backtick',
  '|',
  '>',
  '---',
  '...',
  'S&P 500',
  'two\nlines',
  'em dash – and “curly” quotes ’',
  `a long summary ${'that goes on and on '.repeat(8)}past any fold width`,
];

describe('front matter: one YAML writer and reader, read alike by Astro', () => {
  it('every string that other readers take for a date, number, boolean or null stays that string', () => {
    const data = { strings: LOOKALIKES, ...Object.fromEntries(LOOKALIKES.map((s, i) => [`s${i}`, s])) };
    const text = write(data);
    expect(readOurs(text)).toEqual(data);
    expect(readAstros(text)).toEqual(data);
  });

  it('numbers, booleans, nulls and nesting come back as they went', () => {
    const data = {
      value: -0.04371516966146938,
      sessions: 854,
      big: 1e21,
      zero: 0,
      flag: true,
      none: null,
      nested: { list: [1, 'two', { three: [3] }], empty: [], emptyObject: {} },
      // The same object twice is written out twice, not as an anchor and an alias.
      twice: [
        { a: 1, b: 'x' },
        { a: 1, b: 'x' },
      ],
    };
    const text = write(data);
    expect(text).not.toMatch(/[&*]a\d/);
    expect(readOurs(text)).toEqual(data);
    expect(readAstros(text)).toEqual(data);
  });

  it("the generator's drafts (every template fixture) read the same in Astro, and rewrite unchanged", () => {
    const fixtures = join(REPO_ROOT, 'test/fixtures/templates');
    const dirs = readdirSync(fixtures);
    expect(dirs.length).toBeGreaterThan(0);
    for (const dir of dirs) {
      const text = readFileSync(join(fixtures, dir, 'expected.md'), 'utf8');
      const ours = readOurs(text);
      expect(readAstros(text), dir).toEqual(ours);
      // Written again by the draft writer: the same text, content hash included.
      const { content } = matter(text, { engines });
      const { generator, ...rest } = ours as FrontMatter;
      const { contentHash: _hash, ...generatorFields } = generator;
      expect(serializeDraft({ ...rest, generator: generatorFields }, content), dir).toBe(text);
    }
  });
});
