/**
 * Issue 14, item 4: the command-line conventions users expect of a Unix tool: --version, NO_COLOR,
 * config found upward from the working folder, read-only verbs that never create a store.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { wantsColor } from '../../src/cli/color.ts';
import { main } from '../../src/cli/main.ts';
import { MarketStore } from '../../src/store/market-store.ts';
import { REPO_ROOT, workspace } from '../support/cli.ts';

const packageVersion = (
  JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }
).version;

describe('--version', () => {
  it.each([['--version'], ['-V']])('%s prints the version in package.json and exits 0', async (flag) => {
    const result = await workspace().run([flag]);
    expect(result).toMatchObject({ code: 0, stdout: packageVersion });
  });
});

/** Runs the CLI in `cwd` with no --store or --content flag, so the config decides. */
async function runIn(cwd: string, args: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, {
    cwd,
    env: { WIRECOPY_TODAY: '2025-11-21', ...env },
    now: () => new Date('2025-11-21T12:00:00Z'),
    io: { out: (t) => out.push(t), err: (t) => err.push(t) },
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('the config file is found upward from the working folder', () => {
  /** project/wirecopy.config.json and project/content/drafts/, the folder an editor works in. */
  function project(config: object) {
    const dir = mkdtempSync(join(tmpdir(), 'wirecopy-project-'));
    writeFileSync(join(dir, 'wirecopy.config.json'), JSON.stringify(config));
    const drafts = join(dir, 'desk', 'drafts');
    mkdirSync(drafts, { recursive: true });
    return { dir, drafts };
  }

  it("from a subfolder, the project's config is used, its relative paths resolved against its folder", async () => {
    const { dir, drafts } = project({ store: 'data/market.db', content: 'desk' });
    const result = await runIn(drafts, ['status']);
    expect(result.stdout).toContain(`Store: ${join(dir, 'data', 'market.db')} (not created yet`);
    expect(result.stdout).toContain(`Drafts (${join(dir, 'desk', 'drafts')}): 0`);
  });

  it('with a config file, the default store is in its folder too, and a writing verb creates it there', async () => {
    const { dir, drafts } = project({ indexes: ['RUT', 'SPX'] });
    expect((await runIn(drafts, ['demo'])).code).toBe(0);
    expect(existsSync(join(dir, '.wirecopy', 'market.db'))).toBe(true);
    expect(existsSync(join(drafts, '.wirecopy'))).toBe(false);
  });

  it('the search stops at the folder holding .git: a config above the repository is not used', async () => {
    const { dir } = project({ store: 'outside.db' });
    const inner = join(dir, 'repo', 'src');
    mkdirSync(join(dir, 'repo', '.git'), { recursive: true });
    mkdirSync(inner);
    const result = await runIn(inner, ['status']);
    expect(result.stdout).toContain('Store: .wirecopy/market.db (not created yet');
  });

  it('WIRECOPY_CONFIG names the file (relative to the working folder); its paths are relative to it', async () => {
    const { dir } = project({ store: 'data/market.db' });
    const elsewhere = mkdtempSync(join(tmpdir(), 'wirecopy-elsewhere-'));
    const result = await runIn(elsewhere, ['status'], {
      WIRECOPY_CONFIG: relative(elsewhere, join(dir, 'wirecopy.config.json')),
    });
    expect(result.stdout).toContain(`Store: ${join(dir, 'data', 'market.db')}`);
  });

  it('a store from WIRECOPY_STORE stays relative to the working folder, as the shell means it', async () => {
    const { dir, drafts } = project({ store: 'data/market.db' });
    expect((await runIn(drafts, ['demo'], { WIRECOPY_STORE: 'here.db' })).code).toBe(0);
    expect(existsSync(join(drafts, 'here.db'))).toBe(true);
    expect(existsSync(join(dir, 'data', 'market.db'))).toBe(false);
  });
});

describe('read-only verbs never create a store', () => {
  const draft = join(REPO_ROOT, 'test/fixtures/review/original.md');

  it.each([
    [['stats'], 2],
    [['stats', '--as-of', '2025-09-18'], 2],
    [['stats', '--explain', 'RUT.return.5d'], 2],
    [['verify'], 2],
    [['status'], 2],
    [['status', '--json'], 2],
    [['diff', draft], 2],
    [['social', draft], 0],
    [['style', '--from', '2025-01-02', '--to', '2025-01-31'], 2],
    [['templates', 'check'], 0],
  ])('wirecopy %j on a missing store exits %d and leaves no store file', async (args, code) => {
    const ws = workspace();
    const result = await ws.run(args);
    expect(result.code).toBe(code);
    expect(existsSync(join(ws.dir, 'market.db'))).toBe(false);
    if (code === 2) expect(result.stderr).toMatch(/There is no market store at .*market\.db/);
  });

  it('check with drafts on a missing store exits 2, says how to fill it, and creates no store', async () => {
    const ws = workspace();
    const result = await ws.run(['check', draft]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /There is no market store at .*: there is nothing to judge the freshness of the drafts against/,
    );
    expect(existsSync(join(ws.dir, 'market.db'))).toBe(false);
  });

  it.each([['stats'], ['stats --as-of 2025-09-18'], ['verify']])(
    'wirecopy %s on an empty store exits 2 and says how to fill it',
    async (command) => {
      const ws = workspace();
      MarketStore.open(join(ws.dir, 'market.db')).close();
      const result = await ws.run(command.split(' '));
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('There is no market data to read');
      expect(result.stderr).toMatch(/The store .*market\.db is empty/);
      expect(result.stderr).toContain('`wirecopy import <file>`');
      expect(result.stderr).toContain('`wirecopy fetch`');
      expect(result.stderr).toContain('`wirecopy demo`');
    },
  );

  it('run on an empty store still fills it with the demo set', async () => {
    const ws = workspace();
    const result = await ws.run(['run', '--offline']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('loading the DEMO dataset');
  });
});

describe('colour: NO_COLOR (https://no-color.org) and FORCE_COLOR (Node: doc/api/cli.md)', () => {
  it.each([
    // flag, environment, terminal → colour
    [undefined, {}, true, true],
    [undefined, {}, false, false],
    [undefined, { NO_COLOR: '1' }, true, false],
    [undefined, { NO_COLOR: 'false' }, true, false], // "regardless of its value"
    [undefined, { NO_COLOR: '' }, true, true], // an empty NO_COLOR does not count
    [undefined, { FORCE_COLOR: '1' }, false, true],
    [undefined, { FORCE_COLOR: '' }, false, true],
    [undefined, { FORCE_COLOR: '3', NO_COLOR: '1' }, false, true], // FORCE_COLOR overrides NO_COLOR
    [undefined, { FORCE_COLOR: '0' }, true, false],
    [true, { NO_COLOR: '1' }, false, true], // a flag on the command line beats the environment
    [false, { FORCE_COLOR: '1' }, true, false],
  ] as const)('flag %s, env %j, terminal %s → %s', (flag, env, terminal, colour) => {
    expect(wantsColor(flag, env, terminal)).toBe(colour);
  });

  it('wirecopy diff colours with FORCE_COLOR=1 though its output is not a terminal', async () => {
    const ws = workspace('2026-11-21');
    expect((await ws.run(['run'])).code).toBe(0);
    const drafts = join(ws.dir, 'content', 'drafts');
    const path = join(drafts, readdirSync(drafts)[0] ?? '');
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace(/\n---\n\n/, '\n---\n\nAn opening line with 42 in it.\n\n'),
    );
    const plain = await ws.run(['diff', path]);
    expect(plain.stdout).toContain('«42»');
    expect(plain.stdout).not.toContain('\u001b[');
    const forced = await ws.run(['diff', path], { FORCE_COLOR: '1' });
    expect(forced.stdout).toContain('\u001b[');
    expect(forced.stdout).not.toContain('«42»');
  });
});
