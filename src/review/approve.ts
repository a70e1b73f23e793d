/**
 * Approving a draft: check it, record the review in its front matter, and move it from
 * content/drafts/ to content/articles/, never overwriting an article.
 *
 * The steps, and what an interruption (crash, kill, full disk) after each one leaves:
 *
 * 1. read and check the draft; refuse on errors, on demo data, or when the article exists
 *    → nothing changed.
 * 2. write the reviewed text (status: published, review) to a hidden temp file in drafts/
 *    → the draft as it was, plus a stray `.name.md.*.tmp` that nothing lists.
 * 3. rename the temp file over the draft (atomic)
 *    → the draft, now marked published but still in drafts/: an interrupted approval, shown as
 *    such by `wirecopy status`; running `approve` again checks it again and finishes the move.
 * 4. make sure no article of that name appeared meanwhile (else put the draft text back, refuse)
 * 5. rename the draft to content/articles/<name> (atomic)
 *    → the article, and no draft.
 *
 * So at every point exactly one of draft and article exists: the piece is never in both places
 * and never in neither. The price is the state after step 3, which is why approve resumes it.
 * Not a hard link plus unlink (it would leave both between the two calls), and not a copy (it
 * could leave half an article). `rename` replaces an existing target, hence the checks in 1 and
 * 4; what is left is a race with someone writing that same article file between 4 and 5.
 * drafts/ and articles/ must share a filesystem for step 5 to be atomic: that is checked first.
 */
import { basename, dirname, join, resolve } from 'node:path';
import { Errors, WirecopyError } from '../errors.ts';
import type { CheckedFile } from './check.ts';
import { dataHash } from './data-hash.ts';
import { draftOf, fieldValue } from './draft-source.ts';
import { type FileSystem, nodeFileSystem, replaceText } from './file-system.ts';
import { formatMessage, plural } from './format-report.ts';
import { type ReviewRecord, withReview } from './review-fields.ts';

export interface ApproveRequest {
  draftPath: string;
  /** How messages name the draft (the path as the user typed it); default `draftPath`. */
  label?: string;
  articlesDir: string;
  by: string;
  /** ISO timestamp of the approval. */
  at: string;
  allowDemo: boolean;
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
}

export async function approveDraft(request: ApproveRequest): Promise<ApproveResult> {
  const fs = request.fs ?? nodeFileSystem;
  const label = request.label ?? request.draftPath;
  const draftPath = resolve(request.draftPath);
  const articlePath = join(resolve(request.articlesDir), basename(draftPath));
  if (dirname(draftPath) === dirname(articlePath)) {
    throw new WirecopyError(Errors.NotADraft, `${label} is already in the articles folder.`, {
      hint: 'Approve a file from content/drafts.',
    });
  }
  const text = readDraft(fs, label, draftPath);
  const checked = await request.check(text, draftPath);
  refuseUnlessApprovable(checked, label, request.allowDemo);
  if (fs.exists(articlePath)) throw articleExists(articlePath, label);

  fs.mkdirp(dirname(articlePath));
  if (fs.device(dirname(draftPath)) !== fs.device(dirname(articlePath))) {
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
  replaceText(fs, draftPath, withReview(text, 'published', review));
  if (fs.exists(articlePath)) {
    replaceText(fs, draftPath, text);
    throw articleExists(articlePath, label);
  }
  fs.rename(draftPath, articlePath);
  return { articlePath, review, checked };
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

function articleExists(articlePath: string, draftPath: string): WirecopyError {
  return new WirecopyError(
    Errors.ArticleExists,
    `${articlePath} already exists, so ${draftPath} was not approved.`,
    {
      hint: 'An approved article is never overwritten: compare the two, and remove or rename the one that should not be published.',
    },
  );
}
