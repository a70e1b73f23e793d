/** What the store holds and what content/ holds, for `wirecopy status` and the desk's day view. */
import { join } from 'node:path';
import { type ContentEntry, contentEntries } from '../review/content-status.ts';
import type { MarketStore } from '../store/market-store.ts';
import { checkOptionsFor } from './check.ts';
import type { CommandContext } from './context.ts';

export interface DeskStatus {
  /** The store if its file exists (status never creates one). */
  store: MarketStore | undefined;
  series: ReturnType<MarketStore['summary']>;
  batches: ReturnType<MarketStore['batches']>;
  drafts: ContentEntry[];
  articles: ContentEntry[];
}

export async function deskStatus(ctx: CommandContext): Promise<DeskStatus> {
  const store = ctx.existingStore();
  // Drafts are judged as `check` judges them (as-of must be the latest session); articles
  // are exempt from freshness, as they speak for the day they were approved.
  const review = { check: checkOptionsFor(ctx, { maxAgeSessions: 0 }), today: ctx.today() };
  return {
    store,
    series: store?.summary() ?? [],
    batches: store?.batches(5) ?? [],
    drafts: await contentEntries(join(ctx.contentDir, 'drafts'), 'drafts', review),
    articles: await contentEntries(join(ctx.contentDir, 'articles'), 'articles', review),
  };
}
