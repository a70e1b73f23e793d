/**
 * Approving a draft: check it, record the review in its front matter, and publish it into
 * content/articles/ as the one article of its URL, never overwriting an article unless asked to
 * replace it (`--replace`, for a revision of a published piece).
 *
 * The file moves, and what an interruption leaves after each, are in publish-article.ts.
 */
import { basename, dirname, join, resolve } from 'node:path';
import { Errors, WirecopyError } from '../errors.ts';
import {
  articleAtUrl,
  type PublishedPiece,
  piecesNear,
  urlIdOf,
  withoutRevisionSuffix,
} from './article-url.ts';
import type { CheckedFile } from './check.ts';
import { dataHash } from './data-hash.ts';
import { draftOf, fieldValue, readDraftSource } from './draft-source.ts';
import { type FileSystem, nodeFileSystem } from './file-system.ts';
import { formatMessage, plural } from './format-report.ts';
import { sameHeadline } from './headline.ts';
import { interruptedApproval, publishNew, replaceArticle } from './publish-article.ts';
import { type ReviewRecord, withReview } from './review-fields.ts';

export interface ApproveRequest {
  draftPath: string;
  /** How messages name the draft (the path as the user typed it); default `draftPath`. */
  label?: string;
  /** The configured drafts folder: only a file in it can be approved. */
  draftsDir: string;
  articlesDir: string;
  by: string;
  /** ISO timestamp of the approval. */
  at: string;
  allowDemo: boolean;
  /** Publish in place of the article that holds the draft's URL (a revision of it). */
  replace?: boolean;
  /** The review checks (freshness judged even for a file already marked published). */
  check: (text: string, path: string) => Promise<CheckedFile>;
  /** Appended to `review.checks`, e.g. the wirecopy version. */
  checkedWith?: string;
  fs?: FileSystem;
}

export interface ApproveResult {
  articlePath: string;
  review: ReviewRecord;
  checked: CheckedFile;
  /** `replaced`: published in place of the article; `finished`: an interrupted approval was completed. */
  outcome: 'published' | 'replaced' | 'finished';
  /**
   * Other published pieces with the same headline, of the session or the days around it: the
   * site and the newsletter show only one of them, so the editor should know (a warning).
   */
  sameHeadline: PublishedPiece[];
}

/** How far apart two pieces with one headline still read as a repeat: a week either side. */
export const SAME_HEADLINE_DAYS = 7;

export async function approveDraft(request: ApproveRequest): Promise<ApproveResult> {
  const fs = request.fs ?? nodeFileSystem;
  const label = request.label ?? request.draftPath;
  const articlesDir = resolve(request.articlesDir);
  const draftPath = draftInFolder(fs, label, resolve(request.draftPath), request.draftsDir, articlesDir);
  const text = readDraft(fs, label, draftPath);
  const checked = await request.check(text, draftPath);
  refuseUnlessApprovable(checked, label, request.allowDemo);
  const id = urlIdOf(text) ?? basename(withoutRevisionSuffix(draftPath), '.md');
  const published = articleAtUrl(fs, articlesDir, id);
  const leftover = published && interruptedApproval(fs, draftPath, text, published);
  if (published?.review && leftover) {
    fs.remove(draftPath);
    fs.remove(leftover);
    return {
      articlePath: published.path,
      review: published.review,
      checked,
      outcome: 'finished',
      sameHeadline: [],
    };
  }
  if (published && !request.replace) throw urlTaken(published.path, id, label);
  // A usage error first: --replace names a URL, and with nothing there the command itself is wrong,
  // whatever else the draft collides with.
  if (!published && request.replace) {
    throw new WirecopyError(Errors.Usage, `--replace: no article is published at /articles/${id}/.`, {
      hint: `Approve ${label} without --replace: it becomes a new article.`,
    });
  }
  const front = readDraftSource(text).data;
  const asOf = typeof front?.['asOf'] === 'string' ? front['asOf'] : undefined;
  const near = asOf ? piecesNear(fs, articlesDir, asOf, SAME_HEADLINE_DAYS).filter((p) => p.id !== id) : [];
  const sameStory = near.find((p) => p.asOf === asOf && p.story === front?.['story']);
  if (sameStory) throw storyTaken(sameStory, id, label);
  const title = front?.['title'];
  const sameHeadlineAs = near.filter((p) => typeof title === 'string' && sameHeadline(p.title, title));

  fs.mkdirp(articlesDir);
  if (fs.device(dirname(draftPath)) !== fs.device(articlesDir)) {
    throw new WirecopyError(Errors.Usage, 'The drafts and articles folders are on different filesystems.', {
      hint: 'Keep content/drafts and content/articles on one disk: a move between disks cannot be atomic.',
    });
  }
  const { counts } = checked;
  const review: ReviewRecord = {
    by: request.by,
    at: request.at,
    checks: `${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}, ${plural(counts.infos, 'note')}${request.checkedWith ? ` (${request.checkedWith})` : ''}`,
    dataHash: dataHash(fieldValue(draftOf(checked.file), ['facts'])),
  };
  if (published) {
    replaceArticle(fs, { draftPath, text, review, published, label });
    return {
      articlePath: published.path,
      review,
      checked,
      outcome: 'replaced',
      sameHeadline: sameHeadlineAs,
    };
  }
  const articlePath = join(articlesDir, `${id}.md`);
  publishNew(fs, { draftPath, articlePath, text: withReview(text, 'published', review), label });
  return { articlePath, review, checked, outcome: 'published', sameHeadline: sameHeadlineAs };
}

/**
 * The draft's real path, refusing anything that is not a file directly in the drafts folder
 * once symlinks are resolved: a file elsewhere, an article, or a link from drafts/ to either.
 */
function draftInFolder(
  fs: FileSystem,
  label: string,
  path: string,
  draftsDir: string,
  articlesDir: string,
): string {
  let real: string;
  try {
    real = fs.realPath(path);
  } catch (cause) {
    throw missingDraft(fs, label, path, articlesDir, cause);
  }
  let drafts: string;
  try {
    drafts = fs.realPath(draftsDir);
  } catch {
    drafts = resolve(draftsDir);
  }
  if (dirname(real) !== drafts) {
    const resolved = real === path ? '' : ` (it resolves to ${real})`;
    const where =
      dirname(real) === safeRealPath(fs, articlesDir)
        ? 'is already in the articles folder'
        : `is not in the drafts folder ${draftsDir}`;
    throw new WirecopyError(
      Errors.NotADraft,
      `${label} ${where}${resolved}, so it was not approved; nothing was moved.`,
      {
        hint: `Approve a file from ${draftsDir} (\`wirecopy status\` lists them); to publish another file, copy it there first.`,
      },
    );
  }
  return real;
}

function safeRealPath(fs: FileSystem, path: string): string {
  try {
    return fs.realPath(path);
  } catch {
    return resolve(path);
  }
}

/** A draft that is gone may have just been approved by someone else: say so when it was. */
function missingDraft(
  fs: FileSystem,
  label: string,
  path: string,
  articlesDir: string,
  cause: unknown,
): WirecopyError {
  const article = join(articlesDir, withoutRevisionSuffix(basename(path)));
  if (fs.exists(article)) {
    return new WirecopyError(
      Errors.ArticleExists,
      `${label} is no longer a draft: ${article} is published (approved meanwhile, or earlier), so nothing was approved.`,
      { hint: '`wirecopy status` lists the drafts and articles as they are now.' },
    );
  }
  return new WirecopyError(Errors.FileUnreadable, `Could not read ${label}.`, {
    hint: 'Check the path: drafts are in content/drafts/ (`wirecopy status` lists them).',
    cause,
  });
}

function readDraft(fs: FileSystem, shown: string, path: string): string {
  try {
    return fs.readText(path);
  } catch (cause) {
    throw new WirecopyError(Errors.FileUnreadable, `Could not read ${shown}.`, {
      hint: 'Check the path: drafts are in content/drafts/ (`wirecopy status` lists them).',
      cause,
    });
  }
}

function refuseUnlessApprovable(checked: CheckedFile, label: string, allowDemo: boolean): void {
  const details = checked.file.messages.filter((m) => m.fatal === true).map((m) => formatMessage(m, label));
  if (checked.unreadable) {
    throw new WirecopyError(Errors.DraftInvalid, `${label} cannot be read as a draft.`, {
      details,
      hint: 'Fix the YAML at the place reported above.',
    });
  }
  if (checked.counts.errors > 0) {
    throw new WirecopyError(
      Errors.ReviewFailed,
      `${label} was not approved: ${plural(checked.counts.errors, 'error')} found.`,
      { details, hint: 'Fix each error above and approve again; `wirecopy check` lists warnings too.' },
    );
  }
  const dataset = fieldValue(draftOf(checked.file), ['dataset']);
  if (dataset === 'demo' && !allowDemo) {
    throw new WirecopyError(
      Errors.DemoNotApprovable,
      `${label} is written from the generated demo dataset, not market data.`,
      {
        hint: 'Draft from real data (`wirecopy import` or fetch), or pass --allow-demo to publish it as a demo piece.',
      },
    );
  }
}

/**
 * One piece per story per session: a second piece of the day's story under another slug would
 * publish the story twice, at two URLs. The published one keeps its URL; a revision takes it.
 */
function storyTaken(other: PublishedPiece, id: string, label: string): WirecopyError {
  const slug = other.id.slice(11);
  return new WirecopyError(
    Errors.ArticleExists,
    `${other.path} is already the ${other.story} piece of ${other.asOf}, published at /articles/${other.id}/; ${label} would publish the story a second time at /articles/${id}/, so it was not approved.`,
    {
      hint: `One piece per story per session. To publish ${label} in its place, keeping its URL, set \`slug: ${slug}\` in the draft and approve it with --replace; otherwise reject it.`,
    },
  );
}

function urlTaken(articlePath: string, id: string, label: string): WirecopyError {
  return new WirecopyError(
    Errors.ArticleExists,
    `${articlePath} already exists, published at /articles/${id}/, the URL of ${label}; so ${label} was not approved.`,
    {
      hint: 'An article is never overwritten: one URL, one article. If the draft is a revision of that article, approve it with --replace (the article keeps its name and URL; its current review moves to `revisions:`); otherwise reject it.',
    },
  );
}
