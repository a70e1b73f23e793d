import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { frontMatterSchema } from '../../src/content/front-matter.ts';
import { workspace } from '../support/cli.ts';

describe('wirecopy run (npm start) on a fresh store', () => {
  it('loads the demo dataset loudly, writes the drafts for the latest session, and is idempotent', async () => {
    const ws = workspace('2026-11-21'); // a Saturday: the latest completed session is Friday 2026-11-20
    const first = await ws.run(['run']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('is empty: loading the DEMO dataset');
    expect(first.stdout).toContain('Drafts for the 2026-11-20 session (dataset: demo)');

    // One draft: the day's most newsworthy story (which one depends on the demo data).
    const drafts = readdirSync(join(ws.dir, 'content', 'drafts'));
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatch(/^2026-11-20-[a-z-]+\.md$/);
    const text = readFileSync(join(ws.dir, 'content', 'drafts', drafts[0]!), 'utf8');
    const { data, content } = matter(text);
    const fm = frontMatterSchema.parse(data);
    expect(fm).toMatchObject({ asOf: '2026-11-20', status: 'draft', dataset: 'demo' });
    expect(drafts[0]).toBe(`2026-11-20-${fm.story}.md`);
    expect(fm.angles.why.length).toBeGreaterThan(0);
    expect(content).toContain('**Demo data.**');
    // Every fact the front matter lists was printed from the FactSet: its display is in the text.
    for (const [id, fact] of Object.entries(fm.facts)) {
      if (id === fm.angles.lead) continue;
      expect(`${content}\n${Object.values(fm.social).join('\n')}\n${fm.summary}`, id).toContain(
        fact.display.replace(/^-/, ''),
      );
    }

    const second = await ws.run(['run']);
    expect(second.code).toBe(0);
    expect(second.stdout).not.toContain('loading the DEMO dataset');
    expect(second.stdout).toContain('unchanged');
    expect(readFileSync(join(ws.dir, 'content', 'drafts', drafts[0]!), 'utf8')).toBe(text);
  });

  it('never overwrites a draft an editor changed: says so, exits 1, leaves the file as edited', async () => {
    const ws = workspace();
    expect((await ws.run(['run'])).code).toBe(0);
    const [file] = readdirSync(join(ws.dir, 'content', 'drafts'));
    const path = join(ws.dir, 'content', 'drafts', file!);
    const edited = readFileSync(path, 'utf8').replace('The Russell 2000', 'The small-cap Russell 2000');
    expect(edited).not.toBe(readFileSync(path, 'utf8'));
    writeFileSync(path, edited);
    const again = await ws.run(['draft', '--as-of', '2026-11-20']);
    expect(again.code).toBe(1);
    expect(again.stdout).toContain('NOT overwritten: edited by hand');
    expect(again.stderr).toContain('changed by an editor');
    expect(again.stderr).toContain('What to do:');
    expect(readFileSync(path, 'utf8')).toBe(edited);
  });
});

describe('usage and input errors exit 2 with what to do', () => {
  it.each([
    [['stats', '--as-of', '2025-13-01'], /--as-of 2025-13-01 is not a date[\s\S]*YYYY-MM-DD/],
    [['stats', '--as-of', '2031-01-02'], /after 2027-12-31, the end of the NYSE calendar/],
    [['stats'], /There is no market store at .*market\.db[\s\S]*wirecopy demo/],
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['import', '--symbol', 'XYZ', 'a.csv'], /--symbol XYZ is not a configured series/],
    [['import', 'no-such-file.csv'], /no-such-file.csv does not exist/],
  ])('wirecopy %j', async (args, message) => {
    const result = await workspace().run(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});

describe('wirecopy draft --force', () => {
  it('keeps an edited draft and writes the new text as the next revision, saying so', async () => {
    const ws = workspace();
    expect((await ws.run(['run'])).code).toBe(0);
    const dir = join(ws.dir, 'content', 'drafts');
    const [file] = readdirSync(dir);
    const path = join(dir, file!);
    const edited = `${readFileSync(path, 'utf8')}\nAn editor's added line.\n`;
    writeFileSync(path, edited);
    const forced = await ws.run(['draft', '--as-of', '2026-11-20', '--force']);
    expect(forced.code).toBe(0);
    const revision = file!.replace(/\.md$/, '-r2.md');
    expect(forced.stdout).toContain(`${revision}  new revision:`);
    expect(readdirSync(dir).sort()).toEqual([file, revision].sort());
    expect(readFileSync(path, 'utf8')).toBe(edited);
    // Forcing again with the same data finds the same revision unchanged rather than an -r3.
    expect((await ws.run(['draft', '--as-of', '2026-11-20', '--force'])).stdout).toContain(
      `${revision}  new revision:`,
    );
    expect(readdirSync(dir)).toHaveLength(2);
  });
});
