/**
 * The desk's figures (issue 15): start-up (bundle with esbuild, then listen; budget 3 s), the
 * editor page's weight as the browser loads it (bytes and gzip), and the live check per
 * keystroke batch, the request the editor sends after a pause in typing (budget 100 ms), on the
 * real daily wrap of RUT.csv's last session; and the reader page, first and per save (the site's
 * own ArticleView.astro, loaded on the first request). Alone: `npm exec -- node bench/desk.ts`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { main } from '../src/cli/main.ts';
import { versionOf } from '../src/desk/piece-files.ts';
import { startDesk } from '../src/desk/server.ts';
import { CommandContext } from '../src/jobs/context.ts';
import { type BenchResult, type Measure, measureInto, printResults } from './results-table.ts';

const quiet = { out: () => {}, err: (t: string) => process.stderr.write(`${t}\n`) };

export async function deskFigures(measure: Measure, market: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'wirecopy-bench-desk-'));
  const flags = ['--store', join(dir, 'market.db'), '--content', join(dir, 'content')];
  const run = (args: string[], today: string) =>
    main([...flags, ...args], {
      cwd: dir,
      env: { WIRECOPY_TODAY: today },
      now: () => new Date(`${today}T12:00:00Z`),
      io: quiet,
    });
  await run(
    ['import', ...['RUT.csv', 'GSPC.csv', 'FRED_rates.csv'].map((f) => join(market, f))],
    '2026-08-25',
  );
  await run(['draft', '--as-of', '2026-02-23', '--story', 'daily-wrap'], '2026-02-24');
  const ctx = new CommandContext(
    { store: join(dir, 'market.db'), content: join(dir, 'content') },
    {
      cwd: dir,
      env: { WIRECOPY_TODAY: '2026-02-24' },
      now: () => new Date('2026-02-24T12:00:00Z'),
      io: quiet,
    },
  );
  try {
    for (const bundleCache of [false, true]) {
      await measure(
        `desk: start-up in process, ${bundleCache ? 'bundle reused' : 'esbuild bundle'} + listen (budget 3 s)`,
        3,
        async () => {
          const desk = await startDesk(ctx, { host: '127.0.0.1', port: 0, bundleCache });
          await desk.close();
          return desk.startupMs;
        },
        (_ms, startupMs) => `startDesk reports ${startupMs} ms`,
      );
    }
    await measure(
      'desk: `wirecopy desk` from process start to listening (budget 3 s)',
      3,
      () => deskProcessStartup(flags),
      () => 'node bin/wirecopy.js desk --port 0: module loading, config, bundle, listen',
    );

    const desk = await startDesk(ctx, { host: '127.0.0.1', port: 0 });
    try {
      const base = desk.url.replace(/\/$/, '');
      const shell = await (await fetch(desk.url)).text();
      const csrf = /name="wirecopy-csrf" content="([0-9a-f]+)"/.exec(shell)?.[1] ?? '';
      await measure(
        'desk: editor page weight (/, desk.js, desk.css)',
        1,
        async () => {
          const bodies = [
            shell,
            ...(await Promise.all(
              ['/desk.js', '/desk.css'].map(async (p) => (await fetch(base + p)).text()),
            )),
          ];
          return {
            bytes: bodies.reduce((n, b) => n + Buffer.byteLength(b), 0),
            gzip: bodies.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0),
            js: Buffer.byteLength(bodies[1] ?? ''),
          };
        },
        (_ms, last) => {
          const w = last as { bytes: number; gzip: number; js: number };
          return `${kb(w.bytes)} KB (${kb(w.js)} KB of it JS), ${kb(w.gzip)} KB gzip`;
        },
      );

      const name = 'drafts/2026-02-23-daily-wrap.md';
      const text = readFileSync(join(dir, 'content', name), 'utf8');
      const headers = { 'content-type': 'application/json', origin: base, 'x-wirecopy-csrf': csrf };
      const pageUrl = `${base}/page?name=${encodeURIComponent(name)}`;
      await measure(
        'desk: reader page, first request (loads Astro, Vite, ArticleView.astro)',
        1,
        async () => {
          const rss = process.memoryUsage().rss;
          const bytes = Buffer.byteLength(await (await fetch(pageUrl)).text());
          return { bytes, rssMb: Math.round((process.memoryUsage().rss - rss) / 2 ** 20) };
        },
        (_ms, last) => {
          const { bytes, rssMb } = last as { bytes: number; rssMb: number };
          return `${kb(bytes)} KB page, the site's CSS inlined; once per desk; resident memory +${rssMb} MB`;
        },
      );
      let version = versionOf(text);
      let save = 0;
      const pageMs: number[] = [];
      await measure(
        'desk: reader page per save (PUT /api/piece, then GET /page)',
        11,
        async () => {
          save++;
          const edited = text.replace('on Monday', `on Monday${' again'.repeat(save)}`);
          const saved = await fetch(`${base}/api/piece`, {
            method: 'PUT',
            headers,
            body: JSON.stringify({ name, text: edited, version }),
          });
          version = ((await saved.json()) as { version: string }).version;
          const started = performance.now();
          await (await fetch(pageUrl)).text();
          pageMs.push(performance.now() - started);
        },
        () => {
          const sorted = [...pageMs].sort((a, b) => a - b);
          return `GET /page ${Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0)} ms median (markdown, sanitizer, ArticleView.astro); load average ${loadavg()[0]?.toFixed(1)}`;
        },
      );
      const serverMs: number[] = [];
      let batch = 0;
      await measure(
        'desk: live check per keystroke batch (POST /api/check, budget 100 ms)',
        21,
        async () => {
          // Each batch types one more word into the first paragraph, as an editor would.
          batch++;
          const edited = text.replace('on Monday', `on Monday${' again'.repeat(batch)}`);
          const response = await fetch(`${base}/api/check`, {
            method: 'POST',
            headers,
            body: JSON.stringify({ name, text: edited }),
          });
          const result = (await response.json()) as { ms: number; errors: number };
          serverMs.push(result.ms);
          return result;
        },
        () => {
          const sorted = [...serverMs].sort((a, b) => a - b);
          return `check itself ${sorted[Math.floor(sorted.length / 2)]} ms median on the server, ${text.length.toLocaleString('en-US')}-character draft; load average ${loadavg()[0]?.toFixed(1)}`;
        },
      );
    } finally {
      await desk.close();
    }
  } finally {
    ctx.close();
    rmSync(dir, { recursive: true });
  }
}

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

const BIN = fileURLToPath(new URL('../bin/wirecopy.js', import.meta.url));

/** Spawns the CLI and resolves when it prints its address (then stops it). */
function deskProcessStartup(flags: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...flags, 'desk', '--port', '0'], {
      env: { ...process.env, WIRECOPY_TODAY: '2026-02-24' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout.on('data', (chunk) => {
      if (String(chunk).includes('Desk for')) {
        child.kill('SIGTERM');
        resolve();
      }
    });
    child.on('exit', (code) => reject(new Error(`wirecopy desk exited (${code}) before listening`)));
  });
}

// `node bench/desk.ts`: these figures alone, without the rest of `npm run bench`.
if (import.meta.main) {
  const results: BenchResult[] = [];
  await deskFigures(
    measureInto(results),
    fileURLToPath(new URL('../../shared/data/market/', import.meta.url)),
  );
  printResults(results);
}
