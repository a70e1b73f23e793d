/** `wirecopy reject <file> --by NAME --reason TEXT`: mark a draft rejected; it stays in content/drafts/. */
import { Command } from 'commander';
import { reject } from '../jobs/reject.ts';
import type { CommandContext } from './context.ts';
import { printJson } from './json.ts';

export function rejectCommand(context: () => CommandContext): Command {
  return new Command('reject')
    .description(
      'mark a draft rejected (status: rejected, review: by, at, reason); it stays in content/drafts/',
    )
    .argument('<file>', 'the draft')
    .requiredOption('--by <name>', 'who rejects it')
    .requiredOption('--reason <text>', 'why, for the record')
    .option('--json', 'print one JSON object: {file, status, by, reason}')
    .action(async (file: string, options: { by: string; reason: string; json?: boolean }) => {
      const ctx = context();
      const { by, reason } = await reject(ctx, { file, by: options.by, reason: options.reason });
      if (options.json) printJson(ctx, { file, status: 'rejected', by, reason });
      else ctx.io.out(`Rejected by ${by}: ${file} (${reason}).`);
    });
}
