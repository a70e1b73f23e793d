/**
 * Fault matrix, issue 16 item 13: YAML alias bombs ("billion laughs": nine copies of nine copies
 * of ... , 9^7 ≈ 4.8 million strings from seven lines). Every file wirecopy reads as YAML used to
 * crash on one (the `yaml` parser throws past its alias limit, and the throw escaped as an
 * internal error, exit 1 with a stack). Each must now be a located problem: file and line.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTargetsFile } from '../../src/facts/targets-file.ts';
import { parseQuotes } from '../../src/inputs/quotes.ts';
import { collectArticles } from '../../src/newsletter/collect.ts';
import { MAX_YAML_ALIASES } from '../../src/yaml-data.ts';
import { workspace } from '../support/cli.ts';
import { demoWorkspace, filesIn, SESSION, writeNotes } from './support-draftstate.ts';

/** Seven levels of nine-fold aliases under `key`, indented by `indent`; the first alias is on line 2. */
function aliasBomb(key: string, indent = ''): string {
  const lines = [`${indent}${key}0: &a0 [${Array(9).fill('"lol"').join(', ')}]`];
  for (let level = 1; level < 7; level++) {
    lines.push(
      `${indent}${key}${level}: &a${level} [${Array(9)
        .fill(`*a${level - 1}`)
        .join(', ')}]`,
    );
  }
  return lines.join('\n');
}

/** The 1-based line of the first alias (`*`) in `text`. */
const firstAliasLine = (text: string) => text.slice(0, text.indexOf('*a0')).split('\n').length;

describe('alias bombs are located problems, not crashes', () => {
  it('regression: check on a draft with an alias bomb in its front matter exits 2 naming file:line', async () => {
    const ws = workspace();
    const text = `---\ntitle: Small caps\n${aliasBomb('junk')}\n---\n\nBody.\n`;
    writeFileSync(join(ws.dir, 'bomb.md'), text);
    const result = await ws.run(['check', 'bomb.md']);
    expect(result.stderr).not.toContain('internal error');
    expect(result.code).toBe(2);
    // The first alias is on line 4 of the file: `---`, `title:`, `junk0:`, then `junk1: [*a0, ...`.
    expect(firstAliasLine(text)).toBe(4);
    expect(result.stdout).toMatch(
      new RegExp(
        `^bomb\\.md:4:\\d+ error wirecopy:yaml-aliases: .*more than ${MAX_YAML_ALIASES} copies`,
        'm',
      ),
    );
    expect(readFileSync(join(ws.dir, 'bomb.md'), 'utf8')).toBe(text);
  });

  it('regression: social on a draft with an alias bomb exits 2 naming file:line', async () => {
    const ws = workspace();
    writeFileSync(join(ws.dir, 'bomb.md'), `---\ntitle: Small caps\n${aliasBomb('junk')}\n---\n\nBody.\n`);
    const result = await ws.run(['social', 'bomb.md']);
    expect(result.stderr).not.toContain('internal error');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('bomb.md: line 4: the front matter');
  });

  it('regression: an alias bomb in the config file exits 2 naming its line', async () => {
    const ws = workspace();
    writeFileSync(join(ws.dir, 'wirecopy.config.yaml'), `benchmark: SPX\n${aliasBomb('junk')}\n`);
    const result = await ws.run(['status']);
    expect(result.stderr).not.toContain('internal error');
    expect(result.code).toBe(2);
    // benchmark (1), junk0 (2), junk1 holds the first alias (3).
    expect(result.stderr).toContain('line 3: the file was not read: aliases');
  });

  it('regression: an alias bomb in quotes.yaml is a problem on its line, and no quote is used', () => {
    const text = `- who: Jane Doe\n  extra:\n${aliasBomb('k', '    ')}\n`;
    const { quotes, problems } = parseQuotes(text, 'content/inputs/quotes.yaml');
    expect(quotes).toEqual([]);
    expect(problems.map((p) => `${p.file}:${p.line} ${p.code}`)).toEqual([
      `content/inputs/quotes.yaml:${firstAliasLine(text)} quotes/yaml-aliases`,
    ]);
  });

  it('regression: an alias bomb in targets.yaml is a problem on its line', () => {
    const text = `- org: Acme\n  extra:\n${aliasBomb('k', '    ')}\n`;
    const { targets, problems } = parseTargetsFile(text, { file: 'content/inputs/targets.yaml' });
    expect(targets).toEqual([]);
    expect(problems.map((p) => `${p.file}:${p.line} ${p.code}`)).toEqual([
      `content/inputs/targets.yaml:${firstAliasLine(text)} targets/yaml-aliases`,
    ]);
  });

  it('regression: an alias bomb in a published article is a problem of that file for the newsletter', () => {
    const ws = workspace();
    const dir = join(ws.dir, 'content', 'articles');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, '2025-09-18-bomb.md'),
      `---\ntitle: Small caps\n${aliasBomb('junk')}\n---\n\nBody.\n`,
    );
    const { articles, problems } = collectArticles(dir);
    expect(articles).toEqual([]);
    expect(problems.map((p) => p.message)).toEqual([
      `cannot be read: line 4: the front matter was not read: aliases (*name) expand to more than ${MAX_YAML_ALIASES} copies`,
    ]);
  });

  it('regression: an alias bomb in notes.yaml holds every session, naming notes.yaml:line, and nothing is approved', async () => {
    const ws = await demoWorkspace();
    const text = `dates:\n  ${SESSION}:\n    editorNote: Fine.\n${aliasBomb('k', '  ')}\n`;
    writeNotes(ws, [text.trimEnd()]);
    const draft = await ws.run(['draft']);
    expect(draft.stderr).not.toContain('internal error');
    expect(draft.code).toBe(2);
    expect(draft.stderr).toContain(
      `session held: content/inputs/notes.yaml:${firstAliasLine(text)} error notes/yaml-aliases: The file was not read: aliases (*name) expand to more than ${MAX_YAML_ALIASES} copies`,
    );
    const [name] = filesIn(ws, 'drafts');
    const approve = await ws.run([
      'approve',
      join(ws.dir, 'content', 'drafts', name!),
      '--by',
      'Editor',
      '--allow-demo',
    ]);
    expect(approve.code).toBe(1);
    expect(approve.stderr).toContain(`content/inputs/notes.yaml:${firstAliasLine(text)}`);
    expect(filesIn(ws, 'articles')).toEqual([]);
  });

  it('regression: an alias bomb in quotes.yaml leaves the quotes out with quotes.yaml:line, and the draft is written', async () => {
    const ws = await demoWorkspace();
    const text = `- who: Jane Doe\n  extra:\n${aliasBomb('k', '    ')}\n`;
    mkdirSync(join(ws.dir, 'content', 'inputs'), { recursive: true });
    writeFileSync(join(ws.dir, 'content', 'inputs', 'quotes.yaml'), text);
    const draft = await ws.run(['draft']);
    expect(draft.stderr).not.toContain('internal error');
    expect(draft.code).toBe(0);
    expect(draft.stderr).toContain(
      `input left out: content/inputs/quotes.yaml:${firstAliasLine(text)} error quotes/yaml-aliases: The file was not read`,
    );
    expect(filesIn(ws, 'drafts')).toHaveLength(1);
  });

  it('a few ordinary aliases are still read', () => {
    const text =
      '- org: Acme\n  index: &rut RUT\n  target: 2500\n  date: 2026-11-20\n  source: https://example.com/a\n- org: Beta\n  index: *rut\n  target: 2600\n  date: 2026-11-20\n  source: https://example.com/b\n';
    const { targets } = parseTargetsFile(text, { file: 'targets.yaml' });
    expect(targets.map((t) => t.index)).toEqual(['RUT', 'RUT']);
  });
});
