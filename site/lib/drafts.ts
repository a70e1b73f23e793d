/**
 * Drafts for the editors' preview: each with its front matter validated by the review schema and
 * the review checks of `wirecopy check` (src/review/check.ts), run on the file as it is now.
 */

import { type CollectionEntry, getCollection } from 'astro:content';
import { basename, join, relative } from 'node:path';
import { type FrontMatter, frontMatterSchema } from '../../src/content/front-matter.ts';
import { checkFile } from '../../src/review/check.ts';
import { messageJson } from '../../src/review/format-report.ts';
import type { MessageJson } from '../../src/review/message-json.ts';
import { contentDir, leadIndex, publication } from './site-config.ts';

export interface PreviewDraft {
  entry: CollectionEntry<'drafts'>;
  /** The file's absolute path, for the checks. */
  file: string;
  /** The path an editor types: relative to the folder the preview runs in, when it is under it. */
  shownPath: string;
  /** The front matter, when it passes the schema; the preview still shows a draft that does not. */
  data: FrontMatter | undefined;
  title: string;
}

export async function previewDrafts(): Promise<PreviewDraft[]> {
  const entries = await getCollection('drafts');
  return entries
    .map((entry) => {
      const parsed = frontMatterSchema.safeParse(entry.data);
      const title = typeof entry.data['title'] === 'string' ? entry.data['title'] : entry.id;
      const file = draftPath(entry);
      const fromHere = relative(process.cwd(), file);
      return {
        entry,
        file,
        shownPath: fromHere.startsWith('..') ? file : fromHere,
        data: parsed.success ? parsed.data : undefined,
        title,
      };
    })
    .sort((a, b) => b.entry.id.localeCompare(a.entry.id));
}

export interface DraftChecks {
  errors: number;
  warnings: number;
  messages: MessageJson[];
}

/**
 * The review checks. Freshness is judged against `WIRECOPY_LATEST_SESSION`, which `wirecopy
 * preview` reads from the store; without it the check says it cannot tell.
 */
export async function draftChecks(draft: PreviewDraft): Promise<DraftChecks> {
  const { file, counts } = await checkFile(draft.file, {
    disclaimer: publication.disclaimer,
    legalText: [publication.forwardReturnsDisclaimer],
    freshness: { lead: leadIndex, latestSession: process.env['WIRECOPY_LATEST_SESSION'] || undefined },
  });
  return { errors: counts.errors, warnings: counts.warnings, messages: file.messages.map(messageJson) };
}

function draftPath(entry: CollectionEntry<'drafts'>): string {
  // The drafts loader reads `drafts/*.md` only, so the file name locates it.
  return join(contentDir, 'drafts', basename(entry.filePath ?? `${entry.id}.md`));
}
