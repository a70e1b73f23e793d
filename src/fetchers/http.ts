/**
 * The one place the fetchers touch the network. A session serves one fetch (one symbol from one
 * provider, however many requests that takes): each request has its own timeout and is retried
 * with backoff on timeouts, dropped connections, HTTP 408, 429 and 5xx (waiting as long as
 * `Retry-After` asks), and the whole session has a deadline, so a fetch always ends. Each answer's
 * body is read up to a cap (`maxAnswerBytes`), so it also always fits in memory. A caller's
 * signal (the time limit of a whole `run`) stops the session too.
 */
import { setTimeout as delay } from 'node:timers/promises';
import pRetry, { AbortError } from 'p-retry';
import type { WirecopyError } from '../errors.ts';
import { readCappedBody, sizeText } from './capped-body.ts';
import {
  answerTooLarge,
  type FetchPlace,
  fetchFailed,
  fetchStopped,
  fetchTimedOut,
  providerRefused,
} from './fetch-errors.ts';
import { retryAfterMs } from './retry-after.ts';
import { scrubUrl } from './scrub-url.ts';

export interface HttpPolicy {
  /** One attempt: connecting, headers and the whole body. */
  timeoutMs: number;
  /** The whole session: every request, retry and wait. */
  totalMs: number;
  /** Retries after the first attempt of each request. */
  retries: number;
  minBackoffMs: number;
  maxBackoffMs: number;
  /** The largest body read from one answer; a longer one fails, unretried. */
  maxAnswerBytes: number;
}

export const DEFAULT_HTTP_POLICY: HttpPolicy = {
  timeoutMs: 20_000,
  totalMs: 120_000,
  retries: 3,
  minBackoffMs: 500,
  maxBackoffMs: 10_000,
  // Full Yahoo history of an index since 1980 is about 1.5 MB; an IWM options expiry under 100 KB.
  maxAnswerBytes: 8 * 1024 * 1024,
};

/** Waits `ms`, or rejects when `signal` aborts. Injectable so tests can see a Retry-After wait without taking it. */
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

export interface HttpSessionOptions {
  provider: string;
  symbol: string;
  fetch?: typeof fetch;
  policy?: Partial<HttpPolicy>;
  sleep?: Sleep;
  /** Aborts when the whole fetch run is out of time (`fetch.runTimeoutMs`): every session stops. */
  runLimit?: RunLimit;
}

/** The time limit of a whole fetch run, shared by its sessions. */
export interface RunLimit {
  signal: AbortSignal;
  ms: number;
}

/** A final answer: any status but 408, 429 and 5xx, with its whole body read. */
export interface HttpAnswer {
  /** Scrubbed of secrets. */
  url: string;
  status: number;
  statusText: string;
  headers: Headers;
  body: string;
}

/** Answers that say "not now" rather than "no": a server timeout, a rate limit, a server fault. */
const isRetryableStatus = (status: number) => status === 408 || status === 429 || status >= 500;

/** A failed attempt worth another try. */
class RetryableFailure extends Error {
  readonly kind: 'timeout' | 'network' | 'status';
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(
    kind: RetryableFailure['kind'],
    message: string,
    extra: { status?: number; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: extra.cause });
    this.kind = kind;
    this.status = extra.status;
    this.retryAfterMs = extra.retryAfterMs;
  }
}

export class HttpSession {
  /** HTTP requests sent so far, retries included. */
  requests = 0;
  readonly provider: string;
  readonly symbol: string;
  private readonly fetchImpl: typeof fetch;
  private readonly policy: HttpPolicy;
  private readonly sleep: Sleep;
  private readonly deadline: AbortSignal;
  private readonly deadlineAt: number;
  private readonly runLimit: RunLimit | undefined;

  constructor(options: HttpSessionOptions) {
    this.provider = options.provider;
    this.symbol = options.symbol;
    this.fetchImpl = options.fetch ?? globalThis.fetch;
    this.policy = { ...DEFAULT_HTTP_POLICY, ...options.policy };
    this.sleep = options.sleep ?? ((ms, signal) => delay(ms, undefined, { signal }));
    this.runLimit = options.runLimit;
    const own = AbortSignal.timeout(this.policy.totalMs);
    this.deadline = this.runLimit ? AbortSignal.any([own, this.runLimit.signal]) : own;
    this.deadlineAt = performance.now() + this.policy.totalMs;
  }

  place(url: string): FetchPlace {
    return { provider: this.provider, symbol: this.symbol, url: scrubUrl(url) };
  }

  /** One request, retried as needed. Throws a WirecopyError once it cannot succeed. */
  async get(url: string, init: RequestInit = {}): Promise<HttpAnswer> {
    const place = this.place(url);
    let attempts = 0;
    try {
      return await pRetry(
        (attempt) => {
          attempts = attempt;
          return this.attempt(url, init);
        },
        {
          retries: this.policy.retries,
          minTimeout: this.policy.minBackoffMs,
          maxTimeout: this.policy.maxBackoffMs,
          randomize: true,
          signal: this.deadline,
          onFailedAttempt: (context) =>
            this.honorRetryAfter(context.error, context.retriesLeft, context.retryDelay, place),
        },
      );
    } catch (error) {
      throw this.finalError(error, place, attempts);
    }
  }

  private async attempt(url: string, init: RequestInit): Promise<HttpAnswer> {
    this.requests++;
    const signal = AbortSignal.any([AbortSignal.timeout(this.policy.timeoutMs), this.deadline]);
    let response: Response;
    let body: string;
    try {
      response = await this.fetchImpl(url, { ...init, signal });
      // Read inside the attempt: a body cut off mid-way is a failed attempt, like no answer.
      const read = await readCappedBody(response, this.policy.maxAnswerBytes);
      if ('tooLarge' in read) throw new AbortError(this.tooLarge(url, read.tooLarge));
      body = read.text;
    } catch (error) {
      if (error instanceof AbortError) throw error;
      throw this.attemptError(error, url);
    }
    const { status, statusText, headers } = response;
    if (isRetryableStatus(status)) {
      const wait = retryAfterMs(headers.get('retry-after'), Date.now());
      throw new RetryableFailure('status', `HTTP ${status} ${statusText}`.trim(), {
        status,
        retryAfterMs: wait,
      });
    }
    return { url: scrubUrl(url), status, statusText, headers, body };
  }

  private tooLarge(url: string, size: { read: number; declared: number | undefined }): WirecopyError {
    const cap = sizeText(this.policy.maxAnswerBytes);
    const what =
      size.declared !== undefined && size.read === 0
        ? `The answer is too large: it announced ${sizeText(size.declared)}, over the cap of ${cap} (fetch.maxAnswerBytes); nothing of it was read`
        : `The answer is too large: reading stopped at ${sizeText(size.read)}, over the cap of ${cap} (fetch.maxAnswerBytes)`;
    return answerTooLarge(this.place(url), what);
  }

  private attemptError(error: unknown, url: string): Error {
    if (this.deadline.aborted) return error as Error; // p-retry reports the deadline itself
    const name = error instanceof Error ? error.name : '';
    if (name === 'TimeoutError' || name === 'AbortError') {
      return new RetryableFailure('timeout', `no complete answer within ${this.policy.timeoutMs} ms`, {
        cause: error,
      });
    }
    // undici's "fetch failed" (refused, reset, DNS) and "terminated" (the body was cut off).
    if (error instanceof TypeError && (error.message === 'fetch failed' || error.message === 'terminated')) {
      const what =
        error.message === 'terminated'
          ? 'the connection closed before the whole body arrived'
          : `the connection failed${causeText(error)}`;
      return new RetryableFailure('network', what, { cause: error });
    }
    return new AbortError(fetchFailed(this.place(url), `The request failed: ${String(error)}`, error));
  }

  /** Waits out the rest of a `Retry-After` on top of the backoff p-retry is about to take. */
  private async honorRetryAfter(
    error: Error,
    retriesLeft: number,
    retryDelay: number,
    place: FetchPlace,
  ): Promise<void> {
    if (!(error instanceof RetryableFailure) || error.retryAfterMs === undefined || retriesLeft === 0) return;
    const left = this.deadlineAt - performance.now();
    if (error.retryAfterMs > left) {
      throw providerRefused(
        place,
        `${error.message}: the provider asked to wait ${Math.ceil(error.retryAfterMs / 1000)} s (Retry-After), more than the ${Math.max(0, Math.floor(left / 1000))} s this fetch has left`,
        'Wait that long and fetch again; the store was not changed.',
      );
    }
    if (error.retryAfterMs > retryDelay) await this.sleep(error.retryAfterMs - retryDelay, this.deadline);
  }

  private finalError(error: unknown, place: FetchPlace, attemptCount: number): WirecopyError | unknown {
    const attempts = attemptCount === 1 ? 'after 1 attempt' : `after ${attemptCount} attempts`;
    if (this.runLimit?.signal.aborted) return fetchStopped(place, this.runLimit.ms, error);
    if (this.deadline.aborted) {
      return fetchTimedOut(
        place,
        `Gave up: the fetch took longer than its ${this.policy.totalMs} ms limit`,
        error,
      );
    }
    if (!(error instanceof RetryableFailure)) return error;
    if (error.kind === 'timeout')
      return fetchTimedOut(place, `No answer ${attempts}: ${error.message}`, error);
    if (error.status === 429) {
      return providerRefused(
        place,
        `Rate limited ${attempts} (HTTP 429)`,
        'The provider is limiting requests: wait a few minutes and fetch again; the store was not changed.',
      );
    }
    return fetchFailed(place, `The request failed ${attempts}: ${error.message}`, error);
  }
}

function causeText(error: TypeError): string {
  const cause = error.cause as { code?: string; message?: string } | undefined;
  const text = cause?.code ?? cause?.message;
  return text ? ` (${text})` : '';
}
