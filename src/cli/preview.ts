/**
 * `wirecopy preview [--port N]`: the site as it would publish, plus every draft in
 * content/drafts, each with a banner, its review checks and its fact-linked numbers highlighted
 * (hover one for its fact id and value). It runs Astro's dev server, so an edit to a draft shows
 * on reload. Search is not available in the preview: its index is made by a build.
 */
import { existsSync } from 'node:fs';
import { Command } from 'commander';
import { Errors, WirecopyError } from '../errors.ts';
import { SITE_ROOT, spawnAstro, withoutAnsi } from '../site/astro-run.ts';
import type { CommandContext } from './context.ts';

export interface PreviewServer {
  url: string;
  /** Resolves with Astro's exit code when the server stops. */
  exited: Promise<number | null>;
  stop(): void;
  /** Whether `stop` was called (Astro then exits with a signal's code, which is no failure). */
  readonly stopped: boolean;
}

const DEFAULT_PORT = 4321;
const START_TIMEOUT_MS = 60_000;

export function previewCommand(context: () => CommandContext): Command {
  return new Command('preview')
    .description(
      'serve the site with drafts included: checks and fact-linked numbers shown on each draft (Astro dev server; reload after an edit)',
    )
    .option('--port <n>', `port to listen on (default ${DEFAULT_PORT}; the next free one if taken)`)
    .option('--host <address>', 'address to listen on (default 127.0.0.1)')
    .action(async (options: { port?: string; host?: string }) => {
      const ctx = context();
      const server = await startPreview(ctx, {
        port: parsePort(options.port),
        host: options.host ?? '127.0.0.1',
      });
      ctx.io.out(`Preview of ${ctx.config.content} (drafts included): ${server.url}`);
      ctx.io.out('Drafts are under /drafts/<file>/ and listed on the home page. Stop with Ctrl-C.');
      // Ctrl-C reaches both processes; a plain kill of wirecopy must not leave Astro running.
      const stop = () => server.stop();
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
      const code = await server.exited;
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      if (code !== 0 && code !== null && !server.stopped) {
        throw new WirecopyError(Errors.PreviewFailed, `The preview server stopped with exit code ${code}.`, {
          hint: "Astro's messages above say why; `npx astro check` reports problems in the site's code.",
        });
      }
    });
}

export function parsePort(text: string | undefined): number {
  if (text === undefined) return DEFAULT_PORT;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port < 1 || port > 65535) {
    throw new WirecopyError(Errors.Usage, `--port ${text} is not a port number.`, {
      hint: 'Use a whole number from 1 to 65535, e.g. --port 4321.',
    });
  }
  return port;
}

/**
 * Starts Astro's dev server on the site with the context's content folder and drafts included;
 * resolves once it answers. Runs from the user's folder, so the site reads the same config file.
 */
export async function startPreview(
  ctx: CommandContext,
  options: { port: number; host: string },
): Promise<PreviewServer> {
  const child = spawnAstro(
    ['dev', '--root', SITE_ROOT, '--port', String(options.port), '--host', options.host],
    {
      cwd: ctx.cwd,
      content: ctx.contentDir,
      preview: true,
      env: { ...ctx.env, ...latestSessionEnv(ctx) },
    },
  );
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => fail(`it did not start within ${START_TIMEOUT_MS / 1000} s`),
      START_TIMEOUT_MS,
    );
    const output: string[] = [];
    function fail(why: string) {
      clearTimeout(timer);
      child.kill();
      reject(
        new WirecopyError(Errors.PreviewFailed, `The preview server could not start: ${why}.`, {
          details: withoutAnsi(output.join('')).trim().split('\n').slice(-15),
          hint: 'Read Astro’s output above; a port in use can be changed with --port.',
        }),
      );
    }
    const watchForUrl = (data: Buffer) => {
      output.push(data.toString());
      // Astro prints "Local    http://127.0.0.1:4321/" once it listens (another port if that one is taken).
      const local = /Local\s+(https?:\/\/\S+)/.exec(withoutAnsi(output.join('')));
      if (local?.[1]) {
        clearTimeout(timer);
        child.stdout?.off('data', watchForUrl);
        resolve(local[1]);
      }
    };
    child.stdout?.on('data', watchForUrl);
    child.stderr?.on('data', (data: Buffer) => output.push(data.toString()));
    void exited.then((code) => fail(`Astro exited with code ${code}`));
  });
  // Astro's own log (content reloads, render errors) stays visible to the editor.
  child.stdout?.on('data', (data: Buffer) => ctx.io.out(data.toString().trimEnd()));
  child.stderr?.on('data', (data: Buffer) => ctx.io.err(data.toString().trimEnd()));
  let stopped = false;
  return {
    url,
    exited,
    stop: () => {
      stopped = true;
      child.kill('SIGTERM');
    },
    get stopped() {
      return stopped;
    },
  };
}

/** The lead index's latest session in the store: the preview judges each draft's freshness by it. */
function latestSessionEnv(ctx: CommandContext): NodeJS.ProcessEnv {
  if (!existsSync(ctx.storePath)) return {};
  const latest = ctx
    .store()
    .loadSeries(ctx.config.indexes[0] ?? 'RUT')
    ?.dates.at(-1);
  return latest ? { WIRECOPY_LATEST_SESSION: latest } : {};
}
