/** `wirecopy demo`: fill the store with the generated demo dataset. */
import { Command } from 'commander';
import { previousSession, sessionsBetween } from '../calendar/nyse.ts';
import { DEMO_FIRST_SESSION, generateDemoHistory } from '../fetchers/demo/generate.ts';
import type { CommandContext } from './context.ts';
import { thousands } from './format-table.ts';
import { printJson } from './json.ts';

export interface DemoLoad {
  first: string;
  last: string;
  series: number;
  rows: number;
}

/** Generates the demo history through the last completed session before today and stores it. */
export function loadDemo(ctx: CommandContext): DemoLoad {
  const last = previousSession(ctx.today());
  const sessions = sessionsBetween(DEMO_FIRST_SESSION, last);
  const history = generateDemoHistory(sessions);
  const rows = history.reduce((n, s) => n + s.bars.length, 0);
  ctx.store().writeBatch({
    kind: 'demo',
    source: 'demo',
    origin: `wirecopy demo generator, ${DEMO_FIRST_SESSION} to ${last}`,
    dataset: 'demo',
    series: history,
  });
  return { first: DEMO_FIRST_SESSION, last, series: history.length, rows };
}

export function demoCommand(context: () => CommandContext): Command {
  return new Command('demo')
    .description('fill the store with the built-in demo dataset (generated, labeled dataset: demo)')
    .option('--json', 'print one JSON object: {store, dataset, first, last, series, rows}')
    .action(async (options: { json?: boolean }) => {
      const ctx = context();
      await ctx.lock('store', 'demo');
      const load = loadDemo(ctx);
      if (options.json) {
        printJson(ctx, { store: ctx.config.store, dataset: 'demo', ...load });
        return;
      }
      ctx.io.out(
        `Demo dataset: ${load.series} series, ${thousands(load.rows)} rows, ${load.first} to ${load.last}, stored in ${ctx.config.store} as dataset "demo".`,
      );
      ctx.io.out(
        'Demo numbers are generated, not market data: drafts from them are labeled and cannot be approved without --allow-demo.',
      );
    });
}
