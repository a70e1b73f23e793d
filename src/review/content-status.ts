/**
 * What content/drafts and content/articles hold, for `wirecopy status`: each piece with its
 * status, as-of, story, age and the result of its review checks.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isIsoDate, toDayNumber } from '../calendar/dates.ts';
import type { IsoDate } from '../types.ts';
import { type CheckOptions, checkFile } from './check.ts';
import type { ContentEntry } from './content-entry.ts';
import { draftOf, fieldValue } from './draft-source.ts';
import { sessionsBehind } from './remark-fresh-data.ts';

export type { ContentEntry };

export interface ContentStatusOptions {
  check: CheckOptions;
  today: IsoDate;
}

export async function contentEntries(
  dir: string,
  folder: 'drafts' | 'articles',
  options: ContentStatusOptions,
): Promise<ContentEntry[]> {
  if (!existsSync(dir)) return [];
  const all = readdirSync(dir);
  const names = all.filter((f) => f.endsWith('.md') && !f.startsWith('.')).sort();
  // An approval stopped after publishing leaves its temp file beside the draft (src/review/approve.ts).
  const approving = (file: string) => all.some((f) => f.startsWith(`.${file}.approving.`));
  const entries: ContentEntry[] = [];
  for (const file of names) {
    const checked = await checkFile(join(dir, file), options.check);
    const draft = draftOf(checked.file);
    const text = (path: string[]) => {
      const value = fieldValue(draft, path);
      return value instanceof Date
        ? value.toISOString().slice(0, 10)
        : value === undefined
          ? '?'
          : String(value);
    };
    const asOf = text(['asOf']);
    const status = checked.unreadable ? 'unreadable' : text(['status']);
    entries.push({
      file,
      status,
      asOf,
      story: text(['story']),
      dataset: text(['dataset']),
      title: text(['title']),
      age: ageOf(asOf, options.check.freshness.latestSession, options.today),
      check: {
        errors: checked.counts.errors,
        warnings: checked.counts.warnings,
        unreadable: checked.unreadable,
      },
      ...(folder === 'drafts' && (status === 'published' || approving(file))
        ? { note: 'approval interrupted: run `wirecopy approve` again to finish it' }
        : {}),
    });
  }
  return entries;
}

function ageOf(asOf: string, latest: IsoDate | undefined, today: IsoDate): ContentEntry['age'] {
  if (!isIsoDate(asOf)) return { sessions: null, days: null };
  return {
    sessions: latest !== undefined && latest >= asOf ? sessionsBehind(asOf, latest) : null,
    days: toDayNumber(today) - toDayNumber(asOf),
  };
}

/** `{ draft: 2, rejected: 1 }`. */
export function countByStatus(entries: readonly ContentEntry[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const entry of entries) counts[entry.status] = (counts[entry.status] ?? 0) + 1;
  return counts;
}
