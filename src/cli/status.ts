/** `wirecopy status`: what the store holds (series, ranges, sources, datasets) and what content/ holds. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import matter from 'gray-matter';
import type { CommandContext } from './context.ts';
import { formatTable, thousands } from './format-table.ts';

interface ContentEntry {
  file: string;
  status: string;
  asOf: string;
  story: string;
  dataset: string;
}

function readContent(dir: string): ContentEntry[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((file) => {
      try {
        const { data } = matter(readFileSync(join(dir, file), 'utf8'));
        const text = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? '?'));
        return {
          file,
          status: text(data['status']),
          asOf: text(data['asOf']),
          story: text(data['story']),
          dataset: text(data['dataset']),
        };
      } catch {
        return { file, status: 'unreadable front matter', asOf: '?', story: '?', dataset: '?' };
      }
    });
}

export function statusCommand(context: () => CommandContext): Command {
  return new Command('status')
    .description('show what is in the store and in content/')
    .option('--json', 'print one JSON object')
    .action((options: { json?: boolean }) => {
      const ctx = context();
      const store = existsSync(ctx.storePath) ? ctx.store() : undefined;
      const series = store?.summary() ?? [];
      const batches = store?.batches(5) ?? [];
      const drafts = readContent(join(ctx.contentDir, 'drafts'));
      const articles = readContent(join(ctx.contentDir, 'articles'));
      if (options.json) {
        ctx.io.out(JSON.stringify({ store: ctx.config.store, series, batches, drafts, articles }, null, 2));
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
        ctx.io.out('\nLatest imports and fetches:');
        for (const b of batches)
          ctx.io.out(
            `  #${b.id} ${b.finishedAt.slice(0, 19)}Z ${b.kind} ${b.source}: ${thousands(b.rows)} rows from ${b.origin}`,
          );
      }
      for (const [title, entries] of [
        ['Drafts', drafts],
        ['Articles', articles],
      ] as const) {
        ctx.io.out(`\n${title} (${join(ctx.config.content, title.toLowerCase())}): ${entries.length}`);
        if (entries.length > 0) {
          ctx.io.out(
            formatTable(
              ['file', 'status', 'as of', 'story', 'dataset'],
              entries.map((e) => [e.file, e.status, e.asOf, e.story, e.dataset]),
            ),
          );
        }
      }
    });
}
