/**
 * Today's work, as the desk's first pane shows it: the session (the lead index's latest close in
 * the store), the data-quality gate's verdict on it, and every draft with its status, story,
 * lead fact, check result and age. Drafts of earlier sessions still unpublished are flagged,
 * and a revision (`-r2.md`, written when a redraft met an edited draft) names the draft it
 * stands beside.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { storiesFor } from '../drafts/stories/index.ts';
import type { CommandContext } from '../jobs/context.ts';
import { sessionGate } from '../jobs/gate.ts';
import { deskStatus } from '../jobs/status.ts';
import { fieldValue, readDraftSource } from '../review/draft-source.ts';
import type { DayDraft, DayView } from './wire.ts';

export type { DayDraft, DayView };

const REVISION = /^(.*)-r\d+\.md$/;

export async function dayView(ctx: CommandContext): Promise<DayView> {
  const status = await deskStatus(ctx);
  const lead = ctx.config.indexes[0] ?? 'RUT';
  const session = status.store?.loadSeries(lead)?.dates.at(-1);
  const files = new Set(status.drafts.map((d) => d.file));
  const drafts = status.drafts.map((entry): DayDraft => {
    const revisionOf = REVISION.exec(entry.file)?.[1];
    return {
      ...entry,
      name: `drafts/${entry.file}`,
      lead: leadOf(join(ctx.contentDir, 'drafts', entry.file)),
      earlierSession: entry.status === 'draft' && session !== undefined && entry.asOf < session,
      ...(revisionOf && files.has(`${revisionOf}.md`) ? { revisionOf: `drafts/${revisionOf}.md` } : {}),
    };
  });
  return {
    session,
    gate: gateOf(ctx, session, status.series),
    drafts,
    articles: status.articles,
    stories: storiesFor(ctx.config.stories, ctx.config.signals).map((s) => s.id),
  };
}

function gateOf(
  ctx: CommandContext,
  session: string | undefined,
  series: { dataset: string }[],
): DayView['gate'] {
  if (session === undefined)
    return { verdict: 'skipped', reason: 'the store holds no closes of the lead index' };
  if (series.length > 0 && series.every((s) => s.dataset === 'demo')) {
    return { verdict: 'skipped', reason: 'demo dataset: generated numbers, nothing to verify them against' };
  }
  return sessionGate(ctx, session);
}

function leadOf(path: string): string {
  try {
    const lead = fieldValue(readDraftSource(readFileSync(path, 'utf8')), ['angles', 'lead']);
    return typeof lead === 'string' ? lead : '';
  } catch {
    return '';
  }
}
