/** `wirecopy status`: what the store holds (series, ranges, sources, datasets) and what content/ holds. */
import { join } from 'node:path';
import { Command } from 'commander';
import { deskStatus } from '../jobs/status.ts';
import { type ContentEntry, countByStatus } from '../review/content-status.ts';
import { formatCounts } from '../review/format-report.ts';
import type { CommandContext } from './context.ts';
import { formatTable, thousands } from './format-table.ts';
import { printJson } from './json.ts';

function ageText({ age }: ContentEntry): string {
  if (age.sessions !== null) return `${age.sessions} session${age.sessions === 1 ? '' : 's'}`;
  return age.days === null ? '?' : `${age.days} day${age.days === 1 ? '' : 's'}`;
}

function checkText({ check }: ContentEntry): string {
  return formatCounts({ unreadable: check.unreadable, counts: check });
}

export function statusCommand(context: () => CommandContext): Command {
  return new Command('status')
    .description('show what is in the store and in content/')
    .option('--json', 'print one JSON object')
    .action(async (options: { json?: boolean }) => {
      const ctx = context();
      const { store, series, batches, drafts, articles } = await deskStatus(ctx);
      if (options.json) {
        const counts = { drafts: countByStatus(drafts), articles: countByStatus(articles) };
        printJson(ctx, { store: ctx.config.store, series, batches, counts, drafts, articles });
        requireMarketData(ctx);
        return;
      }
      ctx.io.out(
        `Store: ${ctx.config.store}${store ? '' : ' (not created yet: run `wirecopy demo` or `wirecopy import`)'}`,
      );
      if (series.length > 0) {
        ctx.io.out(
          formatTable(
            ['symbol', 'source', 'dataset', 'first', 'last', 'rows'],
            series.map((s) => [s.symbol, s.source, s.dataset, s.first, s.last, thousands(s.rows)]),
            [5],
          ),
        );
      } else if (store) {
        ctx.io.out('  empty');
      }
      if (batches.length > 0) {
        ctx.io.out('\nRecent batches (revert one with wirecopy import --undo ID):');
        for (const b of batches)
          ctx.io.out(
            `  #${b.id} ${b.finishedAt.slice(0, 19)}Z ${b.kind} ${b.source}: ${thousands(b.rows)} rows from ${b.origin}${b.undoneAt ? ` (undone ${b.undoneAt.slice(0, 19)}Z)` : ''}`,
          );
      }
      for (const [title, entries] of [
        ['Drafts', drafts],
        ['Articles', articles],
      ] as const) {
        const byStatus = Object.entries(countByStatus(entries))
          .map(([status, n]) => `${n} ${status}`)
          .join(', ');
        ctx.io.out(
          `\n${title} (${join(ctx.config.content, title.toLowerCase())}): ${entries.length}${byStatus ? ` (${byStatus})` : ''}`,
        );
        if (entries.length > 0) {
          const sorted = [...entries].sort(
            (a, b) => a.status.localeCompare(b.status) || a.file.localeCompare(b.file),
          );
          ctx.io.out(
            formatTable(
              ['file', 'status', 'as of', 'story', 'dataset', 'age', 'check'],
              sorted.map((e) => [e.file, e.status, e.asOf, e.story, e.dataset, ageText(e), checkText(e)]),
            ),
          );
          for (const e of sorted) if (e.note) ctx.io.out(`  ${e.file}: ${e.note}`);
        }
      }
      requireMarketData(ctx);
    });
}

/**
 * After the report, drafts and articles included: a store without data is still an input
 * problem (exit 2), and the error says how to fill it.
 */
function requireMarketData(ctx: CommandContext): void {
  ctx.storeWithData('to draft from');
}
