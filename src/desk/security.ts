/**
 * Who may talk to the desk. It binds 127.0.0.1 by default; any other address needs
 * `WIRECOPY_DESK_TOKEN`, checked on every request (401 without it). On loopback the Host header
 * must name the desk itself, so a web page cannot reach it through a rebound DNS name. Every
 * request that changes something must come from the desk's own page: same Origin, and the
 * per-process CSRF token the page carries (403 otherwise).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { Errors, WirecopyError } from '../errors.ts';

export const TOKEN_COOKIE = 'wirecopy_desk';
export const CSRF_HEADER = 'x-wirecopy-csrf';

export interface DeskAccess {
  host: string;
  /** Set once listening. */
  port: number;
  /** Required off loopback. */
  token: string | undefined;
  csrf: string;
}

export function isLoopback(host: string): boolean {
  if (host === 'localhost' || host === '::1' || host === '[::1]') return true;
  return isIP(host) === 4 && host.startsWith('127.');
}

/** The access rules for a host; off loopback without a token is a usage error (exit 2), before anything listens. */
export function deskAccess(host: string, env: NodeJS.ProcessEnv): DeskAccess {
  const token = env['WIRECOPY_DESK_TOKEN']?.trim() || undefined;
  if (!isLoopback(host) && token === undefined) {
    throw new WirecopyError(
      Errors.Usage,
      `--host ${host} would open the desk to other machines without a token.`,
      {
        hint: 'Set WIRECOPY_DESK_TOKEN to a long random secret (e.g. `openssl rand -hex 24`) and open the desk with ?token=<it> once; or leave --host out to serve on 127.0.0.1 only.',
      },
    );
  }
  if (token !== undefined && token.length < 16) {
    throw new WirecopyError(Errors.Usage, 'WIRECOPY_DESK_TOKEN is shorter than 16 characters.', {
      hint: 'Use a long random secret, e.g. the output of `openssl rand -hex 24`.',
    });
  }
  return { host, port: 0, token, csrf: randomBytes(24).toString('hex') };
}

function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function cookie(request: IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

export type Verdict =
  | { ok: true; grantCookie?: string }
  | { ok: false; status: 401 | 403 | 421; message: string };

export function admit(request: IncomingMessage, url: URL, access: DeskAccess): Verdict {
  if (isLoopback(access.host)) {
    const allowed = [
      `127.0.0.1:${access.port}`,
      `localhost:${access.port}`,
      `[::1]:${access.port}`,
      `${access.host}:${access.port}`,
    ];
    if (!allowed.includes(request.headers.host ?? '')) {
      return { ok: false, status: 421, message: `The desk answers as ${access.host}:${access.port} only.` };
    }
  }
  let grantCookie: string | undefined;
  if (access.token !== undefined) {
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    const fromQuery = url.searchParams.get('token') ?? undefined;
    const given = bearer ?? cookie(request, TOKEN_COOKIE) ?? fromQuery;
    if (!sameSecret(given, access.token)) {
      return {
        ok: false,
        status: 401,
        message: 'This desk needs its token: open it with ?token=<WIRECOPY_DESK_TOKEN>.',
      };
    }
    if (fromQuery !== undefined)
      grantCookie = `${TOKEN_COOKIE}=${encodeURIComponent(fromQuery)}; HttpOnly; SameSite=Strict; Path=/`;
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    const origin = request.headers.origin;
    if (origin !== `http://${request.headers.host}`) {
      return {
        ok: false,
        status: 403,
        message: `A change must come from the desk's own page (Origin ${origin ?? 'missing'}).`,
      };
    }
    const csrf = request.headers[CSRF_HEADER];
    if (!sameSecret(typeof csrf === 'string' ? csrf : undefined, access.csrf)) {
      return {
        ok: false,
        status: 403,
        message: "A change must carry the desk page's CSRF token: reload the desk.",
      };
    }
  }
  return grantCookie ? { ok: true, grantCookie } : { ok: true };
}
