/**
 * The generator's own text of each draft, kept in the store when the draft is written: the
 * reference `wirecopy diff` compares an edited draft with, and the facts `check` holds it to.
 * Found by the content hash the draft carries (`generator.contentHash`), which survives edits.
 */
import { basename } from 'node:path';
import { hashOf } from '../drafts/draft-file.ts';
import type { MarketStore } from '../store/market-store.ts';
import type { GeneratedTextRef } from './remark-generated-facts.ts';

export function keepGeneratedText(store: MarketStore, path: string, text: string): void {
  store.saveDraftText({ file: basename(path), contentHash: hashOf(text), text });
}

export function generatedTextOf(store: MarketStore, ref: GeneratedTextRef): string | undefined {
  return store.draftText({ file: ref.fileName, contentHash: ref.contentHash });
}
