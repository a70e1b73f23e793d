/**
 * Fault matrix, full disk and interrupted writes (issue 16, items 1, 3 and 5): every write is
 * complete or absent. Each case runs the real CLI, then asserts the exit code, the located
 * message (the path, the free space, what to do) and that the content files and the store are
 * byte-identical to what they were before the fault.
 *
 * The full-disk cases mount a small tmpfs and fill it to a known number of free bytes (root
 * only; skipped otherwise, saying so).
 */
import {
  closeSync,
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashOf, isUntouched } from '../../src/content/draft-file.ts';
import { onFaultPoint } from '../../src/io/fault-point.ts';
import { ISSUE, FIXTURES as NEWSLETTER_FIXTURES, newsletterWorkspace, TODAY } from '../newsletter/support.ts';
import { HAS_MARKET_DATA, MARKET_DATA, NO_MARKET_DATA_REASON } from '../support/cli.ts';
import {
  emptyDisk,
  FILLER,
  filesUnder,
  fillLeaving,
  IS_ROOT,
  mountTmpfs,
  NOT_ROOT_REASON,
  runCli,
  spawnCli,
  storeRows,
} from './support-atomic.ts';

if (!IS_ROOT) console.warn(NOT_ROOT_REASON);
if (!HAS_MARKET_DATA) console.warn(NO_MARKET_DATA_REASON);

/** How the error prints the free space: whole bytes with thousands separators below 1 MB. */
const bytesFree = (n: number) => `${n.toLocaleString('en-US')} bytes free`;
/** The content lock file takes one page of the 4,096 bytes left, so the message may say 0 as well. */
const BYTES_FREE_AFTER_LOCK = /\b(?:4,096|0) bytes free\b/;

/** A demo store and its session's draft, made once on the ordinary disk and copied per case. */
async function demoBase(dir: string): Promise<{ store: string; content: string; draftName: string }> {
  const where = { cwd: dir, store: join(dir, 'market.db'), content: join(dir, 'content') };
  expect((await runCli(['demo'], where)).code).toBe(0);
  expect((await runCli(['draft'], where)).code).toBe(0);
  const [draftName] = readdirSync(join(where.content, 'drafts'));
  if (!draftName) throw new Error('draft wrote nothing');
  return { store: where.store, content: where.content, draftName };
}

describe.skipIf(!IS_ROOT)('full disk (tmpfs)', () => {
  // Made in beforeAll, not while collecting: a suite filtered out with -t runs no afterAll.
  let work: string;
  let disk: ReturnType<typeof mountTmpfs> | undefined;
  let mount: string;
  let base: Awaited<ReturnType<typeof demoBase>>;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'wirecopy-full-disk-'));
    disk = mountTmpfs(join(work, 'disk'), 2048);
    mount = disk.dir;
    base = await demoBase(join(work, 'base'));
  });
  afterAll(() => {
    disk?.unmount();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /** The base content on the small disk, the store on the ordinary one (its own copy). */
  function contentOnDisk(name: string) {
    emptyDisk(mount);
    const content = join(mount, 'content');
    cpSync(base.content, content, { recursive: true });
    const store = join(work, `${name}.db`);
    copyFileSync(base.store, store);
    return { cwd: mount, store, content, draft: join(content, 'drafts', base.draftName) };
  }

  it('regression: approve on a full disk leaves the draft whole and writes no article', async () => {
    const where = contentOnDisk('approve');
    // The issue's case: 4,096 bytes free for a draft of about 6 KB.
    expect(readFileSync(where.draft).length).toBeGreaterThan(4096);
    fillLeaving(mount, 4096);
    const before = filesUnder(where.content);

    const run = await runCli(['approve', where.draft, '--by', 'Dana Editor', '--allow-demo'], where);

    expect(run.code).toBe(2);
    expect(run.stdout).not.toContain('Approved');
    expect(run.stderr).toContain(`The disk is full: Could not write ${where.draft}`);
    expect(run.stderr).toMatch(BYTES_FREE_AFTER_LOCK);
    expect(run.stderr).toContain('What to do: Free some space');
    expect(run.stderr).not.toContain('internal error');
    expect(filesUnder(where.content)).toEqual(before);
  });

  it('regression: reject on a full disk leaves the draft whole', async () => {
    const where = contentOnDisk('reject');
    fillLeaving(mount, 4096);
    const before = filesUnder(where.content);

    const run = await runCli(['reject', where.draft, '--by', 'Dana Editor', '--reason', 'stale'], where);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`The disk is full: Could not write ${where.draft}`);
    expect(run.stderr).toMatch(BYTES_FREE_AFTER_LOCK);
    expect(filesUnder(where.content)).toEqual(before);
  });

  it('regression: draft on a full disk is a clear error and leaves no partial draft', async () => {
    const where = contentOnDisk('draft');
    rmSync(where.draft);
    fillLeaving(mount, 4096);
    const before = filesUnder(where.content);
    const rows = storeRows(where.store);

    const run = await runCli(['draft'], where);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`The disk is full: Could not write ${where.draft}`);
    expect(run.stderr).toMatch(BYTES_FREE_AFTER_LOCK);
    expect(run.stderr).not.toContain('internal error');
    expect(filesUnder(where.content)).toEqual(before);
    // The generated text is kept in the store only for drafts that were written.
    expect(storeRows(where.store)).toBe(rows);
  });

  it('regression: newsletter on a full disk keeps the previous export and archive page whole', async () => {
    emptyDisk(mount);
    const content = join(mount, 'content');
    cpSync(join(NEWSLETTER_FIXTURES, 'articles'), join(content, 'articles'), { recursive: true });
    const where = { cwd: mount, store: join(work, 'newsletter.db'), content, today: '2025-12-03' };
    const out = join(mount, 'out');
    expect((await runCli(['newsletter', '--out', out], where)).code).toBe(0);
    fillLeaving(mount, 4096);
    const before = filesUnder(mount);
    expect(Object.keys(before)).toContain('out/email.html');

    const run = await runCli(['newsletter', '--out', out, '--title', 'A second take'], where);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`The disk is full: Could not write ${out}: no room left`);
    expect(run.stderr).toContain('The folder is as it was before this command.');
    expect(run.stderr).toMatch(BYTES_FREE_AFTER_LOCK);
    expect(run.stderr).not.toContain('internal error');
    expect(filesUnder(mount)).toEqual(before);
  });

  it('regression: stats --json redirected to a file on a full disk is an error, not a cut file and exit 0', async () => {
    emptyDisk(mount);
    fillLeaving(mount, 4096);
    const output = join(mount, 'facts.json');
    const fd = openSync(output, 'w');
    const where = { cwd: work, store: base.store, content: base.content, stdout: fd };
    const run = await spawnCli(['stats', '--json'], where).finally(() => closeSync(fd));

    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`The disk is full: Could not write the output file ${output}`);
    // The first write took the 4,096 bytes there were.
    expect(run.stderr).toContain(bytesFree(0));
    expect(run.stderr).toContain('What reached it is incomplete: delete it');
  });

  /** A store on the small disk holding the first sessions of the real RUT.csv. */
  async function storeOnDisk() {
    emptyDisk(mount);
    const where = { cwd: mount, store: join(mount, 'market.db'), content: join(mount, 'content') };
    const full = join(MARKET_DATA, 'RUT.csv');
    const head = join(work, 'head', 'RUT.csv');
    mkdirSync(join(work, 'head'), { recursive: true });
    writeFileSync(head, `${readFileSync(full, 'utf8').split('\n').slice(0, 40).join('\n')}\n`);
    expect((await runCli(['import', head], where)).code).toBe(0);
    return { where, full };
  }

  it.skipIf(!HAS_MARKET_DATA)(
    'regression: import on a full disk reports SQLite disk full, not the rollback, and keeps the store',
    async () => {
      const { where, full } = await storeOnDisk();
      fillLeaving(mount, 64 * 1024);
      const rows = storeRows(where.store);

      const run = await runCli(['import', full], where);

      expect(run.code).toBe(2);
      expect(run.stderr).not.toContain('cannot rollback');
      expect(run.stderr).not.toContain('internal error');
      expect(run.stderr).toContain(`The disk is full: Could not write the market store ${where.store}`);
      // SQLite's log took every free byte before the write failed: that is the room there was.
      expect(run.stderr).toContain(bytesFree(0));
      expect(run.stderr).toContain('The store is as it was before this command');
      expect(storeRows(where.store)).toBe(rows);
      // Once there is room, the same import goes through: the store was left usable.
      rmSync(join(mount, FILLER));
      expect((await runCli(['import', full], where)).code).toBe(0);
    },
  );

  it.skipIf(!HAS_MARKET_DATA)(
    'regression: demo on a full disk reports SQLite disk full, not the rollback, and keeps the store',
    async () => {
      const { where } = await storeOnDisk();
      fillLeaving(mount, 64 * 1024);
      const rows = storeRows(where.store);

      const run = await runCli(['demo'], where);

      expect(run.code).toBe(2);
      expect(run.stderr).not.toContain('cannot rollback');
      expect(run.stderr).toContain(`The disk is full: Could not write the market store ${where.store}`);
      expect(run.stderr).toContain(bytesFree(0));
      expect(storeRows(where.store)).toBe(rows);
    },
  );
});

/** The draft as an earlier run would have written it: different text, still untouched (its hash matches). */
function olderGeneratedText(text: string): string {
  const older = text.replace(/^title: .*$/m, 'title: An earlier headline');
  return older.replace(/sha256:[0-9a-f]{64}/, hashOf(older));
}

describe('draft vs an editor’s save', () => {
  let work: string;
  let base: Awaited<ReturnType<typeof demoBase>>;
  let where: { cwd: string; store: string; content: string };
  let draftPath: string;
  let generated: string;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'wirecopy-editor-race-'));
    base = await demoBase(join(work, 'base'));
    where = { cwd: work, store: base.store, content: base.content };
    draftPath = join(base.content, 'drafts', base.draftName);
    generated = readFileSync(draftPath, 'utf8');
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  /** draft prints paths relative to the folder it runs in. */
  const shown = (path: string) => relative(work, path);

  /** Puts back the older untouched draft, and arms an editor's save for the moment before the rename. */
  function editorSavesDuringDraft(): { saved: string; disarm: () => void } {
    for (const name of readdirSync(join(base.content, 'drafts'))) rmSync(join(base.content, 'drafts', name));
    const older = olderGeneratedText(generated);
    expect(isUntouched(older)).toBe(true);
    writeFileSync(draftPath, older);
    const saved = older.replace('title: An earlier headline', 'title: The editor’s headline');
    const disarm = onFaultPoint(`before-rename:${base.draftName}`, () => writeFileSync(draftPath, saved));
    return { saved, disarm };
  }

  it('regression: draft keeps an editor’s save that lands between its hash check and its rename', async () => {
    const { saved, disarm } = editorSavesDuringDraft();
    const run = await runCli(['draft'], where).finally(disarm);

    expect(run.stdout).not.toContain('regenerated');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${shown(draftPath)}  NOT overwritten: edited by hand`);
    expect(run.stderr).toContain('A draft was edited by hand and was not overwritten');
    expect(run.stderr).toContain(`  ${shown(draftPath)}`);
    expect(run.stderr).toContain('wirecopy draft --force');
    expect(readFileSync(draftPath, 'utf8')).toBe(saved);
    expect(readdirSync(join(base.content, 'drafts'))).toEqual([base.draftName]);
  });

  it('with --force, keeps the editor’s save and writes the new text beside it as -r2', async () => {
    const { saved, disarm } = editorSavesDuringDraft();
    const run = await runCli(['draft', '--force'], where).finally(disarm);

    expect(run.code).toBe(0);
    const revision = draftPath.replace(/\.md$/, '-r2.md');
    expect(run.stdout).toContain(
      `${shown(revision)}  new revision: ${shown(draftPath)} was edited by hand and kept`,
    );
    expect(readFileSync(draftPath, 'utf8')).toBe(saved);
    expect(readFileSync(revision, 'utf8')).toBe(generated);
  });
});

/** Hidden entries (temp files and folders) under `dir`, by relative path. */
const hidden = (dir: string) =>
  Object.keys(filesUnder(dir)).filter((path) => path.split('/').some((part) => part.startsWith('.')));
/** Right after a kill: the temp files, without the killed process's content lock (the next run takes it over). */
const hiddenTemps = (dir: string) => hidden(dir).filter((path) => path !== '.wirecopy.lock');

describe('kill -9 (child process at an injected fault point)', () => {
  describe('newsletter', () => {
    // The issue id of the fixture week is 2025-w48; its archive page is content/newsletters/2025-w48.md.
    it.each([
      ['before-rename:email.txt', 'half the parts written'],
      ['old-moved-away:2025-w48', 'the previous export moved aside, the new one not yet in place'],
      ['before-rename:2025-w48.md', 'the export in place, the archive page not yet'],
    ])(
      'regression: killed at %s (%s) leaves one whole issue, and the next run cleans up and finishes',
      async (point) => {
        const ws = newsletterWorkspace();
        const args = ['newsletter', '--title', 'A second take'];
        expect((await ws.run(['newsletter'])).code).toBe(0);
        const old = { export: filesUnder(ws.outDir), archive: ws.read(`content/newsletters/${ISSUE}.md`) };
        const where = {
          cwd: ws.dir,
          store: join(ws.dir, 'market.db'),
          content: join(ws.dir, 'content'),
          today: TODAY,
        };

        const killed = await spawnCli(args, { ...where, env: { WIRECOPY_FAULT_POINT: point } });

        expect(killed.signal).toBe('SIGKILL');
        const left = { export: filesUnder(ws.outDir), archive: ws.read(`content/newsletters/${ISSUE}.md`) };
        const next = await ws.run(args);
        expect(next.code).toBe(0);
        expect(next.stdout).toMatch(/^(Removed what an interrupted run left: |Put back )/m);
        const fresh = { export: filesUnder(ws.outDir), archive: ws.read(`content/newsletters/${ISSUE}.md`) };
        expect(fresh.export).not.toEqual(old.export);
        expect(Object.keys(fresh.export).sort()).toEqual([
          'email.html',
          'email.txt',
          'issue.md',
          'meta.json',
        ]);
        // What the kill left is one issue whole: every part of the old one, or every part of the new
        // one, or (between the two renames) nothing in the folder and the old one put back next run.
        if (point === 'old-moved-away:2025-w48') {
          expect(left.export).toEqual({});
          expect(next.stdout).toContain(`Put back .wirecopy/newsletter/${ISSUE}`);
        } else {
          expect([old.export, fresh.export]).toContainEqual(left.export);
        }
        expect([old.archive, fresh.archive]).toContain(left.archive);
        expect(hidden(join(ws.dir, '.wirecopy', 'newsletter'))).toEqual([]);
        expect(hidden(join(ws.dir, 'content'))).toEqual([]);
      },
    );
  });

  describe('draft and approve', () => {
    let work: string;
    let base: Awaited<ReturnType<typeof demoBase>>;
    beforeAll(async () => {
      work = mkdtempSync(join(tmpdir(), 'wirecopy-kill-'));
      base = await demoBase(join(work, 'base'));
    });
    afterAll(() => rmSync(work, { recursive: true, force: true }));

    it('regression: draft killed before its rename leaves the previous draft whole, and the next run cleans up and finishes', async () => {
      const where = { cwd: work, store: base.store, content: base.content };
      const draftPath = join(base.content, 'drafts', base.draftName);
      const generated = readFileSync(draftPath, 'utf8');
      const older = olderGeneratedText(generated);
      writeFileSync(draftPath, older);

      const killed = await spawnCli(['draft'], {
        ...where,
        env: { WIRECOPY_FAULT_POINT: `before-rename:${base.draftName}` },
      });

      expect(killed.signal).toBe('SIGKILL');
      expect(readFileSync(draftPath, 'utf8')).toBe(older);
      const [temp] = hiddenTemps(base.content);
      // The new text was complete in its temp file; only the rename was missing.
      expect(temp).toMatch(new RegExp(`^drafts/\\.${base.draftName}\\.\\d+-[0-9a-f]{8}\\.tmp$`));
      expect(readFileSync(join(base.content, temp ?? ''), 'utf8')).toBe(generated);

      const next = await runCli(['draft'], where);
      expect(next.code).toBe(0);
      expect(next.stdout).toContain(
        `Removed what an interrupted run left: ${relative(work, join(base.content, temp ?? ''))}.`,
      );
      expect(next.stdout).toContain('regenerated');
      expect(readFileSync(draftPath, 'utf8')).toBe(generated);
      expect(hidden(base.content)).toEqual([]);
    });

    it('regression: approve killed before it publishes leaves the draft whole, and the next run cleans up and approves', async () => {
      const where = { cwd: work, store: base.store, content: base.content };
      const draftPath = join(base.content, 'drafts', base.draftName);
      const draft = readFileSync(draftPath, 'utf8');
      const args = ['approve', draftPath, '--by', 'Dana Editor', '--allow-demo'];

      const killed = await spawnCli(args, {
        ...where,
        env: { WIRECOPY_FAULT_POINT: `before-link:${base.draftName}` },
      });

      expect(killed.signal).toBe('SIGKILL');
      expect(readFileSync(draftPath, 'utf8')).toBe(draft);
      expect(hiddenTemps(base.content)).toHaveLength(1);
      const next = await runCli(args, where);
      expect(next.code).toBe(0);
      expect(readdirSync(join(base.content, 'drafts'))).toEqual([]);
      // The piece and the Open Graph image approve draws beside it, nothing else.
      expect(readdirSync(join(base.content, 'articles'))).toEqual([
        base.draftName,
        base.draftName.replace(/\.md$/, '.og.png'),
      ]);
      expect(hidden(base.content)).toEqual([]);
    });
  });
});

describe('newsletter --out', () => {
  it('refuses a folder that holds other files instead of emptying it (exit 2, folder untouched)', async () => {
    const ws = newsletterWorkspace();
    mkdirSync(join(ws.dir, 'desk'));
    writeFileSync(join(ws.dir, 'desk', 'notes.txt'), 'notes from the desk\n');

    const run = await ws.run(['newsletter', '--out', 'desk']);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `${join(ws.dir, 'desk')} holds files that are not part of an export (notes.txt), so it was not replaced.`,
    );
    expect(run.stderr).toContain('What to do: An export replaces its folder whole');
    expect(filesUnder(join(ws.dir, 'desk'))).toEqual({ 'notes.txt': 'notes from the desk\n' });
  });
});
