/**
 * `wirecopy run` (what `npm start` does): the daily job. Until live fetching lands it works from
 * the store; an empty store is filled with the demo dataset, loudly. Then it writes the drafts
 * for the latest session and says where they are.
 */
import { Command } from 'commander';
import type { CommandContext } from './context.ts';
import { loadDemo } from './demo.ts';
import { draftsFor, reportDrafts } from './draft.ts';
import { factSetFor } from './facts.ts';
import { thousands } from './format-table.ts';

export function runCommand(context: () => CommandContext): Command {
  return new Command('run')
    .description(
      'the daily job: fill an empty store with demo data, then write the drafts for the latest session',
    )
    .option('--as-of <date>', 'YYYY-MM-DD (default: the latest session in the store)')
    .action(async (options: { asOf?: string }) => {
      const ctx = context();
      if (ctx.store().isEmpty()) {
        ctx.io.out(
          `The store ${ctx.config.store} is empty: loading the DEMO dataset (generated, not market data).`,
        );
        const load = loadDemo(ctx);
        ctx.io.out(`  ${load.series} series, ${thousands(load.rows)} rows, ${load.first} to ${load.last}.`);
      }
      const factSet = factSetFor(ctx, options.asOf);
      ctx.io.out(`Drafts for the ${factSet.asOf} session (dataset: ${factSet.dataset}):`);
      reportDrafts(ctx, await draftsFor(ctx, factSet), factSet);
    });
}
