/**
 * Errors of the fetchers. Each names the provider, the symbol and the URL (secrets scrubbed), so
 * a cron log line is enough to tell what failed and where; the hint says what to do.
 */
import { Errors, WirecopyError } from '../errors.ts';

/** Where a failure happened: what a message must name. */
export interface FetchPlace {
  provider: string;
  symbol: string;
  /** Already scrubbed of keys and crumbs. */
  url: string;
}

/**
 * A payload that failed validation. Like yahoo-finance2's FailedYahooValidationError it keeps
 * what the provider sent, so a changed format can be diagnosed from the error alone.
 */
export class PayloadInvalidError extends WirecopyError {
  /** The raw payload: the body text, or the parsed JSON the schema rejected. */
  readonly payload: unknown;
  /** One line per schema issue: `path: message`. */
  readonly issues: readonly string[];

  constructor(
    place: FetchPlace,
    message: string,
    options: { payload: unknown; issues?: readonly string[]; cause?: unknown },
  ) {
    const issues = options.issues ?? [];
    super(Errors.PayloadInvalid, `${message} (${place.provider}, ${place.symbol}, ${place.url})`, {
      hint: 'Providers change formats without notice: try again later, and if it persists open an issue with the payload kept on this error.',
      details: issues.slice(0, 10),
      cause: options.cause,
    });
    this.payload = options.payload;
    this.issues = issues;
  }
}

export function fetchFailed(place: FetchPlace, what: string, cause?: unknown): WirecopyError {
  return new WirecopyError(Errors.FetchFailed, `${what} (${place.provider}, ${place.symbol}, ${place.url})`, {
    hint: 'Check the network connection and try again; the store was not changed.',
    cause,
  });
}

export function fetchTimedOut(place: FetchPlace, what: string, cause?: unknown): WirecopyError {
  return new WirecopyError(
    Errors.FetchTimedOut,
    `${what} (${place.provider}, ${place.symbol}, ${place.url})`,
    {
      hint: 'Try again later, or allow more time (the per-request and total time limits of the fetch); the store was not changed.',
      cause,
    },
  );
}

/** The whole fetch run reached its time limit while this series was still being fetched. */
export function fetchStopped(place: FetchPlace, limitMs: number, cause?: unknown): WirecopyError {
  return new WirecopyError(
    Errors.FetchStopped,
    `Stopped: the fetch reached its time limit of ${limitMs / 1000} s (fetch.runTimeoutMs) before ${place.symbol} came in (${place.provider}, ${place.symbol}, ${place.url})`,
    {
      hint: 'The provider is slow or not answering: try again later, or allow more time with fetch.runTimeoutMs; the store keeps what it had for this series.',
      cause,
    },
  );
}

export function answerTooLarge(place: FetchPlace, what: string): WirecopyError {
  return new WirecopyError(
    Errors.AnswerTooLarge,
    `${what} (${place.provider}, ${place.symbol}, ${place.url})`,
    {
      hint: 'A daily series is far smaller, so the provider sent something else: try again later. If a real answer is this large, raise fetch.maxAnswerBytes in the config. The store was not changed.',
    },
  );
}

export function providerRefused(place: FetchPlace, what: string, hint: string): WirecopyError {
  return new WirecopyError(
    Errors.ProviderRefused,
    `${what} (${place.provider}, ${place.symbol}, ${place.url})`,
    { hint },
  );
}

/** The first characters of a body, on one line, for a message. */
export function bodyStart(body: string, length = 80): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  if (flat.length === 0) return '(an empty body)';
  return JSON.stringify(flat.length > length ? `${flat.slice(0, length)}…` : flat);
}
