/**
 * Fault matrix, issue 16 item 4: an interrupted `draft`. A kill -9 after the draft file appeared
 * left a draft whose generated text never reached the store; `check` could then no longer catch
 * a number edited together with its fact (only an info, `facts-unverified`), nor could it against
 * another store holding the same data, and rerunning `draft` never filled the store in.
 *
 * Now the draft carries its generated facts (`generator.facts`), the store gets the text and the
 * fact snapshot in one transaction before the file appears, a rerun fills in a store that lacks
 * them, and a draft whose generated facts cannot be found is an error saying what to do.
 * The kills are real: a child `wirecopy draft` with a preload that sends itself SIGKILL at the
 * rename that makes the draft appear (support-draftstate-kill.ts).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import matter from 'gray-matter';
import { afterAll, describe, expect, it } from 'vitest';
import { isUntouched } from '../../src/content/draft-file.ts';
import { REPO_ROOT, type Workspace } from '../support/cli.ts';
import { demoWorkspace, filesIn, SESSION, TODAY } from './support-draftstate.ts';

const KILL_PRELOAD = fileURLToPath(new URL('./support-draftstate-kill.ts', import.meta.url));

/** `wirecopy draft` in a child process that kills itself with SIGKILL at `point`. */
function draftKilledAt(ws: Workspace, point: 'before-rename' | 'after-rename') {
  const child = spawnSync(
    process.execPath,
    [
      '--import',
      KILL_PRELOAD,
      join(REPO_ROOT, 'bin', 'wirecopy.js'),
      '--store',
      join(ws.dir, 'market.db'),
      '--content',
      join(ws.dir, 'content'),
      'draft',
    ],
    {
      cwd: ws.dir,
      env: { ...process.env, WIRECOPY_TODAY: TODAY, WIRECOPY_TEST_KILL: point },
      encoding: 'utf8',
    },
  );
  return { signal: child.signal, stderr: child.stderr };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The editor's forgery: the first fraction fact printed in the body (one decimal, e.g. 3.5%) is
 * raised by a point in the body, and its fact in the front matter is changed to agree.
 */
function editNumberWithItsFact(text: string) {
  const { data, content } = matter(text);
  const facts = data['facts'] as Record<string, { value: unknown; display: string }>;
  const [id, fact] = Object.entries(facts).find(
    ([id, f]) =>
      /^\d+\.\d%$/.test(f.display) &&
      typeof f.value === 'number' &&
      f.value > 0 &&
      f.value < 1 &&
      content.includes(`${f.display}<!--fact:${id}-->`),
  )!;
  const edited = `${(Number.parseFloat(fact.display) + 1).toFixed(1)}%`;
  const value = Number((Number.parseFloat(edited) / 100).toFixed(3));
  const entry = new RegExp(
    `^  ${escapeRegExp(id)}:\\n    value: [^\\n]+\\n    display: '?${escapeRegExp(fact.display)}'?$`,
    'm',
  );
  expect(text).toMatch(entry);
  const forged = text
    .replace(entry, `  ${id}:\n    value: ${value}\n    display: ${edited}`)
    .split(`${fact.display}<!--fact:${id}-->`)
    .join(`${edited}<!--fact:${id}-->`);
  const line = text.split('\n').indexOf(`  ${id}:`) + 1;
  return { text: forged, id, line, was: `${fact.display} (${fact.value})`, now: `${edited} (${value})` };
}

function draftPathOf(ws: Workspace): string {
  const drafts = filesIn(ws, 'drafts').filter((f) => f.endsWith('.md'));
  expect(drafts).toHaveLength(1);
  return join(ws.dir, 'content', 'drafts', drafts[0]!);
}

function rowsOf(ws: Workspace, table: 'draft_texts' | 'fact_snapshots'): number {
  const db = new DatabaseSync(join(ws.dir, 'market.db'), { readOnly: true });
  try {
    return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('an interrupted draft', () => {
  it('regression: after a kill -9 as the draft appears, check still catches an edited number with its fact, in any store', async () => {
    const ws = await demoWorkspace();
    const killed = draftKilledAt(ws, 'after-rename');
    expect(killed.signal, killed.stderr).toBe('SIGKILL');
    const path = draftPathOf(ws);
    const generated = readFileSync(path, 'utf8');
    expect(isUntouched(generated)).toBe(true); // complete, as generated

    const forgery = editNumberWithItsFact(generated);
    writeFileSync(path, forgery.text);
    const name = `content/drafts/${path.split('/').at(-1)}`;
    const expected = `${name}:${forgery.line}:3 error wirecopy:facts-edited: The facts were edited: ${forgery.id} was ${forgery.was} as generated, now ${forgery.now}.`;

    const sameStore = await ws.run(['check', name]);
    expect(sameStore.code).toBe(1);
    expect(sameStore.stdout).toContain(expected);

    // Another store holding the same data, which never saw this draft; and no store at all.
    const other = await demoWorkspace();
    const elsewhere = await ws.run(['--store', join(other.dir, 'market.db'), 'check', name]);
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.stdout).toContain(expected);
    // Without a store the forgery is still reported; the check cannot pass (freshness), exit 2.
    const noStore = await ws.run(['--store', join(other.dir, 'no-such-store.db'), 'check', name]);
    expect(noStore.code).toBe(2);
    expect(noStore.stdout).toContain(expected);
    expect(readFileSync(path, 'utf8')).toBe(forgery.text);

    // The store got the generated text before the file appeared: diff finds it.
    writeFileSync(path, generated);
    expect((await ws.run(['diff', path])).stdout).toContain('no changes since it was generated');
  });

  it('regression: a kill -9 just before the draft appears finds text and snapshot stored; rerunning draft writes it, keeping one copy', async () => {
    const ws = await demoWorkspace();
    const killed = draftKilledAt(ws, 'before-rename');
    expect(killed.signal, killed.stderr).toBe('SIGKILL');
    expect(filesIn(ws, 'drafts').filter((f) => f.endsWith('.md'))).toEqual([]);
    expect([rowsOf(ws, 'draft_texts'), rowsOf(ws, 'fact_snapshots')]).toEqual([1, 1]);

    const rerun = await ws.run(['draft']);
    expect(rerun.code).toBe(0);
    expect(rerun.stdout).toMatch(/ {2}written {2}/);
    const path = draftPathOf(ws);
    expect(isUntouched(readFileSync(path, 'utf8'))).toBe(true);
    expect((await ws.run(['diff', path])).stdout).toContain('no changes since it was generated');
    expect([rowsOf(ws, 'draft_texts'), rowsOf(ws, 'fact_snapshots')]).toEqual([1, 1]);
    // The leftover temp file of the killed write is not a draft: check sees one file.
    expect((await ws.run(['check'])).stdout).toContain('1 file checked');
  });

  it('regression: rerunning draft repairs a draft whose generated text the store lacks', async () => {
    // What a run killed after the file appeared used to leave: the draft on disk, its text in no
    // store. Here: drafted with one store, then the same session drafted against a copy of the
    // data that never saw it.
    const ws = await demoWorkspace();
    expect((await ws.run(['draft'])).code).toBe(0);
    const path = draftPathOf(ws);
    const before = readFileSync(path, 'utf8');
    const other = await demoWorkspace();
    const store = join(other.dir, 'market.db');
    const lacking = await ws.run(['--store', store, 'diff', path]);
    expect(lacking.code).toBe(2);
    expect(lacking.stderr).toContain(
      `\`wirecopy draft --as-of ${SESSION}\` with this store keeps its text here`,
    );

    const rerun = await ws.run(['--store', store, 'draft']);
    expect(rerun.code).toBe(0);
    expect(rerun.stdout).toMatch(/ {2}unchanged {2}/);
    expect(readFileSync(path, 'utf8')).toBe(before);
    const diff = await ws.run(['--store', store, 'diff', path]);
    expect(diff.code).toBe(0);
    expect(diff.stdout).toContain('no changes since it was generated');
  });

  it('regression: a draft whose generated facts cannot be found is an error in check, saying how to regenerate', async () => {
    const ws = await demoWorkspace();
    expect((await ws.run(['draft'])).code).toBe(0);
    const path = draftPathOf(ws);
    // A draft from before the seal: no generator.facts line; checked against a store without its text.
    const unsealed = readFileSync(path, 'utf8').replace(/^ {2}facts: '?deflate-base64:[^'\n]*'?\n/m, '');
    expect(unsealed).not.toContain('deflate-base64');
    writeFileSync(path, unsealed);
    // A store without its text (here none at all: the check reports the file, then exits 2 for the store).
    const result = await ws.run(['--store', join(ws.dir, 'empty.db'), 'check', path]);
    expect(result.code).toBe(2);
    const factsLine = unsealed.split('\n').indexOf('facts:') + 1;
    expect(result.stdout).toMatch(new RegExp(`:${factsLine}:1 error wirecopy:facts-unverified: `));
    expect(result.stdout).toContain(`wirecopy draft --as-of ${SESSION} --force`);
    expect(readdirSync(join(ws.dir, 'content', 'drafts'))).toHaveLength(1);
  });
});

const IS_ROOT = process.getuid?.() === 0;
const mounted: string[] = [];
afterAll(() => {
  for (const dir of mounted) execFileSync('umount', [dir]);
});

describe.skipIf(!IS_ROOT)('a full disk during draft (needs root to mount a tmpfs: skipped otherwise)', () => {
  it('regression: a full disk during draft leaves no draft but the store with its text; once there is room, a rerun writes it whole', async () => {
    const ws = await demoWorkspace();
    const drafts = join(ws.dir, 'content', 'drafts');
    mkdirSync(drafts, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', drafts]);
    mounted.push(drafts);
    try {
      writeFileSync(join(drafts, '.filler'), Buffer.alloc(128 * 1024));
    } catch (error) {
      expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC'); // the disk is now full
    }
    const full = await ws.run(['draft']);
    expect(full.code).not.toBe(0);
    expect(filesIn(ws, 'drafts').filter((f) => f.endsWith('.md'))).toEqual([]);
    expect([rowsOf(ws, 'draft_texts'), rowsOf(ws, 'fact_snapshots')]).toEqual([1, 1]);

    rmSync(join(drafts, '.filler'));
    const rerun = await ws.run(['draft']);
    expect(rerun.code).toBe(0);
    const path = draftPathOf(ws);
    expect(isUntouched(readFileSync(path, 'utf8'))).toBe(true);
    expect((await ws.run(['diff', path])).stdout).toContain('no changes since it was generated');
    expect([rowsOf(ws, 'draft_texts'), rowsOf(ws, 'fact_snapshots')]).toEqual([1, 1]);
  });
});
