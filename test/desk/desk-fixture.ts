/**
 * A desk on a real-data store, for the desk's HTTP and browser tests: RUT, the S&P 500 and FRED's
 * rates imported from ../shared/data/market as `wirecopy import` does it, the daily wrap of the
 * store's last session (2026-02-23, RUT.csv's last row) and of the session before drafted, then
 * `startDesk` in this process on a free port. The files are imported on a day after their last
 * rows (FRED_rates.csv runs to 2026-08-24; later rows would be refused as future sessions); the
 * desk runs on the day after RUT's last session, so the latest draft is fresh for the check.
 */
import { join } from 'node:path';
import { startDesk } from '../../src/desk/server.ts';
import { CommandContext } from '../../src/jobs/context.ts';
import { MARKET_DATA, type Workspace, workspace } from '../support/cli.ts';

export const TODAY = '2026-02-24';
export const LATEST = '2026-02-23-daily-wrap.md';
export const EARLIER = '2026-02-20-daily-wrap.md';

export interface DeskFixture {
  ws: Workspace;
  url: string;
  origin: string;
  startupMs: number;
  close(): Promise<void>;
}

/** The store and the two drafts (slow part: import and draft), once per test file. */
export async function realDataWorkspace(): Promise<Workspace> {
  const ws = workspace('2026-08-25');
  const files = ['RUT.csv', 'GSPC.csv', 'FRED_rates.csv'].map((f) => join(MARKET_DATA, f));
  const imported = await ws.run(['import', ...files]);
  if (imported.code !== 0) throw new Error(`import failed: ${imported.stdout}\n${imported.stderr}`);
  for (const asOf of ['2026-02-20', '2026-02-23']) {
    const drafted = await ws.run(['draft', '--as-of', asOf, '--story', 'daily-wrap']);
    if (drafted.code !== 0) throw new Error(`draft ${asOf} failed: ${drafted.stdout}\n${drafted.stderr}`);
  }
  return ws;
}

export async function openDesk(
  ws: Workspace,
  options: { host?: string; env?: Record<string, string> } = {},
): Promise<DeskFixture> {
  const ctx = new CommandContext(
    { store: join(ws.dir, 'market.db'), content: join(ws.dir, 'content') },
    {
      cwd: ws.dir,
      env: { WIRECOPY_TODAY: TODAY, ...options.env },
      now: () => new Date(`${TODAY}T12:00:00Z`),
      io: { out: () => {}, err: (line) => console.error(line) },
    },
  );
  const desk = await startDesk(ctx, { host: options.host ?? '127.0.0.1', port: 0 });
  return {
    ws,
    url: desk.url,
    origin: desk.url.replace(/\/$/, ''),
    startupMs: desk.startupMs,
    close: async () => {
      await desk.close();
      ctx.close();
    },
  };
}
