/**
 * Peak memory of `wirecopy fetch` against an endless answer (issue 16, item 11): a local server
 * answers every chart request with HTTP 200 and a JSON body that never ends, and a child
 * process runs the real CLI against it, reporting its own `process.resourceUsage().maxRSS`.
 * The fetch limits are short so that the code before the answer cap ends too (it buffered the
 * body until the time limit). `node bench/fetch-memory.ts` prints the figure alone.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
const CHUNK = Buffer.alloc(64 * 1024, '1,');

export interface EndlessFetch {
  maxRssMb: number;
  exitCode: number | null;
  /** Bytes the server sent before the client hung up or the limit passed. */
  sentMb: number;
  stderr: string;
}

/** Runs `wirecopy fetch --symbols RUT --source yahoo` against an endless answer in a child process. */
export async function endlessFetch(limitMs = 4000): Promise<EndlessFetch> {
  let sent = 0;
  const server = createServer((req, res) => {
    if (req.method === 'HEAD') {
      res.writeHead(200).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"chart":{"result":[{"timestamp":[');
    const pump = () => {
      while (!res.destroyed) {
        sent += CHUNK.length;
        if (!res.write(CHUNK)) {
          res.once('drain', pump);
          return;
        }
      }
    };
    res.on('error', () => {});
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const dir = mkdtempSync(join(tmpdir(), 'wirecopy-bench-endless-'));
  writeFileSync(
    join(dir, 'wirecopy.config.json'),
    JSON.stringify({ fetch: { timeoutMs: limitMs, totalMs: limitMs } }),
  );
  const script = [
    `const { main } = await import(${JSON.stringify(MAIN)});`,
    'const code = await main(process.argv.slice(1));',
    "process.stderr.write('maxRSS ' + process.resourceUsage().maxRSS + '\\n');",
    'process.exit(code);',
  ].join('\n');
  const child = spawn(
    process.execPath,
    ['--input-type=module', '-e', script, 'fetch', '--symbols', 'RUT', '--source', 'yahoo'],
    {
      cwd: dir,
      env: {
        ...process.env,
        CI: '1',
        WIRECOPY_STORE: join(dir, 'market.db'),
        WIRECOPY_YAHOO_URL: url,
        WIRECOPY_TODAY: '2025-11-14',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve));
  server.closeAllConnections();
  server.close();
  const kb = Number(/maxRSS (\d+)/.exec(stderr)?.[1] ?? Number.NaN);
  return {
    maxRssMb: Math.round(kb / 1024),
    exitCode,
    sentMb: Math.round(sent / 1024 / 1024),
    stderr: stderr.replace(/maxRSS \d+\n/, ''),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await endlessFetch(Number(process.argv[2] ?? 4000));
  console.log(
    `fetch against an endless answer: max RSS ${result.maxRssMb} MB, ${result.sentMb} MB sent, exit ${result.exitCode}`,
  );
  console.log(result.stderr.trim());
}
