/**
 * The desk's API: each handler reads its request, calls the same job the CLI calls
 * (src/jobs/*), and returns JSON. A job that writes runs in a context of its own
 * (`CommandContext.fork`), so its locks are released when the request ends and what it prints is
 * returned as `lines`.
 */
import { basename, relative } from 'node:path';
import { isWirecopyError } from '../errors.ts';
import { approve } from '../jobs/approve.ts';
import { checkOptionsFor } from '../jobs/check.ts';
import type { CommandContext, Output } from '../jobs/context.ts';
import { diffFile } from '../jobs/diff.ts';
import { draftSession } from '../jobs/draft.ts';
import { reject } from '../jobs/reject.ts';
import type { CheckOptions } from '../review/check.ts';
import { fieldValue, readDraftSource } from '../review/draft-source.ts';
import { formatMessage } from '../review/format-report.ts';
import { dayView } from './day-view.ts';
import { diffAnswer } from './diff-answer.ts';
import { DeskRequestError, errorLines } from './errors.ts';
import { liveCheck } from './live-check.ts';
import { piecePath } from './paths.ts';
import { openPiece, savePiece } from './piece-files.ts';
import { readerPage } from './reader-page.ts';
import { sessionFacts } from './session-facts.ts';
import { type SiteRenderer, startSiteRenderer } from './site-render.ts';

export interface Reply {
  status: number;
  json?: unknown;
  html?: string;
}

const OPTIONS_TTL_MS = 60_000;

const ok = (json: unknown): Reply => ({ status: 200, json });

function text(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (typeof value !== 'string') throw new DeskRequestError(400, `The request needs "${field}" as text.`);
  return value;
}

/** Lines a job prints, kept for the reply. */
function capture(): { io: Output; lines: string[] } {
  const lines: string[] = [];
  return { io: { out: (l) => lines.push(l), err: (l) => lines.push(l) }, lines };
}

export class DeskHandlers {
  private readonly ctx: CommandContext;
  /**
   * Check options for the live check: built once (they read the store's latest session, the
   * notes and the clock) and rebuilt after each write and once they are a minute old, so an
   * embargo added to the notes or a new session applies without restarting the desk.
   */
  private checkOptions: CheckOptions | undefined;
  private checkOptionsAt = 0;

  /** The site's renderer, started on the first reader request (it loads Astro and Vite). */
  private site: Promise<SiteRenderer> | undefined;
  private readonly siteCss: string;

  constructor(ctx: CommandContext, siteCss: string) {
    this.ctx = ctx;
    this.siteCss = siteCss;
  }

  /** Stops the site's renderer, if a reader request started it. */
  async close(): Promise<void> {
    const site = this.site;
    this.site = undefined;
    if (site) await (await site.catch(() => undefined))?.close();
  }

  private options(): CheckOptions {
    if (this.checkOptions === undefined || performance.now() - this.checkOptionsAt > OPTIONS_TTL_MS) {
      this.checkOptions = checkOptionsFor(this.ctx, {
        maxAgeSessions: this.ctx.config.review.maxAgeSessions,
      });
      this.checkOptionsAt = performance.now();
    }
    return this.checkOptions;
  }

  /** Runs a job in its own context; a job's error becomes the lines the CLI prints for it. */
  private async job(run: (ctx: CommandContext) => Promise<unknown> | unknown): Promise<Reply> {
    const { io, lines } = capture();
    const ctx = this.ctx.fork(io);
    try {
      const result = await run(ctx);
      return ok({ ok: true, lines, result });
    } catch (error) {
      if (!isWirecopyError(error)) throw error;
      return {
        status: error.exitCode === 2 ? 400 : 422,
        json: { ok: false, lines, error: errorLines(error) },
      };
    } finally {
      ctx.close();
      this.checkOptions = undefined;
    }
  }

  private piece(name: unknown) {
    return piecePath(this.ctx.contentDir, name);
  }

  /** The name a job sees: relative to the working folder, as a user would type it. */
  private shown(path: string): string {
    const rel = relative(this.ctx.cwd, path);
    return rel.startsWith('..') ? path : rel;
  }

  async day(): Promise<Reply> {
    const fork = this.ctx.fork(capture().io);
    try {
      return ok(await dayView(fork));
    } finally {
      fork.close();
    }
  }

  open(name: unknown): Reply {
    return ok(openPiece(this.piece(name)));
  }

  save(body: Record<string, unknown>): Reply {
    const piece = this.piece(body['name']);
    const outcome = savePiece(piece, text(body, 'text'), text(body, 'version'));
    this.checkOptions = undefined;
    return outcome.saved ? ok(outcome) : { status: 409, json: outcome };
  }

  async check(body: Record<string, unknown>): Promise<Reply> {
    const piece = this.piece(body['name']);
    return ok(await liveCheck(text(body, 'text'), piece.path, this.options()));
  }

  facts(name: unknown): Reply {
    const piece = this.piece(name);
    const draft = readDraftSource(openPiece(piece).text);
    const asOf = fieldValue(draft, ['asOf']);
    const facts = fieldValue(draft, ['facts']);
    const carried = new Set(facts && typeof facts === 'object' ? Object.keys(facts) : []);
    if (typeof asOf !== 'string')
      throw new DeskRequestError(400, `${piece.name} has no asOf in its front matter.`);
    const fork = this.ctx.fork(capture().io);
    try {
      return ok(sessionFacts(fork, asOf, carried));
    } catch (error) {
      if (isWirecopyError(error)) return { status: 400, json: { ok: false, error: errorLines(error) } };
      throw error;
    } finally {
      fork.close();
    }
  }

  diff(name: unknown): Promise<Reply> {
    const piece = this.piece(name);
    return this.job((ctx) => diffAnswer(diffFile(ctx, this.shown(piece.path))));
  }

  async page(name: unknown): Promise<Reply> {
    const piece = this.piece(name);
    const text = openPiece(piece).text;
    this.site ??= startSiteRenderer();
    // A renderer that failed to start is tried again on the next request, not kept broken.
    const site = await this.site.catch((error: unknown) => {
      this.site = undefined;
      throw error;
    });
    const html = await readerPage(text, site, { title: basename(piece.path), css: this.siteCss });
    return { status: 200, html };
  }

  approve(body: Record<string, unknown>): Promise<Reply> {
    const piece = this.piece(body['name']);
    if (piece.folder !== 'drafts') throw new DeskRequestError(400, `${piece.name} is not a draft.`);
    const file = this.shown(piece.path);
    return this.job(async (ctx) => {
      const result = await approve(ctx, {
        file,
        by: typeof body['by'] === 'string' ? body['by'] : undefined,
        allowDemo: body['allowDemo'] === true,
        replace: body['replace'] === true,
        maxAgeSessions: ctx.config.review.maxAgeSessions,
      });
      for (const message of result.checked.file.messages) {
        if (message.fatal === false) ctx.io.out(formatMessage(message, file));
      }
      return {
        article: `articles/${basename(result.articlePath)}`,
        outcome: result.outcome,
        by: result.review.by,
        checks: result.review.checks,
      };
    });
  }

  reject(body: Record<string, unknown>): Promise<Reply> {
    const piece = this.piece(body['name']);
    if (piece.folder !== 'drafts') throw new DeskRequestError(400, `${piece.name} is not a draft.`);
    return this.job((ctx) =>
      reject(ctx, {
        file: this.shown(piece.path),
        by: typeof body['by'] === 'string' ? body['by'] : undefined,
        reason: text(body, 'reason'),
      }),
    );
  }

  draft(body: Record<string, unknown>): Promise<Reply> {
    const story = body['story'];
    if (story !== undefined && typeof story !== 'string')
      throw new DeskRequestError(400, '"story" must be a story id.');
    const asOf = typeof body['asOf'] === 'string' ? body['asOf'] : undefined;
    return this.job(async (ctx) => {
      await ctx.lock('content', 'desk draft');
      const { results } = await draftSession(ctx, asOf, { ...(story ? { story } : {}), revise: true });
      return results.map((r) => ({
        name: `drafts/${basename(r.path)}`,
        outcome: r.outcome,
        title: r.title,
        ...(r.editedPath ? { beside: `drafts/${basename(r.editedPath)}` } : {}),
      }));
    });
  }
}
