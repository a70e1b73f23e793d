/**
 * Issue 16, item 14: inputs that used to end in "internal error (a bug)" or pass silently, each
 * now a catalogue error that says what, where and what to do. One regression test per fault.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, workspace } from '../support/cli.ts';

/** Runs the real binary with a stdout whose reader has already gone, as `| head -1` leaves it. */
function runIntoClosedPipe(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'bin/wirecopy.js'), ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', fail);
    child.on('close', (code) => done({ code, stderr }));
  });
}

describe('a store file that is not SQLite', () => {
  it('is StoreNotSqlite naming the file, not an internal error, and the file is left as it was', async () => {
    const ws = workspace();
    const store = join(ws.dir, 'market.db');
    writeFileSync(store, 'date,close\n2025-09-18,2448.77\n');
    const result = await ws.run(['stats']);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toContain('internal error');
    expect(result.stderr).toContain('The market store is not a SQLite file');
    expect(result.stderr).toContain(`${store} is not a SQLite database`);
    expect(result.stderr).toContain('looks like a text file');
    expect(result.stderr).toContain('What to do: Point --store');
    expect(readFileSync(store, 'utf8')).toBe('date,close\n2025-09-18,2448.77\n');
  });
});

describe('EPIPE: the reader of the output goes away', () => {
  const ws = workspace('2025-11-21');
  const env = { WIRECOPY_TODAY: '2025-11-21' };
  const flags = ['--store', join(ws.dir, 'market.db'), '--content', join(ws.dir, 'content')];

  it('stats --json | head -1 exits 0 with nothing on stderr', async () => {
    expect((await ws.run(['demo'])).code).toBe(0);
    const result = await runIntoClosedPipe([...flags, 'stats', '--json'], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('status | head -1 exits 0 with nothing on stderr', async () => {
    const result = await runIntoClosedPipe([...flags, 'status'], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  // Every verb prints through the same two line printers (src/cli/standard-streams.ts); one of
  // each kind of output: commander's help, a writing verb, a report, a subcommand, a diff.
  it.each([
    [['--help']],
    [['draft', '--story', 'daily-wrap']],
    [['check', '--json']],
    [['templates', 'check']],
    [['diff', join(ws.dir, 'content/drafts/2025-11-20-daily-wrap.md')]],
  ])('%j | head -1 exits 0 with nothing on stderr', async (args) => {
    const result = await runIntoClosedPipe([...flags, ...args], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});

describe('config files wirecopy used to accept without a word', () => {
  /** Writes `text` as the workspace's config file and runs `status`, which reads the config first. */
  async function withConfig(text: string, name = 'wirecopy.config.json') {
    const ws = workspace();
    writeFileSync(join(ws.dir, name), text);
    return { ...(await ws.run(['status'])), file: join(ws.dir, name) };
  }

  it.each([
    ['[{ "store": "x.db" }]', 'a list'],
    ['null', 'null'],
    ['"RUT"', 'a single string'],
  ])('a config that is %s is ConfigInvalid: it holds %s, not fields', async (text, what) => {
    const result = await withConfig(text);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `${result.file} holds ${what} at the top, where wirecopy expects an object`,
    );
    expect(result.stderr).toContain('What to do: Write one object at the top');
  });

  it('a YAML config that is a list is refused too, while an empty one (comments only) means defaults', async () => {
    const list = await withConfig('- store: x.db\n', 'wirecopy.config.yaml');
    expect(list.code).toBe(2);
    expect(list.stderr).toContain('holds a list at the top');
    const empty = await withConfig('# settings go here\n', 'wirecopy.config.yaml');
    expect(empty.stderr).not.toMatch(/config/i);
  });

  it('a typo in verify.sanityBound is ConfigUnknownField with the line and the nearest field', async () => {
    const result = await withConfig('{\n  "verify": {\n    "sanityBond": 0.2\n  }\n}\n');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('The config file has a field wirecopy does not know');
    expect(result.stderr).toContain(
      `verify.sanityBond: "sanityBond" is not a field here: did you mean "sanityBound"? (${result.file}:3)`,
    );
  });

  it('an unknown field with no near neighbour lists the fields of its object', async () => {
    const result = await withConfig('review:\n  colour: red\n', 'wirecopy.config.yaml');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'review.colour: "colour" is not a field here; the fields are maxAgeSessions',
    );
  });

  it('an API key in a provider URL is ConfigHoldsSecret naming the field, never echoing the key', async () => {
    const key = 'abcdef0123456789abcdef0123456789';
    const result = await withConfig(
      JSON.stringify(
        { fetch: { urls: { fredApi: `https://api.stlouisfed.org/fred?api_key=${key}` } } },
        null,
        2,
      ),
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('The config file holds an API key');
    expect(result.stderr).toContain(`fetch.urls.fredApi: an "api_key" query parameter (${result.file}:4)`);
    expect(result.stderr).toContain('FRED_API_KEY');
    expect(result.stderr + result.stdout).not.toContain(key);
  });

  it('a key under an unknown field name (fetch.urls.fred) is still found first, and a password in an address too', async () => {
    const result = await withConfig(
      JSON.stringify({
        fetch: { urls: { fred: 'https://x.example/?apikey=s3cret' } },
        publication: { siteUrl: 'https://editor:hunter2@www.example.com' },
      }),
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('fetch.urls.fred: an "apikey" query parameter');
    expect(result.stderr).toContain('publication.siteUrl: a password in the address');
    expect(result.stderr).not.toMatch(/s3cret|hunter2/);
  });

  it.each(['ftp://www.example.com', 'file:///etc/passwd', 'javascript:alert(1)'])(
    'publication.siteUrl %s is refused: it must be http(s)',
    async (siteUrl) => {
      const result = await withConfig(JSON.stringify({ publication: { siteUrl } }));
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(
        'publication.siteUrl: must be an http:// or https:// address, e.g. https://www.example.com',
      );
    },
  );
});

describe('provider addresses in the config', () => {
  it('fetch.urls.yahoo file:///... is refused the same way: wirecopy fetches over http(s) only', async () => {
    const ws = workspace();
    writeFileSync(
      join(ws.dir, 'wirecopy.config.json'),
      JSON.stringify({ fetch: { urls: { yahoo: 'file:///tmp/chart.json' } } }),
    );
    const result = await ws.run(['status']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'fetch.urls.yahoo: must be an http:// or https:// address, e.g. https://query2.finance.yahoo.com',
    );
  });
});

describe('check on a day with no drafts', () => {
  it('check --as-of a holiday (Thanksgiving, 2025-11-27) exits 0: no drafts for that date', async () => {
    const ws = workspace();
    mkdirSync(join(ws.dir, 'content', 'drafts'), { recursive: true });
    writeFileSync(join(ws.dir, 'content', 'drafts', '2025-11-26-daily-wrap.md'), 'not checked today');
    const result = await ws.run(['check', '--as-of', '2025-11-27']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain(`No drafts for 2025-11-27 in ${join(ws.dir, 'content', 'drafts')}.`);
  });

  it('check with no drafts folder at all exits 0, as --json too', async () => {
    const ws = workspace();
    expect(await ws.run(['check'])).toMatchObject({ code: 0, stderr: '' });
    const json = await ws.run(['check', '--json', '--as-of', '2025-11-27']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({ files: [], errors: 0, warnings: 0, unreadable: 0 });
  });

  it('naming files that are not there is still a usage error (exit 2)', async () => {
    const ws = workspace();
    const result = await ws.run(['check', join(ws.dir, 'nowhere')]);
    expect(result.code).toBe(2);
  });

  it('check --as-of with a date that is not one is a usage error', async () => {
    const result = await workspace().run(['check', '--as-of', '2025-13-01']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--as-of 2025-13-01 is not a date');
  });
});

describe('diff on a draft whose front matter cannot be read', () => {
  it('says so at file:line:col and exits 2, instead of printing every sentence as deleted', async () => {
    const ws = workspace('2026-11-21');
    expect((await ws.run(['run'])).code).toBe(0);
    const drafts = join(ws.dir, 'content', 'drafts');
    const [name] = readdirSync(drafts);
    if (!name) throw new Error('run wrote no draft');
    const path = join(drafts, name);
    const text = readFileSync(path, 'utf8');
    const titleLine = text.split('\n').findIndex((l) => l.startsWith('title: ')) + 1;
    // An unquoted ": " inside the title: the editor's slip that YAML cannot read.
    writeFileSync(path, text.replace(/^title: .*$/m, 'title: Small caps: a record at last'));

    const result = await ws.run(['diff', path]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('A draft file is not valid');
    expect(result.stderr).toMatch(
      new RegExp(`${name}:${titleLine}:\\d+: the draft has front matter that is not valid YAML`),
    );
    expect(result.stderr).toContain(`wirecopy check ${path}`);
  });

  it('a draft with no front matter at all is located at line 1', async () => {
    const ws = workspace();
    const path = join(ws.dir, 'bare.md');
    writeFileSync(path, 'Just a paragraph, 2.5% of it.\n');
    const result = await ws.run(['diff', path]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${path}:1:1: the draft has no front matter`);
  });
});
