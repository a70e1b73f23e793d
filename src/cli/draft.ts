/** `wirecopy draft`: write the drafts for one session into content/drafts/. */
import { join } from 'node:path';
import { Command } from 'commander';
import { type DraftResult, renderDraft, writeDrafts } from '../drafts/generate.ts';
import { STORIES } from '../drafts/stories/index.ts';
import { TemplateLibrary } from '../drafts/templates.ts';
import { Errors, WirecopyError } from '../errors.ts';
import type { FactSet } from '../facts/types.ts';
import { VERSION } from '../version.ts';
import type { CommandContext } from './context.ts';
import { factSetFor } from './facts.ts';

export async function draftsFor(ctx: CommandContext, factSet: FactSet): Promise<DraftResult[]> {
  const templates = new TemplateLibrary(ctx.templatesDir);
  const rendered = STORIES.map((story) =>
    renderDraft(story, factSet, {
      templates,
      registry: ctx.registry,
      publication: ctx.config.publication,
      generatorVersion: VERSION,
    }),
  );
  const results = await writeDrafts(rendered, join(ctx.contentDir, 'drafts'));
  for (const result of results) {
    if (result.outcome === 'created' || result.outcome === 'updated') {
      ctx.store().saveFactSnapshot({
        asOf: factSet.asOf,
        slug: result.story,
        dataset: factSet.dataset,
        facts: Object.fromEntries(Object.values(factSet.facts).map((f) => [f.id, f.value])),
      });
    }
  }
  return results;
}

/** Prints one line per draft; an edited draft left alone makes the command fail with exit 1. */
export function reportDrafts(ctx: CommandContext, results: readonly DraftResult[], factSet: FactSet): void {
  const relativePath = (p: string) => (p.startsWith(`${ctx.cwd}/`) ? p.slice(ctx.cwd.length + 1) : p);
  for (const r of results) {
    const what = {
      created: 'written',
      updated: 'regenerated',
      unchanged: 'unchanged',
      edited: 'NOT overwritten: edited by hand',
    }[r.outcome];
    ctx.io.out(`${relativePath(r.path)}  ${what}  "${r.title}"`);
  }
  if (factSet.dataset === 'demo') {
    ctx.io.out('These drafts use the generated demo dataset, not market data (dataset: demo).');
  }
  const edited = results.filter((r) => r.outcome === 'edited');
  if (edited.length > 0) {
    throw new WirecopyError(
      Errors.DraftEdited,
      `${edited.length} draft(s) were changed by an editor since they were generated, so they were left as they are.`,
      {
        details: edited.map((r) => relativePath(r.path)),
        hint: 'Keep the edits and review them with `wirecopy check`, or delete the file to regenerate it.',
      },
    );
  }
}

export function draftCommand(context: () => CommandContext): Command {
  return new Command('draft')
    .description('write the drafts for the last session on or before a date into content/drafts/')
    .option('--as-of <date>', 'YYYY-MM-DD (default: the latest session in the store)')
    .action(async (options: { asOf?: string }) => {
      const ctx = context();
      const factSet = factSetFor(ctx, options.asOf);
      reportDrafts(ctx, await draftsFor(ctx, factSet), factSet);
    });
}
