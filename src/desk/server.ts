/**
 * The desk's HTTP server (node:http): static files (the page, the bundle, the site's CSS), the
 * JSON API of handlers.ts, and the reader page. Every request passes `admit` (security.ts)
 * first; a handler's bad request is answered with its status and message, never a stack.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { CommandContext } from '../jobs/context.ts';
import { type Bundle, bundleDesk } from './bundle.ts';
import { DeskRequestError } from './errors.ts';
import { DeskHandlers, type Reply } from './handlers.ts';
import { admit, deskAccess } from './security.ts';
import { deskShell } from './shell.ts';

const MAX_BODY = 4 * 1024 * 1024;
const SITE_CSS = fileURLToPath(new URL('../../site/styles/site.css', import.meta.url));

export interface DeskServer {
  url: string;
  close(): Promise<void>;
  /** Milliseconds from the call to listening, the bundle included. */
  startupMs: number;
  bundleBytes: { js: number; css: number };
  /** The browser code came from the last start's bundle (no source changed since). */
  bundleCached: boolean;
}

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};
const APP_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; frame-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
// The reader page runs no script at all, in a sandboxed frame of the desk.
const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'";

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type, ...headers });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, json: unknown) {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(json));
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
    throw new DeskRequestError(415, 'Send the request as application/json.');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new DeskRequestError(413, 'The request is larger than 4 MB.');
    chunks.push(chunk as Buffer);
  }
  try {
    const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {}
  throw new DeskRequestError(400, 'The request body is not a JSON object.');
}

export async function startDesk(
  ctx: CommandContext,
  options: { host: string; port: number; bundleCache?: boolean },
): Promise<DeskServer> {
  const started = performance.now();
  const access = deskAccess(options.host, ctx.env);
  const bundle: Bundle = await bundleDesk({ cache: options.bundleCache !== false });
  const siteCss = readFileSync(SITE_CSS, 'utf8');
  const handlers = new DeskHandlers(ctx, siteCss);

  const route = async (req: IncomingMessage, url: URL): Promise<Reply | undefined> => {
    const name = url.searchParams.get('name');
    const key = `${req.method} ${url.pathname}`;
    switch (key) {
      case 'GET /api/day':
        return handlers.day();
      case 'GET /api/piece':
        return handlers.open(name);
      case 'PUT /api/piece':
        return handlers.save(await readJson(req));
      case 'POST /api/check':
        return handlers.check(await readJson(req));
      case 'GET /api/facts':
        return handlers.facts(name);
      case 'GET /api/diff':
        return handlers.diff(name);
      case 'POST /api/approve':
        return handlers.approve(await readJson(req));
      case 'POST /api/reject':
        return handlers.reject(await readJson(req));
      case 'POST /api/draft':
        return handlers.draft(await readJson(req));
      case 'GET /page':
        return handlers.page(name);
      default:
        return undefined;
    }
  };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://desk.invalid');
    const verdict = admit(req, url, access);
    if (!verdict.ok) return sendJson(res, verdict.status, { ok: false, error: [verdict.message] });
    const cookie: Record<string, string> = verdict.grantCookie ? { 'set-cookie': verdict.grantCookie } : {};
    try {
      if (req.method === 'GET' && url.pathname === '/') {
        return send(res, 200, 'text/html; charset=utf-8', deskShell(access.csrf), {
          ...cookie,
          'content-security-policy': APP_CSP,
        });
      }
      if (req.method === 'GET' && url.pathname === '/desk.js')
        return send(res, 200, 'text/javascript; charset=utf-8', bundle.js, cookie);
      if (req.method === 'GET' && url.pathname === '/desk.css')
        return send(res, 200, 'text/css; charset=utf-8', bundle.css, cookie);
      const reply = await route(req, url);
      if (!reply)
        return sendJson(res, 404, {
          ok: false,
          error: [`${req.method} ${url.pathname} is not a desk request.`],
        });
      if (reply.html !== undefined) {
        return send(res, reply.status, 'text/html; charset=utf-8', reply.html, {
          ...cookie,
          'content-security-policy': PAGE_CSP,
        });
      }
      return sendJson(res, reply.status, reply.json);
    } catch (error) {
      if (error instanceof DeskRequestError)
        return sendJson(res, error.status, { ok: false, error: [error.message] });
      ctx.io.err(
        `desk: internal error on ${req.method} ${url.pathname}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      return sendJson(res, 500, {
        ok: false,
        error: ['The desk hit an internal error (a bug): the terminal running it has the details.'],
      });
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  access.port = (server.address() as AddressInfo).port;
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${shownHost}:${access.port}/`,
    startupMs: Math.round(performance.now() - started),
    bundleBytes: { js: Buffer.byteLength(bundle.js), css: Buffer.byteLength(bundle.css) },
    bundleCached: bundle.cached,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      await handlers.close();
    },
  };
}
