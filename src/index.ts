/**
 * wirecopy's programmatic API: the same layer the command line calls. Open a desk (the config,
 * the market store and the content folder of a working folder), build a session's fact set,
 * draft a session, check draft files.
 *
 * ```ts
 * import { openDesk, factSetFor, draftSession, checkPaths } from 'wirecopy';
 * const desk = openDesk({ cwd: '/path/to/desk' });
 * try {
 *   const facts = factSetFor(desk, '2025-06-13');
 *   const { results } = await draftSession(desk, '2025-06-13', { all: true });
 *   const checked = await checkPaths(desk, results.map((r) => r.path), { maxAgeSessions: 5 });
 * } finally {
 *   desk.close();
 * }
 * ```
 */
import { CommandContext, type GlobalFlags, type Output } from './jobs/context.ts';

export type { FactSet } from './facts/types.ts';
export { checkPaths, type ReviewSettings } from './jobs/check.ts';
export { CommandContext, type GlobalFlags, type Output } from './jobs/context.ts';
export { type DraftOptions, draftSession, draftsFor } from './jobs/draft.ts';
export { factSetFor } from './jobs/facts.ts';
export type { CheckedFile } from './review/check.ts';
export { MarketStore } from './store/market-store.ts';
export { VERSION } from './version.ts';

export interface DeskOptions extends GlobalFlags {
  /** The working folder: the config is looked up from here, and relative paths resolve here. */
  cwd?: string;
  /** Environment variables (WIRECOPY_STORE, WIRECOPY_CONFIG, ...); default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Where messages go; default stdout and stderr. */
  io?: Output;
  /** The clock; default the real time. */
  now?: () => Date;
}

/**
 * A desk as the CLI sees it in `cwd`. The store opens on first use (`desk.store()` creates it,
 * `desk.existingStore()` does not); `close()` closes it and releases any lock taken.
 */
export function openDesk(options: DeskOptions = {}): CommandContext {
  const { cwd = process.cwd(), env = process.env, now = () => new Date(), io, ...flags } = options;
  return new CommandContext(flags, {
    cwd,
    env,
    now,
    io: io ?? {
      out: (text) => process.stdout.write(`${text}\n`),
      err: (text) => process.stderr.write(`${text}\n`),
    },
  });
}
