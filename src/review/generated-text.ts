/**
 * The generator's own text of each draft, kept in the store when the draft is written: the
 * reference `wirecopy diff` compares an edited draft with, and the facts `check` holds it to
 * (when the draft carries no seal of them). Found by the content hash the draft carries
 * (`generator.contentHash`), which survives edits.
 */
import { hashOf } from '../content/draft-file.ts';
import type { MarketStore } from '../store/market-store.ts';
import type { GeneratedTextRef } from './remark-generated-facts.ts';

export interface GeneratedDraft {
  /** The draft's file name, e.g. 2026-11-20-rates-fed.md. */
  fileName: string;
  text: string;
  /** The session's fact values the draft was written from. */
  snapshot: { asOf: string; slug: string; dataset: string; facts: Record<string, unknown> };
}

/**
 * Keeps the generated texts and fact snapshots of a session's drafts, all in one transaction.
 * `draft` calls it before any file is written, so a draft on disk always has them: a run cut
 * short in between leaves kept texts without a file, which the next run writes. Keeping the same
 * text again changes nothing, so a rerun also fills in a store that lacks them.
 */
export function keepGeneratedDrafts(store: MarketStore, drafts: readonly GeneratedDraft[]): void {
  store.transaction(() => {
    for (const draft of drafts) {
      store.saveDraftText({ file: draft.fileName, contentHash: hashOf(draft.text), text: draft.text });
      store.saveFactSnapshot(draft.snapshot);
    }
  });
}

export function generatedTextOf(store: MarketStore, ref: GeneratedTextRef): string | undefined {
  return store.draftText({ file: ref.fileName, contentHash: ref.contentHash });
}
