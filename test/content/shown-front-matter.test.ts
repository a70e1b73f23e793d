/**
 * What the site keeps of a piece (shownFrontMatter, src/content/front-matter.ts): every field but
 * the four no page prints. Checked on a draft as the generator writes it today (it carries all four).
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { afterAll, describe, expect, it } from 'vitest';
import { frontMatterSchema, shownFrontMatter } from '../../src/content/front-matter.ts';
import { frontMatterEngine } from '../../src/yaml-data.ts';
import { workspace } from '../support/cli.ts';

const ws = workspace();
afterAll(() => rmSync(ws.dir, { recursive: true, force: true }));

describe('shownFrontMatter', () => {
  it('leaves out the angles, the document plan, the generator and the desk note, and nothing else', async () => {
    expect((await ws.run(['demo'])).code).toBe(0);
    expect((await ws.run(['draft', '--all'])).code).toBe(0);
    const [file] = readdirSync(join(ws.dir, 'content/drafts'));
    const text = readFileSync(join(ws.dir, 'content/drafts', file!), 'utf8');
    const data = frontMatterSchema.parse(matter(text, { engines: { yaml: frontMatterEngine } }).data);
    const withNote = { ...data, note: 'Fed minutes at 2 p.m.' };
    for (const field of ['angles', 'plan', 'generator'] as const) expect(withNote[field]).toBeDefined();

    const shown = shownFrontMatter(withNote);
    expect(Object.keys(shown).sort()).toEqual(
      Object.keys(withNote)
        .filter((k) => !['angles', 'plan', 'generator', 'note'].includes(k))
        .sort(),
    );
    expect(shown.facts).toEqual(data.facts);
    expect(shown.chart).toEqual(data.chart);
  });
});
