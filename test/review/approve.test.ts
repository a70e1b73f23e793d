/**
 * Approve moves a piece from drafts/ to articles/ in steps; an interruption between any two of
 * them (a crash, a kill) must leave exactly one of the two files, and approving again finishes.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { isWirecopyError } from '../../src/errors.ts';
import { approveDraft } from '../../src/review/approve.ts';
import { checkText } from '../../src/review/check.ts';
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
    articlesDir: paths.articles,
    by: 'Dana Editor',
    at: '2026-11-21T15:04:05.000Z',
    allowDemo: false,
    check: (text, path) => checkText(text, path, checkForApproval),
    fs,
  });
}

/** The real file system, except that the n-th change (mkdir, create, rename) never happens. */
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
    rename(from, to) {
      change();
      nodeFileSystem.rename(from, to);
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

  // Changes: 1 mkdir articles/, 2 create the temp file, 3 rename it over the draft, 4 rename the draft to the article.
  it.each([1, 2, 3, 4])(
    'leaves exactly one piece when interrupted before change %i, and finishes when run again',
    async (n) => {
      const paths = setup();
      await expect(approve(paths, crashingBefore(n))).rejects.toThrow(`simulated crash before change ${n}`);
      expect(pieces(paths)).toEqual([`drafts/${NAME}`]);
      const left = matter(readFileSync(paths.draft, 'utf8')).data;
      // Before the rename over the draft it is untouched; after it, marked published but still a draft file.
      expect(left['status']).toBe(n <= 3 ? 'draft' : 'published');

      await approve(paths);
      expect(pieces(paths)).toEqual([`articles/${NAME}`]);
      expect(matter(readFileSync(paths.article, 'utf8')).data['status']).toBe('published');
    },
  );

  it('never overwrites an article, and changes nothing when one exists', async () => {
    const paths = setup();
    mkdirSync(paths.articles);
    writeFileSync(paths.article, 'the published piece\n');
    const error = await approve(paths).catch((e: unknown) => e);
    expect(isWirecopyError(error) && error.code).toBe('ArticleExists');
    expect(readFileSync(paths.article, 'utf8')).toBe('the published piece\n');
    expect(readFileSync(paths.draft, 'utf8')).toBe(fixture('original.md'));
  });

  it('puts the draft back when an article appears while it is being approved', async () => {
    const paths = setup();
    let renames = 0;
    const racing: FileSystem = {
      ...nodeFileSystem,
      rename(from, to) {
        nodeFileSystem.rename(from, to);
        // Someone else publishes the same file right after the draft was rewritten.
        if (++renames === 1) writeFileSync(paths.article, 'published meanwhile\n');
      },
    };
    const error = await approve(paths, racing).catch((e: unknown) => e);
    expect(isWirecopyError(error) && error.code).toBe('ArticleExists');
    expect(readFileSync(paths.article, 'utf8')).toBe('published meanwhile\n');
    expect(readFileSync(paths.draft, 'utf8')).toBe(fixture('original.md'));
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
