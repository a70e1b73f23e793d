/**
 * The `wirecopy` command line. One file per verb; this file wires them up, reads the global
 * flags, and maps errors to exit codes: 0 ok, 1 checks failed, 2 usage or input error.
 */
import { Command, CommanderError } from 'commander';
import { isWirecopyError } from '../errors.ts';
import { asDiskFullError } from '../io/disk-full.ts';
import { standardOutput } from '../io/standard-output.ts';
import { isSqliteBusy, storeBusyError } from '../store/store-busy.ts';
import { VERSION } from '../version.ts';
import { approveCommand } from './approve.ts';
import { checkCommand } from './check.ts';
import { type CliEnvironment, CommandContext, type GlobalFlags } from './context.ts';
import { demoCommand } from './demo.ts';
import { deskCommand } from './desk.ts';
import { diffCommand } from './diff.ts';
import { draftCommand } from './draft.ts';
import { fetchCommand } from './fetch.ts';
import { importCommand } from './import.ts';
import { newsletterCommand } from './newsletter.ts';
import { previewCommand } from './preview.ts';
import { rejectCommand } from './reject.ts';
import { runCommand } from './run.ts';
import { socialCommand } from './social.ts';
import { linePrinter } from './standard-streams.ts';
import { statsCommand } from './stats.ts';
import { statusCommand } from './status.ts';
import { styleCommand } from './style.ts';
import { templatesCommand } from './templates.ts';
import { verifyCommand } from './verify.ts';

const defaultEnvironment = (): CliEnvironment => ({
  cwd: process.cwd(),
  env: process.env,
  now: () => new Date(),
  io: {
    // Every byte checked when stdout is a file (a full disk is an error, not a cut file); on a
    // pipe, quiet once the reader has gone (EPIPE).
    out: standardOutput(1, linePrinter(process.stdout)),
    err: linePrinter(process.stderr),
  },
});

export async function main(
  argv: readonly string[],
  environment: CliEnvironment = defaultEnvironment(),
): Promise<number> {
  const { io } = environment;
  let context: CommandContext | undefined;
  const output = {
    writeOut: (text: string) => io.out(text.trimEnd()),
    writeErr: (text: string) => io.err(text.trimEnd()),
  };
  const program = new Command('wirecopy')
    .description('Market data in, small-cap market commentary drafts out.')
    .version(VERSION, '-V, --version', "print wirecopy's version")
    .option('--store <file>', 'SQLite market store (default .wirecopy/market.db, env WIRECOPY_STORE)')
    .option('--content <dir>', 'content folder with drafts/, articles/, inputs/ (default content)')
    .option(
      '--config <file>',
      'config file (default: the nearest wirecopy.config.json|yaml upward; env WIRECOPY_CONFIG)',
    )
    .showHelpAfterError('(run wirecopy --help for usage)')
    .exitOverride()
    .configureOutput(output);
  const getContext = () => {
    context ??= new CommandContext(program.opts<GlobalFlags>(), environment);
    return context;
  };
  for (const make of [
    runCommand,
    fetchCommand,
    verifyCommand,
    demoCommand,
    importCommand,
    statsCommand,
    draftCommand,
    statusCommand,
    templatesCommand,
    styleCommand,
    checkCommand,
    approveCommand,
    rejectCommand,
    diffCommand,
    socialCommand,
    newsletterCommand,
    previewCommand,
    deskCommand,
  ]) {
    // addCommand does not pass settings down: each verb (and its own subcommands) gets the
    // same output, so usage errors reach the caller's stderr too, and the same exit handling.
    const command = make(getContext);
    for (const c of [command, ...command.commands]) {
      c.exitOverride()
        .configureOutput(output)
        .showHelpAfterError('(run wirecopy <command> --help for usage)');
    }
    program.addCommand(command);
  }

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (thrown) {
    // SQLite's own lock can meet any statement (a draft's fact snapshot, too), not only the
    // store's transactions, which already say so: one net here for the rest.
    const error =
      asDiskFullError(thrown, context?.storePath) ??
      (isSqliteBusy(thrown) && context
        ? storeBusyError(context.config.store, thrown, context.lockWaitMs)
        : thrown);
    if (error instanceof CommanderError) {
      // Help and version are "errors" to commander; they exit 0.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (isWirecopyError(error)) {
      io.err(`${error.title}: ${error.message}`);
      for (const line of error.details) io.err(`  ${line}`);
      if (error.hint) io.err(`What to do: ${error.hint}`);
      return error.exitCode;
    }
    io.err('wirecopy hit an internal error (a bug): please report it with the output below.');
    io.err(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return 1;
  } finally {
    context?.close();
  }
}
