/**
 * Issue 16, races with the editor: two commands writing one store or one content folder at once.
 * Each case asserts the exit code, the located message and what is left on disk. Cases with
 * real concurrency run the CLI in child processes; the rest hold a lock (ours or SQLite's) by
 * hand and run the CLI in-process through `main()`.
 */
import { spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import matter from 'gray-matter';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../review/support.ts';
import { HAS_MARKET_DATA, MARKET_DATA, NO_MARKET_DATA_REASON, workspace } from '../support/cli.ts';
import {
  cliProcess,
  type DraftWorkspace,
  deadPid,
  draftWorkspace,
  filesUnder,
  pieces,
  startCli,
  storeDump,
  TODAY,
  waitFor,
} from './support-races.ts';

/** Short waits keep the busy cases quick; the default is 5 s. */
const QUICK = { WIRECOPY_LOCK_WAIT_MS: '300' };
/** A lock taken at 14:03:27 UTC, shown as "since 14:03 UTC". */
const SINCE = '2026-11-21T14:03:27.000Z';

function holdLock(path: string, pid: number, command: string): string {
  const text = `${JSON.stringify({ pid, host: hostname(), since: SINCE, command })}\n`;
  writeFileSync(path, text);
  return text;
}

describe('the store lock', () => {
  it('regression: a second import while the store is locked says busy, not a stack trace', async () => {
    const ws = workspace(TODAY);
    writeFileSync(join(ws.dir, 'RUT.csv'), 'Date,Close\n2025-09-17,2400.5\n2025-09-18,2467.7\n');
    expect((await ws.run(['import', 'RUT.csv'])).code).toBe(0);
    const before = storeDump(ws.dir);
    // Another writer (a sqlite3 shell, say) in the middle of a transaction: SQLite's own lock.
    const other = new DatabaseSync(join(ws.dir, 'market.db'));
    other.exec('BEGIN IMMEDIATE');
    try {
      // A file with a new session (the same file again would be a no-op: it is already imported).
      writeFileSync(
        join(ws.dir, 'RUT.csv'),
        'Date,Close\n2025-09-17,2400.5\n2025-09-18,2467.7\n2025-09-19,2448.77\n',
      );
      const second = await ws.run(['import', 'RUT.csv'], QUICK);
      expect(second.code).toBe(1);
      expect(second.stderr).not.toContain('internal error');
      expect(second.stderr).toContain(
        `The market store is busy: another connection is writing to ${join(ws.dir, 'market.db')} (SQLite: database is locked); waited 0.3 s, and what was being written was rolled back.`,
      );
      expect(second.stderr).toContain('What to do: Wait for the other writer');
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(storeDump(ws.dir)).toBe(before);
    expect(existsSync(join(ws.dir, 'market.db.lock'))).toBe(false);
  });

  it('an import while another wirecopy holds the store lock waits, then names the holder and changes nothing', async () => {
    const ws = workspace(TODAY);
    writeFileSync(join(ws.dir, 'RUT.csv'), 'Date,Close\n2025-09-18,2467.7\n');
    const lock = join(ws.dir, 'market.db.lock');
    // This test's own process: alive, so the lock is not stale.
    const held = holdLock(lock, process.pid, 'wirecopy fetch');
    const result = await ws.run(['import', 'RUT.csv'], QUICK);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `The market store is busy: held by pid ${process.pid} since 14:03 UTC (wirecopy fetch); waited 0.3 s for ${join(ws.dir, 'market.db')} and changed nothing.`,
    );
    expect(result.stderr).toContain(
      `What to do: Wait for it to finish and run the command again. If pid ${process.pid} is no longer running, remove ${lock}.`,
    );
    // The lock is the holder's, untouched; the store was never even opened.
    expect(readFileSync(lock, 'utf8')).toBe(held);
    expect(existsSync(join(ws.dir, 'market.db'))).toBe(false);
  });

  it.each([['import', 'RUT.csv'], ['demo'], ['fetch'], ['run', '--offline']])(
    'wirecopy %s takes the store lock',
    async (...args) => {
      const ws = workspace(TODAY);
      writeFileSync(join(ws.dir, 'RUT.csv'), 'Date,Close\n2025-09-18,2467.7\n');
      holdLock(join(ws.dir, 'market.db.lock'), process.pid, 'wirecopy import');
      const result = await ws.run(args, QUICK);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`held by pid ${process.pid} since 14:03 UTC (wirecopy import)`);
      expect(existsSync(join(ws.dir, 'market.db'))).toBe(false);
      expect(filesUnder(join(ws.dir, 'content'))).toEqual({});
    },
  );

  it('a store lock left by a killed import is taken over, saying so, and released after', async () => {
    const ws = workspace(TODAY);
    writeFileSync(join(ws.dir, 'RUT.csv'), 'Date,Close\n2025-09-18,2467.7\n');
    const lock = join(ws.dir, 'market.db.lock');
    const pid = deadPid();
    holdLock(lock, pid, 'wirecopy import');
    const result = await ws.run(['import', 'RUT.csv'], QUICK);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      `Took over the lock ${lock}: pid ${pid} (wirecopy import, since 14:03 UTC) is no longer running, so the lock it left was stale.`,
    );
    expect(result.stdout).toContain('1 of 1 file(s) imported');
    expect(existsSync(lock)).toBe(false);
  });

  it.skipIf(!HAS_MARKET_DATA)(
    'an import killed with kill -9 leaves its lock; the next import takes it over, saying so',
    async () => {
      const ws = workspace(TODAY);
      const lock = join(ws.dir, 'market.db.lock');
      const { child, finished } = startCli(ws.dir, ['import', MARKET_DATA]);
      await waitFor(() => existsSync(lock), 'the import to take the store lock');
      child.kill('SIGKILL');
      expect((await finished).code).toBe(-1);
      // kill -9 runs no cleanup: the lock names the dead import.
      const holder = JSON.parse(readFileSync(lock, 'utf8'));
      expect(holder).toMatchObject({ pid: child.pid, command: 'wirecopy import' });

      const next = await ws.run(['import', join(MARKET_DATA, 'RUT.csv')], QUICK);
      expect(next.code).toBe(0);
      expect(next.stderr).toBe(
        `Took over the lock ${lock}: pid ${child.pid} (wirecopy import, since ${holder.since.slice(11, 16)} UTC) is no longer running, so the lock it left was stale.`,
      );
      expect(existsSync(lock)).toBe(false);
      // Whatever the killed import had committed, the file is a sound database.
      const db = new DatabaseSync(join(ws.dir, 'market.db'));
      expect(db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
      db.close();
    },
  );

  it('the lock is released when the command fails', async () => {
    const ws = workspace(TODAY);
    writeFileSync(join(ws.dir, 'RUT.csv'), 'Date,Close\n2025-09-18,not a number\n');
    const result = await ws.run(['import', 'RUT.csv'], QUICK);
    expect(result.code).toBe(2);
    expect(existsSync(join(ws.dir, 'market.db.lock'))).toBe(false);
  });

  it.skipIf(!HAS_MARKET_DATA)(
    'two imports at once (two processes) both land, one after the other',
    async () => {
      const ws = workspace(TODAY);
      const [a, b] = await Promise.all([
        cliProcess(ws.dir, ['import', join(MARKET_DATA, 'RUT.csv')]),
        cliProcess(ws.dir, ['import', join(MARKET_DATA, 'GSPC.csv')]),
      ]);
      for (const run of [a, b]) {
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        expect(run.stdout).toContain('1 of 1 file(s) imported');
      }
      // Each series whole: as many rows stored as its import reported.
      const reported = (run: { stdout: string }) =>
        Number(/^ {2}\S+\s+([\d,]+) rows/m.exec(run.stdout)?.[1]?.replace(/,/g, ''));
      const status = JSON.parse((await ws.run(['status', '--json'])).stdout);
      const rows = Object.fromEntries(
        status.series.map((s: { symbol: string; rows: number }) => [s.symbol, s.rows]),
      );
      expect(rows).toEqual({ RUT: reported(a), SPX: reported(b) });
      expect(existsSync(join(ws.dir, 'market.db.lock'))).toBe(false);
    },
  );
  if (!HAS_MARKET_DATA) it.skip(NO_MARKET_DATA_REASON, () => {});
});

describe('the content lock', () => {
  let ctx: DraftWorkspace;
  beforeAll(async () => {
    ctx = await draftWorkspace();
  });

  it.each([
    ['approve', () => [ctx.draft, '--by', 'Dana Editor', '--allow-demo']],
    ['reject', () => [ctx.draft, '--by', 'Dana Editor', '--reason', 'no']],
    ['draft', () => ['--force']],
    ['newsletter', () => ['--from', '2026-11-16', '--to', '2026-11-20']],
  ])(
    'wirecopy %s waits for the content lock, then refuses naming the holder; nothing changes',
    async (verb, args) => {
      const lock = join(ctx.ws.dir, 'content', '.wirecopy.lock');
      const held = holdLock(lock, process.pid, 'wirecopy approve');
      const before = filesUnder(join(ctx.ws.dir, 'content'));
      try {
        const result = await ctx.ws.run([verb, ...args()], QUICK);
        expect(result.code).toBe(1);
        expect(result.stderr).toContain(
          `The content folder is busy: held by pid ${process.pid} since 14:03 UTC (wirecopy approve); waited 0.3 s for ${join(ctx.ws.dir, 'content')} and changed nothing.`,
        );
        expect(result.stderr).toContain(`If pid ${process.pid} is no longer running, remove ${lock}.`);
        expect(filesUnder(join(ctx.ws.dir, 'content'))).toEqual(before);
        expect(readFileSync(lock, 'utf8')).toBe(held);
      } finally {
        unlinkSync(lock);
      }
    },
  );

  it('a draft written while an import runs (two processes): both finish', async () => {
    const ws = workspace(TODAY);
    // The import is of a series the draft does not read, so either may finish first and the
    // draft is the same: what is tested is that they run at once without tripping on each other.
    writeFileSync(
      join(ws.dir, 'wirecopy.config.json'),
      JSON.stringify({ symbols: [{ key: 'MID', name: 'A mid-cap index', kind: 'index' }] }),
    );
    writeFileSync(join(ws.dir, 'MID.csv'), 'Date,Close\n2026-11-19,100\n2026-11-20,101\n');
    expect((await ws.run(['demo'])).code).toBe(0);
    const [draft, load] = await Promise.all([
      cliProcess(ws.dir, ['draft']),
      cliProcess(ws.dir, ['import', 'MID.csv']),
    ]);
    expect(draft.stderr).toBe('');
    expect(draft.code).toBe(0);
    expect(draft.stdout).toMatch(/^content\/drafts\/2026-11-20-\S+\.md {2}written/m);
    expect(load.stderr).toBe('');
    expect(load.code).toBe(0);
    expect(existsSync(join(ws.dir, 'market.db.lock'))).toBe(false);
    expect(existsSync(join(ws.dir, 'content', '.wirecopy.lock'))).toBe(false);
  });
});

describe('two approvals of one draft', () => {
  let ctx: DraftWorkspace;
  beforeAll(async () => {
    ctx = await draftWorkspace();
  });

  /** Puts the draft back as generated, with no article: the start of each round. */
  function reset() {
    if (existsSync(join(ctx.articles, ctx.name))) unlinkSync(join(ctx.articles, ctx.name));
    writeFileSync(ctx.path, ctx.text);
  }

  function expectOneWinner(runs: Array<{ code: number; stdout: string; stderr: string }>) {
    const won = runs.filter((r) => r.code === 0);
    const lost = runs.filter((r) => r.code !== 0);
    expect(won, JSON.stringify(runs, null, 2)).toHaveLength(1);
    expect(won[0]?.stdout).toContain(`Approved by Dana Editor: content/articles/${ctx.name}`);
    expect(lost).toHaveLength(1);
    expect(lost[0]?.code).toBe(1);
    expect(lost[0]?.stderr).toContain(
      `An article with that name is already published: ${ctx.draft} is no longer a draft: ${join(ctx.articles, ctx.name)} is published`,
    );
    expect(pieces(ctx.ws.dir)).toEqual([`articles/${ctx.name}`]);
    // Nothing stray either: no temp file, no lock.
    // The Open Graph image approve draws beside the piece (content/articles/<id>.og.png) is the one
    // other file a publication leaves.
    expect(
      Object.keys(filesUnder(join(ctx.ws.dir, 'content'))).filter((f) => !f.startsWith('inputs/')),
    ).toEqual([`articles/${ctx.name}`, `articles/${ctx.name.replace(/\.md$/, '.og.png')}`]);
    expect(matter(readFileSync(join(ctx.articles, ctx.name), 'utf8')).data['status']).toBe('published');
  }

  it('regression: two approves of one draft at once leave one article and no draft (in one process)', async () => {
    reset();
    const args = ['approve', ctx.draft, '--by', 'Dana Editor', '--allow-demo'];
    expectOneWinner(await Promise.all([ctx.ws.run(args), ctx.ws.run(args)]));
  });

  // Ten rounds by default (each starts two Node processes); RACE_ROUNDS=20 (or more) for a longer run.
  const rounds = Number(process.env['RACE_ROUNDS'] ?? 10);
  it(`two approves of one draft in two processes, ${rounds} rounds: each time one article, no draft, one clear refusal`, async () => {
    const args = ['approve', ctx.draft, '--by', 'Dana Editor', '--allow-demo'];
    for (let round = 0; round < rounds; round++) {
      reset();
      // Waits as long as it takes: on a loaded machine the winner's checks can outlast the
      // default 5 s, and the refusal under test is the loser's, not a busy lock's.
      const env = { WIRECOPY_LOCK_WAIT_MS: '120000' };
      expectOneWinner(
        await Promise.all([cliProcess(ctx.ws.dir, args, env), cliProcess(ctx.ws.dir, args, env)]),
      );
    }
  }, 600_000);
});

describe('two approvals of one draft, with no lock at all', () => {
  // The final move itself is single-winner: two processes approving through the library (no
  // content lock), started at the same moment. Five rounds by default; RACE_ROUNDS as above.
  const rounds = Number(process.env['RACE_ROUNDS'] ?? 5);
  it(`exactly one of two processes publishes, ${rounds} rounds; the other changes nothing`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wirecopy-race-'));
    const drafts = join(dir, 'drafts');
    const articles = join(dir, 'articles');
    mkdirSync(drafts);
    const name = '2025-09-18-weekly-recap.md';
    for (let round = 0; round < rounds; round++) {
      rmSync(articles, { recursive: true, force: true });
      writeFileSync(join(drafts, name), fixture('original.md'));
      const racers = [0, 1].map(() => racer([join(drafts, name), drafts, articles]));
      await Promise.all(racers.map((r) => r.ready));
      for (const r of racers) r.go();
      const outcomes = await Promise.all(racers.map((r) => r.outcome));
      expect(outcomes.filter((o) => o.won)).toEqual([{ won: true, outcome: 'published' }]);
      const [lost] = outcomes.filter((o) => !o.won);
      expect(lost?.code).toBe('ArticleExists');
      expect(readdirSync(drafts)).toEqual([]);
      expect(readdirSync(articles)).toEqual([name]);
    }
  }, 600_000);
});

/** A child process that approves when told to go (see support-races-approver.ts). */
function racer(args: string[]) {
  const child = spawn(
    process.execPath,
    [fileURLToPath(new URL('./support-races-approver.ts', import.meta.url)), ...args],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  let out = '';
  let signalReady: () => void = () => {};
  const ready = new Promise<void>((done) => {
    signalReady = done;
  });
  const outcome = new Promise<{ won: boolean; outcome?: string; code?: string }>((done, fail) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.startsWith('ready\n')) signalReady();
    });
    child.on('error', fail);
    child.on('close', () => {
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) done(JSON.parse(line));
      else fail(new Error(`the racer printed no outcome: ${out}`));
    });
  });
  return { ready, outcome, go: () => child.stdin.write('go\n') };
}

describe('approve refuses what it should', () => {
  let ctx: DraftWorkspace;
  beforeAll(async () => {
    ctx = await draftWorkspace();
  });
  const approve = (file: string, ...more: string[]) =>
    ctx.ws.run(['approve', file, '--by', 'Dana Editor', '--allow-demo', ...more]);

  it('regression: a file from outside content/drafts is refused and stays where it is', async () => {
    mkdirSync(join(ctx.ws.dir, 'elsewhere'), { recursive: true });
    const outside = join(ctx.ws.dir, 'elsewhere', ctx.name);
    copyFileSync(ctx.path, outside);
    const before = filesUnder(ctx.ws.dir);
    const result = await approve(join('elsewhere', ctx.name));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `The file is not a draft: elsewhere/${ctx.name} is not in the drafts folder ${join(ctx.ws.dir, 'content', 'drafts')}, so it was not approved; nothing was moved.`,
    );
    expect(filesUnder(ctx.ws.dir)).toEqual(before);
  });

  it('a symlink in content/drafts to a file outside is refused, naming where it leads', async () => {
    const outside = join(ctx.ws.dir, 'outside.md');
    copyFileSync(ctx.path, outside);
    const link = join(ctx.ws.dir, 'content', 'drafts', 'linked.md');
    symlinkSync(outside, link);
    try {
      const before = filesUnder(ctx.ws.dir);
      const result = await approve('content/drafts/linked.md');
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(
        `The file is not a draft: content/drafts/linked.md is not in the drafts folder ${join(ctx.ws.dir, 'content', 'drafts')} (it resolves to ${outside}), so it was not approved`,
      );
      expect(filesUnder(ctx.ws.dir)).toEqual(before);
    } finally {
      unlinkSync(link);
    }
  });

  it('regression: a draft and its -r2 revision cannot both be published at one URL; --replace publishes the revision in place', async () => {
    const revision = ctx.path.replace(/\.md$/, '-r2.md');
    const revisionArg = ctx.draft.replace(/\.md$/, '-r2.md');
    // The editor's revision: the same piece with its dek reworded (no number changed).
    writeFileSync(revision, ctx.text.replace(/^summary: /m, 'summary: Revised. '));
    const first = await approve(ctx.draft);
    expect(first.code).toBe(0);
    const article = join(ctx.articles, ctx.name);
    const published = readFileSync(article, 'utf8');
    const firstReview = matter(published).data['review'];
    const urlId = ctx.name.replace(/\.md$/, '');

    const refused = await approve(revisionArg);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      `An article with that name is already published: ${article} already exists, published at /articles/${urlId}/, the URL of ${revisionArg}; so ${revisionArg} was not approved.`,
    );
    expect(refused.stderr).toContain('approve it with --replace');
    expect(readFileSync(article, 'utf8')).toBe(published);
    expect(pieces(ctx.ws.dir)).toEqual([
      `drafts/${ctx.name.replace(/\.md$/, '-r2.md')}`,
      `articles/${ctx.name}`,
    ]);

    const replaced = await approve(revisionArg, '--replace');
    expect(replaced.stderr).toBe('');
    expect(replaced.code).toBe(0);
    expect(replaced.stdout).toContain(`content/articles/${ctx.name} replaced by ${revisionArg}, same URL`);
    // One article, under its own name, now the revision, with the first review kept.
    expect(pieces(ctx.ws.dir)).toEqual([`articles/${ctx.name}`]);
    const now = matter(readFileSync(article, 'utf8')).data;
    expect(now['summary']).toMatch(/^Revised\. /);
    expect(now['status']).toBe('published');
    expect(now['revisions']).toEqual([firstReview]);
    expect(now['review'].at).not.toBe(undefined);
  });

  it('--replace with no article at the URL is refused', async () => {
    const other = join(ctx.ws.dir, 'content', 'drafts', '2026-11-20-lonely.md');
    writeFileSync(other, ctx.text.replace(/^slug: .*$/m, 'slug: lonely'));
    try {
      const result = await approve('content/drafts/2026-11-20-lonely.md', '--replace');
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('--replace: no article is published at /articles/2026-11-20-lonely/.');
      expect(existsSync(other)).toBe(true);
    } finally {
      unlinkSync(other);
    }
  });
});
