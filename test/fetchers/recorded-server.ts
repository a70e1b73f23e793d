/**
 * A local HTTP server (127.0.0.1, a free port) that replays the recorded fixtures in
 * test/fixtures/http. Every provider's base URL points here in tests, so no test reaches the
 * network. A fixture answers the route of its recorded request URL; a test can queue other
 * replies for a route (a 429, a hang, a cut-off body) before the recorded one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../fixtures/http/', import.meta.url));

/** The response half of a recording, as in ../shared/data/yahoo-recorded. */
export interface Recorded {
  status: number;
  statusText?: string;
  headers?: Record<string, string>;
  bodyJson?: unknown;
  bodyText?: string;
}

export type Reply =
  | Recorded
  /** Accept the request and never answer. */
  | { hang: true }
  /** Promise the whole body, send `keep` characters of it, then drop the connection. */
  | { truncate: Recorded; keep: number }
  /**
   * HTTP 200 and a body of `start` followed by `fill` repeated: `bytes` of it in all (with a
   * Content-Length, unless `declare` is false), or without end when `bytes` is omitted.
   */
  | { stream: { start: string; fill: string; bytes?: number; declare?: boolean } };

interface Fixture {
  request: { url: string };
  response: Recorded;
}

/** Query parameters that pick a different resource; the rest (periods, keys) do not. */
const ROUTE_PARAMS = ['id', 'series_id', 's', 'date'];

/** `/v8/finance/chart/^RUT`, `/graph/fredgraph.csv?id=DGS2`, `/v7/finance/options/IWM?date=...`. */
export function routeOf(url: string): string {
  const parsed = new URL(url, 'http://127.0.0.1');
  const params = ROUTE_PARAMS.flatMap((name) => {
    const value = parsed.searchParams.get(name);
    return value === null ? [] : [`${name}=${value}`];
  });
  const path = decodeURIComponent(parsed.pathname);
  return params.length > 0 ? `${path}?${params.join('&')}` : path;
}

export function fixture(name: string): Fixture {
  return JSON.parse(readFileSync(`${FIXTURES}${name}`, 'utf8')) as Fixture;
}

export class RecordedServer {
  readonly url: string;
  /** Every request served, as its route, in order. */
  readonly seen: string[] = [];
  private readonly server: Server;
  private readonly recorded = new Map<string, Recorded>();
  private readonly queued = new Map<string, Reply[]>();
  /** Every GET hangs (HEAD, the reachability probe, is still answered): every provider stalls. */
  hangEveryGet = false;

  private constructor(server: Server) {
    this.server = server;
    const { port } = server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
  }

  /** Starts a server answering every fixture in test/fixtures/http (later files win a shared route). */
  static async start(): Promise<RecordedServer> {
    let instance: RecordedServer | undefined;
    const server = createServer((req, res) => instance!.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    instance = new RecordedServer(server);
    for (const name of readdirSync(FIXTURES)
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      const { request, response } = fixture(name);
      // Failure shapes are served only when a test asks for them.
      if (response.status === 200 && !/html|no-data|hits-limit|empty|null-ohlc/.test(name)) {
        instance.recorded.set(routeOf(request.url), response);
      }
    }
    return instance;
  }

  /** Replies for `route`, used once each, in order, before the recorded answer. */
  queue(route: string, ...replies: Reply[]): void {
    this.queued.set(route, [...(this.queued.get(route) ?? []), ...replies]);
  }

  /** The recorded answer of a fixture file, for `route` (or its own route). */
  use(name: string, route?: string): void {
    const { request, response } = fixture(name);
    this.recorded.set(route ?? routeOf(request.url), response);
  }

  count(route: string): number {
    return this.seen.filter((r) => r === route).length;
  }

  reset(): void {
    this.seen.length = 0;
    this.queued.clear();
    this.hangEveryGet = false;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const route = routeOf(req.url ?? '/');
    this.seen.push(route);
    const stall: Reply | undefined = this.hangEveryGet && req.method === 'GET' ? { hang: true } : undefined;
    const reply = stall ?? this.queued.get(route)?.shift() ?? this.recorded.get(route);
    if (reply === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`no fixture for ${route}`);
    } else if ('hang' in reply) {
      // Never answer; close() drops the socket.
    } else if ('stream' in reply) {
      streamBody(res, reply.stream);
    } else if ('truncate' in reply) {
      const body = bodyOf(reply.truncate);
      res.writeHead(reply.truncate.status, {
        ...reply.truncate.headers,
        'content-length': String(Buffer.byteLength(body)),
      });
      res.write(body.slice(0, reply.keep), () => res.destroy());
    } else {
      const body = bodyOf(reply);
      const headers = { ...reply.headers };
      delete headers['content-length'];
      res.writeHead(reply.status, reply.statusText ?? '', headers).end(body);
    }
  }
}

/** Writes as fast as the client reads, until `bytes` or until the client hangs up. */
function streamBody(
  res: ServerResponse,
  stream: { start: string; fill: string; bytes?: number; declare?: boolean },
) {
  const { start, bytes, declare = true } = stream;
  const fill = Buffer.from(stream.fill.repeat(Math.max(1, Math.floor(65_536 / stream.fill.length))));
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (bytes !== undefined && declare) headers['content-length'] = String(bytes);
  res.writeHead(200, headers);
  res.on('error', () => {});
  let left = (bytes ?? Number.POSITIVE_INFINITY) - Buffer.byteLength(start);
  res.write(start);
  const pump = () => {
    while (!res.destroyed && left > 0) {
      const chunk = left >= fill.length ? fill : fill.subarray(0, left);
      left -= chunk.length;
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
    if (!res.destroyed) res.end();
  };
  pump();
}

function bodyOf(recorded: Recorded): string {
  return recorded.bodyText ?? JSON.stringify(recorded.bodyJson ?? null);
}
