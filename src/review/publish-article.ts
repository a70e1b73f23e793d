/**
 * The file moves that publish a reviewed draft. The steps of a new article, and what an
 * interruption (crash, kill -9, full disk) after each one leaves:
 *
 * 1. read and check the draft; refuse on errors, on demo data, on a file outside the drafts
 *    folder, or when an article already holds its URL → nothing changed.
 * 2. write the reviewed text (status: published, review) to a hidden temp file in drafts/
 *    → the draft as it was, plus a stray `.name.md.*.tmp` that nothing lists.
 * 3. link the temp file in as content/articles/<asOf>-<slug>.md. A link fails when the name
 *    exists, so of two approvals running at once exactly one gets here; the other removes its
 *    temp file and refuses, having changed nothing → the article, complete, and the draft.
 * 4. remove the draft, then the temp file → the article alone.
 *
 * Between 3 and 4 both the article and the draft exist: the price of an exclusive step, since a
 * rename (which would move the piece in one step) silently replaces an article published
 * meanwhile. The site builds only articles, so readers see one piece, and running `approve`
 * again recognises the article as this draft's approval (the temp file, still there, holds the
 * article's very text) and finishes by removing the draft.
 *
 * Replacing (`--replace`): the reviewed text, with the replaced version's review appended to
 * `revisions:`, is renamed over the article (atomic; the article keeps its file name and URL),
 * then the draft is removed; a hidden second name of the new text stays until then, so an
 * interrupted replacement is recognised and finished the same way. The content lock (src/locks)
 * keeps two approvals from running at once; the article is also read again just before the
 * rename, so one changed meanwhile is not lost. drafts/ and articles/ must share a filesystem (links and renames stay within one).
 */
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { Errors, WirecopyError } from '../errors.ts';
import { diskFullError, isDiskFull } from '../io/disk-full.ts';
import { faultPoint } from '../io/fault-point.ts';
import { NO_HARD_LINKS, processRuns } from '../locks/lock-file.ts';
import type { PublishedArticle } from './article-url.ts';
import type { FileSystem } from './file-system.ts';
import { type ReviewRecord, withReview, withRevisions } from './review-fields.ts';

/** Steps 2 to 4 of a new article: the exclusive link is the single winner. */
export function publishNew(
  fs: FileSystem,
  step: { draftPath: string; articlePath: string; text: string; label: string },
): void {
  removeDeadApprovals(fs, step.draftPath);
  const temp = tempBeside(step.draftPath);
  createTemp(fs, temp, step.text, step.draftPath);
  try {
    faultPoint(`before-link:${basename(step.articlePath)}`);
    fs.link(temp, step.articlePath);
  } catch (error) {
    fs.remove(temp);
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new WirecopyError(
        Errors.ArticleExists,
        `${step.articlePath} was published meanwhile (another approval won), so ${step.label} was not approved; nothing was changed.`,
        {
          hint: "Compare the two: `wirecopy status` lists both. Approve the draft with --replace if it should take the article's place.",
        },
      );
    }
    if (NO_HARD_LINKS.has(String((error as NodeJS.ErrnoException).code))) {
      throw new WirecopyError(
        Errors.Usage,
        `The filesystem of ${dirname(step.articlePath)} has no hard links, which approve needs to publish a piece exactly once; ${step.label} was not approved.`,
        { hint: 'Keep the content folder on a local disk (ext4, APFS, NTFS and the like).', cause: error },
      );
    }
    throw error;
  }
  fs.remove(step.draftPath);
  fs.remove(temp);
}

export function replaceArticle(
  fs: FileSystem,
  step: { draftPath: string; text: string; review: ReviewRecord; published: PublishedArticle; label: string },
): void {
  const { published } = step;
  const revisions = [...published.revisions, ...(published.review ? [published.review] : [])];
  const reviewed = withRevisions(withReview(step.text, 'published', step.review), revisions);
  const temp = tempBeside(step.draftPath);
  createTemp(fs, temp, reviewed, step.draftPath);
  if (fs.readText(published.path) !== published.text) {
    fs.remove(temp);
    throw new WirecopyError(
      Errors.ArticleExists,
      `${published.path} changed while ${step.label} was being approved, so it was not replaced; nothing was changed.`,
      { hint: 'Look at the article as it is now, then approve the draft again.' },
    );
  }
  // A second name for the new text, kept until the draft is gone: should the approval stop in
  // between, it shows the next `approve` that this draft is what the article now holds.
  const evidence = tempBeside(step.draftPath);
  fs.link(temp, evidence);
  fs.rename(temp, published.path);
  fs.remove(step.draftPath);
  fs.remove(evidence);
}

/**
 * The temp file of an approval of this draft that published it and was stopped before removing
 * the draft (between steps 3 and 4), if that is what happened. The temp file is the evidence:
 * a draft regenerated identical to an approved one is not a leftover, and is refused.
 */
export function interruptedApproval(
  fs: FileSystem,
  draftPath: string,
  draftText: string,
  article: PublishedArticle,
): string | undefined {
  if (!article.review) return undefined;
  const approved = withReview(draftText, 'published', article.review);
  const expected = article.revisions.length > 0 ? withRevisions(approved, article.revisions) : approved;
  if (expected !== article.text) return undefined;
  const prefix = `.${basename(draftPath)}.approving.`;
  const name = fs
    .list(dirname(draftPath))
    .filter((n) => n.startsWith(prefix) && n.endsWith('.tmp'))
    .find((n) => fs.readText(join(dirname(draftPath), n)) === article.text);
  if (name === undefined) return undefined;
  // Not stopped but still at work, in another process that is about to remove the draft itself.
  const pid = Number(/^(\d+)-/.exec(name.slice(prefix.length))?.[1]);
  if (pid !== process.pid && processRuns(pid)) {
    throw new WirecopyError(
      Errors.ArticleExists,
      `${article.path} has just been published from this draft by pid ${pid}, which is finishing the approval; nothing was changed.`,
      { hint: '`wirecopy status` in a moment shows the article alone.' },
    );
  }
  return join(dirname(draftPath), name);
}

/** Writes the approval's temp file; a full disk is the DiskFull error naming the draft, left as it was. */
function createTemp(fs: FileSystem, temp: string, text: string, draftPath: string): void {
  try {
    fs.createText(temp, text);
  } catch (error) {
    throw isDiskFull(error) ? diskFullError(draftPath, error) : error;
  }
}

/**
 * Temp files of approvals of this draft whose process is gone, with no article to be evidence
 * for (a kill before the link): they hold nothing that is not in the draft, so they go.
 */
function removeDeadApprovals(fs: FileSystem, draftPath: string): void {
  const prefix = `.${basename(draftPath)}.approving.`;
  for (const name of fs.list(dirname(draftPath))) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const pid = Number(/^(\d+)-/.exec(name.slice(prefix.length))?.[1]);
    if (pid !== process.pid && !processRuns(pid)) fs.remove(join(dirname(draftPath), name));
  }
}

/** Hidden (no reader lists it), named for the draft, unique to this process and moment. */
function tempBeside(path: string): string {
  return join(
    dirname(path),
    `.${basename(path)}.approving.${process.pid}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}.tmp`,
  );
}
