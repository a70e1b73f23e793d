/**
 * Progress of a fetch run. On a terminal: one bar over all series, naming the ones in flight,
 * with each series' result line printed above it as it lands. Anywhere else (a pipe, a log
 * file, `CI` set): only the result lines, one per series, which read well in a cron or CI log.
 */
import cliProgress from 'cli-progress';
import type { CommandContext } from './context.ts';

export interface FetchProgress {
  started(label: string): void;
  /** A series is done; `lines` say how it went. */
  finished(label: string, lines: readonly string[]): void;
  stop(): void;
}

/** Plain lines unless stdout is a terminal and `CI` is unset. */
export function isInteractive(ctx: CommandContext): boolean {
  return process.stdout.isTTY === true && !ctx.env['CI'];
}

export function fetchProgress(ctx: CommandContext, total: number): FetchProgress {
  if (!isInteractive(ctx)) {
    return {
      started() {},
      finished(_label, lines) {
        for (const line of lines) ctx.io.out(line);
      },
      stop() {},
    };
  }
  const bars = new cliProgress.MultiBar(
    {
      stream: process.stdout,
      format: 'fetching [{bar}] {value}/{total} {active}',
      barsize: 24,
      hideCursor: true,
      clearOnComplete: true,
      autopadding: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const active = new Set<string>();
  const bar = bars.create(total, 0, { active: '' });
  const activeText = () => [...active].join(', ');
  return {
    started(label) {
      active.add(label);
      bar.update({ active: activeText() });
    },
    finished(label, lines) {
      active.delete(label);
      bars.log(`${lines.join('\n')}\n`);
      bar.increment(1, { active: activeText() });
    },
    stop() {
      bars.update(); // flushes result lines still buffered for the next redraw
      bars.stop();
    },
  };
}

/**
 * Progress over the sessions of a span (`draft --from --to`, `style`): a bar naming the session
 * in hand on a terminal; elsewhere one line every `every` sessions, so a CI log shows it moving.
 */
export function spanProgress(ctx: CommandContext, verb: string, total: number, every = 50) {
  if (!isInteractive(ctx)) {
    let done = 0;
    return {
      tick(session: string) {
        done++;
        if (done % every === 0 || done === total)
          ctx.io.err(`${verb}: ${done}/${total} sessions (${session})`);
      },
      log(line: string) {
        ctx.io.out(line);
      },
      stop() {},
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `${verb} [{bar}] {value}/{total} {session}`,
      barsize: 24,
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { session: '' });
  return {
    tick(session: string) {
      bar.increment(1, { session });
    },
    log(line: string) {
      ctx.io.out(line);
    },
    stop() {
      bar.stop();
    },
  };
}
