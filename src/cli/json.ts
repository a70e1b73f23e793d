/**
 * `--json` output (issue 14): the verb's report as one JSON object on stdout. The lines a job
 * prints along the way (the data-quality gate, cleanup notices) go to stderr with `--json` (see
 * `main`), and errors keep their exit codes, so `wirecopy draft --json | jq` reads only data.
 */
import type { Command } from 'commander';
import type { Output } from '../jobs/context.ts';

export function printJson(ctx: { io: Output }, value: unknown): void {
  (ctx.io.data ?? ctx.io.out)(JSON.stringify(value, null, 2));
}

/** Whether the verb that runs (or one of its subcommands) was given `--json`. */
export function wantsJson(command: Command | undefined): boolean {
  if (!command) return false;
  return [command, ...command.commands].some((c) => c.opts()['json'] === true);
}

/** The output a verb's context gets: with `--json`, its plain lines move to stderr. */
export function outputFor(io: Output, json: boolean): Output {
  return json ? { out: io.err, err: io.err, data: io.out } : io;
}
