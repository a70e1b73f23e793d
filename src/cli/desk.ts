/**
 * `wirecopy desk [--port N] [--host 127.0.0.1]`: the editors' desk in the browser (src/desk).
 * The server and its bundler load only when the verb runs, so other verbs never pay for them.
 */
import { Command } from 'commander';
import type { CommandContext } from './context.ts';
import { parsePort } from './preview.ts';

const DEFAULT_PORT = 4330;

export function deskCommand(context: () => CommandContext): Command {
  return new Command('desk')
    .description(
      "the editors' desk in the browser: today's drafts, the editor with the live check, facts panel, diff, approve/reject, the page as readers see it",
    )
    .option('--port <n>', `port to listen on (default ${DEFAULT_PORT}; 0 for any free one)`)
    .option(
      '--host <address>',
      'address to listen on (default 127.0.0.1; any other needs WIRECOPY_DESK_TOKEN)',
    )
    .action(async (options: { port?: string; host?: string }) => {
      const ctx = context();
      const port = options.port === '0' ? 0 : parsePort(options.port ?? String(DEFAULT_PORT));
      const { startDesk } = await import('../desk/server.ts');
      const desk = await startDesk(ctx, { host: options.host ?? '127.0.0.1', port });
      ctx.io.out(
        `Desk for ${ctx.config.content}: ${desk.url} (started in ${desk.startupMs} ms${desk.bundleCached ? ', browser code unchanged since the last start' : ''})`,
      );
      ctx.io.out(
        ctx.env['WIRECOPY_DESK_TOKEN']
          ? 'Open it once with ?token=<WIRECOPY_DESK_TOKEN>. Stop with Ctrl-C.'
          : 'Stop with Ctrl-C.',
      );
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGTERM', stop);
          process.off('SIGINT', stop);
          void desk.close().then(resolve);
        };
        process.once('SIGTERM', stop);
        process.once('SIGINT', stop);
      });
    });
}
