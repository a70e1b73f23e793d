/**
 * Which source wins when several hold the same symbol and session. Live providers come first
 * (in this order), then imported files, newest import first (a re-import of a corrected file
 * replaces the old one), then the demo set.
 */
import type { Dataset } from '../types.ts';

export const PROVIDER_PRIORITY = ['yahoo', 'fred', 'stooq'] as const;

export interface SourceInfo {
  source: string;
  dataset: Dataset;
  lastBatch: number;
}

export function rankSources(sources: readonly SourceInfo[]): SourceInfo[] {
  const tier = (s: SourceInfo): number => {
    if (s.dataset === 'demo') return 3;
    const provider = PROVIDER_PRIORITY.indexOf(s.source as (typeof PROVIDER_PRIORITY)[number]);
    return provider >= 0 ? provider / PROVIDER_PRIORITY.length : 2;
  };
  return [...sources].sort((a, b) => tier(a) - tier(b) || b.lastBatch - a.lastBatch);
}
