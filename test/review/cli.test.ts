/**
 * check, approve, reject, status and diff through the CLI, in a temp workspace filled with the
 * demo dataset (latest session 2026-11-20). Draft names come from the folder: which story the
 * session gets is the generator's business, not review's.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FrontMatter } from '../../src/content/front-matter.ts';
import { ogCard } from '../../src/site/og-file.ts';
import { OG_HEIGHT, OG_WIDTH, renderOgImage } from '../../src/site/og-image.ts';
import { REPO_ROOT, type Workspace, workspace } from '../support/cli.ts';
import { fixture } from './support.ts';

async function demoWorkspace(): Promise<{ ws: Workspace; draft: string; path: string }> {
  const ws = workspace('2026-11-21');
  const run = await ws.run(['run']);
  expect(run.code).toBe(0);
  const [name] = readdirSync(join(ws.dir, 'content', 'drafts'));
  if (!name) throw new Error('run wrote no draft');
  return { ws, draft: join('content', 'drafts', name), path: join(ws.dir, 'content', 'drafts', name) };
}

/** Changes the first linked percentage in the body to 9.9%: an edit no fact backs. */
function editFirstNumber(text: string): { text: string; line: number } {
  const body = text.indexOf('\n---\n', 4);
  const at = text.slice(body).search(/\d+\.\d%<!--fact:/) + body;
  const end = text.indexOf('%', at);
  return { text: `${text.slice(0, at)}9.9${text.slice(end)}`, line: text.slice(0, at).split('\n').length };
}

describe('wirecopy check', () => {
  let ctx: Awaited<ReturnType<typeof demoWorkspace>>;
  beforeAll(async () => {
    ctx = await demoWorkspace();
  });

  it('passes a freshly generated draft (exit 0)', async () => {
    const result = await ctx.ws.run(['check']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`${ctx.draft}: ok`);
    expect(result.stdout).toContain('1 file checked: 0 errors, 0 warnings.');
    // `draft` kept the generated text, so the facts were compared with it.
    expect(result.stdout).not.toContain('facts-unverified');
  });

  it('reports an edited number at file:line:col with its rule and exits 1', async () => {
    const original = readFileSync(ctx.path, 'utf8');
    const edited = editFirstNumber(original);
    writeFileSync(ctx.path, edited.text);
    try {
      const result = await ctx.ws.run(['check', ctx.draft]);
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(
        new RegExp(
          `^${ctx.draft}:${edited.line}:\\d+ error wirecopy:number-mismatch: 9\\.9% does not match its fact`,
          'm',
        ),
      );
      expect(result.stderr).toContain('must be fixed before approval');

      const json = await ctx.ws.run(['check', ctx.draft, '--json']);
      expect(json.code).toBe(1);
      const report = JSON.parse(json.stdout);
      expect(report).toMatchObject({ errors: 1, warnings: 0, unreadable: 0 });
      expect(report.files[0].messages[0]).toMatchObject({
        line: edited.line,
        severity: 'error',
        rule: 'wirecopy:number-mismatch',
        actual: '9.9%',
      });
      expect(report.files[0].messages[0].hint).toContain('<!--sourced:');
    } finally {
      writeFileSync(ctx.path, original);
    }
  });

  it('exits 0 with warnings only', async () => {
    const original = readFileSync(ctx.path, 'utf8');
    writeFileSync(ctx.path, original.replace('S&P 500', 'S&P500'));
    try {
      const result = await ctx.ws.run(['check', ctx.draft]);
      expect(result.stdout).toContain('warning wirecopy:house-style');
      expect(result.code).toBe(0);
    } finally {
      writeFileSync(ctx.path, original);
    }
  });

  it.each([
    [['check', 'content/drafts/no-such-draft.md'], 'The file does not exist.'],
    [['check', 'unparsable.md'], 'error wirecopy:yaml-syntax'],
  ])('exits 2 for unreadable input: %j', async (args, message) => {
    writeFileSync(join(ctx.ws.dir, 'unparsable.md'), fixture('unparsable-yaml.md'));
    const result = await ctx.ws.run(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain(message);
  });

  it('fails a draft for an older session as stale, unless --max-age allows it', async () => {
    const ws = workspace('2026-11-21');
    expect((await ws.run(['demo'])).code).toBe(0);
    expect((await ws.run(['draft', '--as-of', '2026-11-13', '--story', 'daily-wrap'])).code).toBe(0);
    const stale = await ws.run(['check']);
    expect(stale.code).toBe(1);
    expect(stale.stdout).toMatch(
      /:5:1 error wirecopy:stale-data: The data is stale: as-of 2026-11-13 is 5 sessions behind the latest RUT session in the store \(2026-11-20\)/,
    );
    expect((await ws.run(['check', '--max-age', '5'])).code).toBe(0);
    expect((await ws.run(['check', '--max-age', '4'])).code).toBe(1);
    // The same allowance from the config file (review.maxAgeSessions); the flag still wins.
    writeFileSync(join(ws.dir, 'wirecopy.config.json'), JSON.stringify({ review: { maxAgeSessions: 5 } }));
    expect((await ws.run(['check'])).code).toBe(0);
    expect((await ws.run(['check', '--max-age', '0'])).code).toBe(1);
  });
});

describe('approve, reject and status', () => {
  it('refuses a demo draft without --allow-demo and leaves it alone', async () => {
    const { ws, draft, path } = await demoWorkspace();
    const before = readFileSync(path, 'utf8');
    const result = await ws.run(['approve', draft, '--by', 'Dana Editor']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('written from the generated demo dataset');
    expect(result.stderr).toContain('--allow-demo');
    expect(readFileSync(path, 'utf8')).toBe(before);
    expect(existsSync(join(ws.dir, 'content', 'articles'))).toBe(false);
  });

  it('refuses a draft with errors, printing them', async () => {
    const { ws, draft, path } = await demoWorkspace();
    writeFileSync(path, editFirstNumber(readFileSync(path, 'utf8')).text);
    const result = await ws.run(['approve', draft, '--by', 'Dana Editor', '--allow-demo']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('was not approved: 1 error found');
    expect(result.stderr).toMatch(/error wirecopy:number-mismatch: 9\.9% does not match/);
  });

  it('approves, never overwrites, rejects, and status shows it all', async () => {
    const { ws, draft, path } = await demoWorkspace();
    const name = draft.split('/').at(-1)!;
    const article = join(ws.dir, 'content', 'articles', name);

    const approved = await ws.run(['approve', draft, '--by', 'Dana Editor', '--allow-demo']);
    expect(approved.stderr).toBe('');
    expect(approved.code).toBe(0);
    expect(approved.stdout).toContain(`Approved by Dana Editor: content/articles/${name}`);
    expect(existsSync(path)).toBe(false);
    const published = matter(readFileSync(article, 'utf8')).data;
    expect(published['status']).toBe('published');
    expect(published['review']).toMatchObject({
      by: 'Dana Editor',
      checks: expect.stringContaining('0 errors'),
    });
    expect(published['review'].dataHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    const articleText = readFileSync(article, 'utf8');

    // Its Open Graph image is drawn now, once, and stored beside it for every site build to copy:
    // a 1200×630 PNG (IHDR width and height), the very image the renderer draws for its card.
    const og = readFileSync(article.replace(/\.md$/, '.og.png'));
    expect([og.readUInt32BE(16), og.readUInt32BE(20)]).toEqual([OG_WIDTH, OG_HEIGHT]);
    const fonts = {
      regular: readFileSync(join(REPO_ROOT, 'site/assets/fonts/DejaVuSans-Latin.ttf')),
      bold: readFileSync(join(REPO_ROOT, 'site/assets/fonts/DejaVuSans-Bold-Latin.ttf')),
    };
    const card = ogCard(published as FrontMatter, 'Wirecopy Small Caps');
    expect(card.demo).toBe(true);
    expect(Buffer.from(await renderOgImage(card, fonts)).equals(og)).toBe(true);

    // The same session drafted again: same file name, and the article must not be replaced.
    expect((await ws.run(['draft', '--story', published['story']])).code).toBe(0);
    const again = await ws.run(['approve', draft, '--by', 'Dana Editor', '--allow-demo']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
    expect(readFileSync(article, 'utf8')).toBe(articleText);
    expect(existsSync(path)).toBe(true);

    const rejected = await ws.run(['reject', draft, '--by', 'Sam Desk', '--reason', 'Already published']);
    expect(rejected.code).toBe(0);
    const draftData = matter(readFileSync(path, 'utf8')).data;
    expect(draftData['status']).toBe('rejected');
    expect(draftData['review']).toMatchObject({ by: 'Sam Desk', reason: 'Already published' });

    const status = JSON.parse((await ws.run(['status', '--json'])).stdout);
    expect(status.counts).toEqual({ drafts: { rejected: 1 }, articles: { published: 1 } });
    expect(status.drafts[0]).toMatchObject({
      file: name,
      status: 'rejected',
      asOf: '2026-11-20',
      age: { sessions: 0, days: 1 },
      check: { errors: 0, warnings: 0, unreadable: false },
    });
    expect(status.articles[0]).toMatchObject({ file: name, status: 'published', check: { errors: 0 } });

    const table = (await ws.run(['status'])).stdout;
    expect(table).toMatch(/^Drafts \(\S*content\/drafts\): 1 \(1 rejected\)$/m);
    expect(table).toMatch(/^Articles \(\S*content\/articles\): 1 \(1 published\)$/m);
    expect(table).toMatch(
      new RegExp(`${name}\\s+rejected\\s+2026-11-20\\s+\\S+\\s+demo\\s+0 sessions\\s+ok`),
    );
  });

  it('one piece per story per session: a second slug is refused, naming the published piece; a repeated headline warns', async () => {
    const { ws, draft, path } = await demoWorkspace();
    const original = readFileSync(path, 'utf8');
    const { data } = matter(original);
    expect((await ws.run(['approve', draft, '--by', 'Dana Editor', '--allow-demo'])).code).toBe(0);
    const published = `content/articles/${draft.split('/').at(-1)}`;

    // The same story and session under another slug: two URLs for one story.
    const renamed = join(ws.dir, 'content', 'drafts', `${data['asOf']}-second-take.md`);
    writeFileSync(renamed, original.replace(`slug: ${data['slug']}`, 'slug: second-take'));
    const twice = await ws.run([
      'approve',
      'content/drafts/' + `${data['asOf']}-second-take.md`,
      '--by',
      'Dana Editor',
      '--allow-demo',
    ]);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain(`is already the ${data['story']} piece of ${data['asOf']}`);
    expect(twice.stderr).toContain(
      `set \`slug: ${data['slug']}\` in the draft and approve it with --replace`,
    );
    expect(existsSync(renamed)).toBe(true);

    // Another story with the same headline: published, with a warning naming the other piece.
    writeFileSync(
      renamed,
      original
        .replace(`slug: ${data['slug']}`, 'slug: second-take')
        .replace(`story: ${data['story']}`, 'story: second-take'),
    );
    const same = await ws.run([
      'approve',
      `content/drafts/${data['asOf']}-second-take.md`,
      '--by',
      'Dana Editor',
      '--allow-demo',
    ]);
    expect(same.stderr).toBe('');
    expect(same.code).toBe(0);
    expect(same.stdout).toContain(
      `warning same-headline: ${published} (${data['story']}, ${data['asOf']}) is published with the same headline`,
    );
  });

  it('shows an interrupted approval in status, and approve finishes it', async () => {
    const { ws, draft, path } = await demoWorkspace();
    // What a crash between rewriting the draft and moving it leaves (see src/review/approve.ts).
    writeFileSync(path, readFileSync(path, 'utf8').replace('status: draft', 'status: published'));
    const status = await ws.run(['status']);
    expect(status.stdout).toContain('approval interrupted: run `wirecopy approve` again to finish it');
    expect((await ws.run(['reject', draft, '--by', 'Sam', '--reason', 'no'])).code).toBe(2);
    const approved = await ws.run(['approve', draft, '--by', 'Dana Editor', '--allow-demo']);
    expect(approved.code).toBe(0);
    expect(existsSync(path)).toBe(false);
    const name = draft.split('/').at(-1)!;
    expect(readdirSync(join(ws.dir, 'content', 'articles'))).toEqual([
      name,
      name.replace(/\.md$/, '.og.png'),
    ]);
  });

  it('needs --by, and a reason to reject', async () => {
    const { ws, draft } = await demoWorkspace();
    expect((await ws.run(['approve', draft])).code).toBe(2);
    expect((await ws.run(['reject', draft, '--by', 'Sam'])).code).toBe(2);
    expect((await ws.run(['reject', draft, '--by', 'Sam', '--reason', '  '])).code).toBe(2);
  });
});

describe('wirecopy diff', () => {
  it('shows the edited sentence, numbers marked, each changed number beside its fact', async () => {
    const { ws, draft, path } = await demoWorkspace();
    const unchanged = await ws.run(['diff', draft]);
    expect(unchanged.code).toBe(0);
    expect(unchanged.stdout).toContain('no changes since it was generated');

    const original = readFileSync(path, 'utf8');
    const edited = editFirstNumber(original);
    writeFileSync(path, edited.text.replace('\n---\n\n', '\n---\n\nA new opening line with 42 in it.\n\n'));
    const result = await ws.run(['diff', draft]);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines).toContain('body');
    expect(lines).toContain('¶1 + A new opening line with «42» in it.');
    expect(lines.some((l) => /^ {4}42(?: \([^)]*\))? {2}matches no fact; closest: /.test(l))).toBe(true);
    const changed = lines.findIndex((l) => / \+ .*«9\.9%»/.test(l));
    expect(lines[changed - 1]).toMatch(/ - .*«\d+\.\d%»/);
    expect(lines.slice(changed + 1)).toContainEqual(
      expect.stringMatching(/^ {4}9\.9% \(Russell 2000[^)]*\) {2}does not match its fact \S+ \(\d+\.\d%\)$/),
    );
    // No color codes when the output is not a terminal.
    expect(result.stdout).not.toContain('\u001b[');
  });

  it('colors when asked', async () => {
    const { ws, draft, path } = await demoWorkspace();
    writeFileSync(path, editFirstNumber(readFileSync(path, 'utf8')).text);
    const result = await ws.run(['diff', draft, '--color']);
    expect(result.stdout).toContain('\u001b[');
  });
});
