/**
 * Approve moves a piece from drafts/ to articles/ in steps; an interruption between any two of
 * them (a crash, a kill) must leave exactly one of the two files, and approving again finishes.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { isWirecopyError } from '../../src/errors.ts';
import { approveDraft } from '../../src/review/approve.ts';
import { checkText } from '../../src/review/check.ts';
import { contentEntries } from '../../src/review/content-status.ts';
import { dataHash } from '../../src/review/data-hash.ts';
import { type FileSystem, nodeFileSystem } from '../../src/review/file-system.ts';
import { fixture, options } from './support.ts';

const NAME = '2025-09-18-weekly-recap.md';

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'wirecopy-approve-'));
  const drafts = join(dir, 'drafts');
  const articles = join(dir, 'articles');
  mkdirSync(drafts);
  writeFileSync(join(drafts, NAME), fixture('original.md'));
  return { draft: join(drafts, NAME), article: join(articles, NAME), drafts, articles };
}

const checkForApproval = options({
  freshness: { lead: 'RUT', latestSession: '2025-09-18', exemptPublished: false },
});

function approve(paths: ReturnType<typeof setup>, fs: FileSystem = nodeFileSystem) {
  return approveDraft({
    draftPath: paths.draft,
    draftsDir: paths.drafts,
    articlesDir: paths.articles,
    by: 'Dana Editor',
    at: '2026-11-21T15:04:05.000Z',
    allowDemo: false,
    check: (text, path) => checkText(text, path, checkForApproval),
    fs,
  });
}

/** The real file system, except that the n-th change (mkdir, create, link, rename, remove) never happens. */
function crashingBefore(n: number): FileSystem {
  let changes = 0;
  const change = () => {
    changes++;
    if (changes === n) throw new Error(`simulated crash before change ${n}`);
  };
  return {
    ...nodeFileSystem,
    mkdirp(path) {
      change();
      nodeFileSystem.mkdirp(path);
    },
    createText(path, text) {
      change();
      nodeFileSystem.createText(path, text);
    },
    link(from, to) {
      change();
      nodeFileSystem.link(from, to);
    },
    rename(from, to) {
      change();
      nodeFileSystem.rename(from, to);
    },
    remove(path) {
      change();
      nodeFileSystem.remove(path);
    },
  };
}

/** The pieces a reader of content/ sees: `.md` files not hidden, in drafts/ and articles/. */
function pieces(paths: ReturnType<typeof setup>): string[] {
  const list = (dir: string, label: string) =>
    existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith('.md') && !f.startsWith('.'))
          .map((f) => `${label}/${f}`)
      : [];
  return [...list(paths.drafts, 'drafts'), ...list(paths.articles, 'articles')];
}

describe('approve', () => {
  it('records the review and moves the draft into articles/', async () => {
    const paths = setup();
    const result = await approve(paths);
    expect(pieces(paths)).toEqual([`articles/${NAME}`]);
    const { data, content } = matter(readFileSync(paths.article, 'utf8'));
    expect(data['status']).toBe('published');
    expect(data['review']).toEqual({
      by: 'Dana Editor',
      at: '2026-11-21T15:04:05.000Z',
      checks: '0 errors, 0 warnings, 0 notes',
      dataHash: dataHash(data['facts']),
    });
    expect(result.review.dataHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    // Only status and review changed: the body is byte for byte the draft's.
    expect(content).toBe(matter(fixture('original.md')).content);
  });

  // Changes: 1 mkdir articles/, 2 create the temp file, 3 link it in as the article, 4 remove the
  // draft, 5 remove the temp file.
  it.each([
    [1, [`drafts/${NAME}`]],
    [2, [`drafts/${NAME}`]],
    [3, [`drafts/${NAME}`]],
    // Published, the draft not yet removed: the article is whole, and approving again finishes.
    [4, [`drafts/${NAME}`, `articles/${NAME}`]],
    [5, [`articles/${NAME}`]],
  ])(
    'leaves the draft or the whole article when interrupted before change %i, and approving again finishes',
    async (n, left) => {
      const paths = setup();
      await expect(approve(paths, crashingBefore(n))).rejects.toThrow(`simulated crash before change ${n}`);
      expect(pieces(paths)).toEqual(left);
      // The draft, while there, is never touched: it is the editor's file until it is gone.
      if (left.includes(`drafts/${NAME}`))
        expect(readFileSync(paths.draft, 'utf8')).toBe(fixture('original.md'));
      if (left.includes(`articles/${NAME}`)) {
        expect(matter(readFileSync(paths.article, 'utf8')).data['review']).toMatchObject({
          by: 'Dana Editor',
        });
      }

      // `wirecopy status` tells the editor which drafts an interrupted approval left.
      const [entry] = await contentEntries(paths.drafts, 'drafts', {
        check: checkForApproval,
        today: '2025-09-19',
      });
      expect(entry?.note).toBe(
        n === 4 ? 'approval interrupted: run `wirecopy approve` again to finish it' : undefined,
      );

      if (n <= 4) {
        const again = await approve(paths);
        expect(again.outcome).toBe(n === 4 ? 'finished' : 'published');
      }
      expect(pieces(paths)).toEqual([`articles/${NAME}`]);
      expect(matter(readFileSync(paths.article, 'utf8')).data['status']).toBe('published');
    },
  );

  it('names the article for its URL: a revision with no article yet is published without its -r2', async () => {
    const paths = setup();
    const revision = join(paths.drafts, NAME.replace(/\.md$/, '-r2.md'));
    renameSync(paths.draft, revision);
    const result = await approve({ ...paths, draft: revision });
    // The fixture's front matter: asOf 2025-09-18, slug weekly-recap.
    expect(result.articlePath).toBe(paths.article);
    expect(pieces(paths)).toEqual([`articles/${NAME}`]);
  });

  it('never overwrites an article, and changes nothing when one exists', async () => {
    const paths = setup();
    mkdirSync(paths.articles);
    writeFileSync(paths.article, 'the published piece\n');
    const error = await approve(paths).catch((e: unknown) => e);
    expect(isWirecopyError(error) && error.code).toBe('ArticleExists');
    expect(readFileSync(paths.article, 'utf8')).toBe('the published piece\n');
    expect(readFileSync(paths.draft, 'utf8')).toBe(fixture('original.md'));
  });

  it('refuses, changing nothing, when an article appears while it is being approved', async () => {
    const paths = setup();
    const racing: FileSystem = {
      ...nodeFileSystem,
      createText(path, text) {
        nodeFileSystem.createText(path, text);
        // Someone else publishes the same file right after the reviewed text was written.
        writeFileSync(paths.article, 'published meanwhile\n');
      },
    };
    const error = await approve(paths, racing).catch((e: unknown) => e);
    expect(isWirecopyError(error) && error.code).toBe('ArticleExists');
    expect(isWirecopyError(error) && error.message).toContain(
      'was published meanwhile (another approval won)',
    );
    expect(readFileSync(paths.article, 'utf8')).toBe('published meanwhile\n');
    expect(readFileSync(paths.draft, 'utf8')).toBe(fixture('original.md'));
    // Not even the temp file is left.
    expect(readdirSync(paths.drafts)).toEqual([NAME]);
  });

  it('of two approvals of one draft at once, with no lock, exactly one wins and the other changes nothing', async () => {
    const paths = setup();
    // Both read and check the draft before either moves it (each awaits its checks).
    const results = await Promise.allSettled([approve(paths), approve(paths)]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(isWirecopyError(lost[0]) && lost[0].code).toBe('ArticleExists');
    expect(pieces(paths)).toEqual([`articles/${NAME}`]);
    expect(readdirSync(paths.drafts)).toEqual([]);
    expect(matter(readFileSync(paths.article, 'utf8')).data['review']).toMatchObject({ by: 'Dana Editor' });
  });

  it('regression: an approval that loses the race to another leaves one article and no draft', async () => {
    const paths = setup();
    let moved = false;
    const losing: FileSystem = {
      ...nodeFileSystem,
      createText(path, text) {
        // The other approval, which checked the same draft, publishes it right now: the draft
        // goes, the article appears (between this one's checks and its own move).
        if (!moved) {
          moved = true;
          nodeFileSystem.mkdirp(paths.articles);
          nodeFileSystem.rename(paths.draft, paths.article);
        }
        nodeFileSystem.createText(path, text);
      },
    };
    const error = await approve(paths, losing).catch((e: unknown) => e);
    expect(isWirecopyError(error) && error.code).toBe('ArticleExists');
    expect(pieces(paths)).toEqual([`articles/${NAME}`]);
    // The winner's article, untouched; no draft recreated, no temp file left.
    expect(readFileSync(paths.article, 'utf8')).toBe(fixture('original.md'));
    expect(readdirSync(paths.drafts)).toEqual([]);
  });

  it('refuses clearly, changing nothing, on a filesystem without hard links', async () => {
    const paths = setup();
    const noLinks: FileSystem = {
      ...nodeFileSystem,
      link() {
        throw Object.assign(new Error('EPERM: operation not permitted, link'), { code: 'EPERM' });
      },
    };
    const error = await approve(paths, noLinks).catch((e: unknown) => e);
    expect(isWirecopyError(error) && error.code).toBe('UsageError');
    expect(isWirecopyError(error) && error.message).toContain('has no hard links');
    expect(readdirSync(paths.drafts)).toEqual([NAME]);
    expect(readFileSync(paths.draft, 'utf8')).toBe(fixture('original.md'));
    expect(pieces(paths)).toEqual([`drafts/${NAME}`]);
  });

  it('refuses a draft with errors and leaves it as it was', async () => {
    const paths = setup();
    writeFileSync(paths.draft, fixture('changed-number.md'));
    const error = await approve(paths).catch((e: unknown) => e);
    expect(isWirecopyError(error) && error.code).toBe('ReviewFailed');
    expect(isWirecopyError(error) && error.details).toEqual([
      expect.stringContaining(
        ':101:36 error wirecopy:number-mismatch: 3.1% does not match its fact RUT.return.week',
      ),
    ]);
    expect(pieces(paths)).toEqual([`drafts/${NAME}`]);
    expect(readFileSync(paths.draft, 'utf8')).toBe(fixture('changed-number.md'));
  });
});
