/**
 * A yahoo-finance2 client whose every HTTP request goes through our HttpSession.
 *
 * yahoo-finance2 v4 takes a custom `fetch` (its `fetch` option) but builds its URLs itself, as
 * `https://${YF_QUERY_HOST}/...` (plus `https://finance.yahoo.com` and `query1` for the crumb), so
 * its `YF_QUERY_HOST` cannot point it at `http://127.0.0.1:PORT`. The fetch we give it therefore
 * rewrites any `*.yahoo.com` origin to the configured base URL, and it is also where retries,
 * timeouts, request counting and HTTP errors happen: the library only ever sees a final 2xx/3xx
 * answer with a whole body, so it never logs a URL (with its crumb) or an error of its own. That
 * body was read within the session's answer cap (`maxAnswerBytes`) before the library sees the
 * Response built from it, so an endless or huge answer stops at the cap on this path too.
 */
import YahooFinance from 'yahoo-finance2';
import { ExtendedCookieJar } from 'yahoo-finance2/lib/cookieJar';
import { isWirecopyError } from '../errors.ts';
import { bodyStart, PayloadInvalidError, providerRefused } from './fetch-errors.ts';
import type { HttpSession } from './http.ts';

export type YahooFinanceClient = InstanceType<typeof YahooFinance>;

export interface YahooClient {
  yf: YahooFinanceClient;
  /** The scrubbed URL of the latest chart or options request. */
  lastUrl(): string;
  /**
   * Runs a library call; an error of the library's own (an error envelope in a 200, a shape it
   * cannot read) becomes a PayloadInvalidError that keeps the body Yahoo sent.
   */
  call<T>(what: string, run: (yf: YahooFinanceClient) => Promise<T>): Promise<T>;
}

const SILENT = { info() {}, warn() {}, error() {}, debug() {}, dir() {} };
/** Chart and options answer JSON; the crumb endpoint answers text and the cookie page HTML. */
const JSON_ENDPOINT = /^\/v\d+\/finance\/(chart|options)\//;
/** Statuses that carry no body (a Response cannot be built with one). */
const NULL_BODY = new Set([101, 204, 205, 304]);

export function createYahooClient(http: HttpSession, baseUrl?: string, concurrency = 4): YahooClient {
  let lastBody: string | undefined;
  let lastUrl = '(no request made)';
  const fetchThroughSession = async (
    input: string | URL | Request,
    init: RequestInit = {},
  ): Promise<Response> => {
    const url = rewriteYahooUrl(input instanceof Request ? input.url : String(input), baseUrl);
    const answer = await http.get(url, init);
    const place = http.place(url);
    if (answer.status >= 400) {
      const said = yahooErrorDescription(answer.body);
      throw providerRefused(
        place,
        `Yahoo answered HTTP ${answer.status} ${answer.statusText}${said ? `: ${JSON.stringify(said)}` : ''}`,
        answer.status === 404
          ? `Check the ticker: Yahoo has no data for ${http.symbol} (a futures month that does not trade yet answers like this).`
          : 'Try again later; if it persists, Yahoo may have changed its API (update yahoo-finance2).',
      );
    }
    if (JSON_ENDPOINT.test(new URL(url).pathname)) {
      lastBody = answer.body;
      lastUrl = place.url;
      if (!isJson(answer.body)) {
        throw new PayloadInvalidError(
          place,
          `Yahoo answered with something that is not JSON: ${bodyStart(answer.body)}`,
          {
            payload: answer.body,
          },
        );
      }
    }
    const body = NULL_BODY.has(answer.status) ? null : answer.body;
    return new Response(body, {
      status: answer.status,
      statusText: answer.statusText,
      headers: answer.headers,
    });
  };
  const yf = new YahooFinance({
    fetch: fetchThroughSession as typeof fetch,
    // A jar per client: the crumb is cached per jar, and tests must not share one.
    cookieJar: new ExtendedCookieJar(),
    // The version check calls the npm registry when an error happens: never from a fetch.
    versionCheck: false,
    suppressNotices: ['yahooSurvey', 'ripHistorical'],
    logger: SILENT,
    validation: { logErrors: false, logOptionsErrors: false },
    queue: { concurrency },
  });
  const call = async <T>(what: string, run: (client: YahooFinanceClient) => Promise<T>): Promise<T> => {
    try {
      return await run(yf);
    } catch (error) {
      if (isWirecopyError(error)) throw error;
      const message = error instanceof Error ? error.message : String(error);
      throw new PayloadInvalidError(
        http.place(lastUrl),
        `yahoo-finance2 could not read Yahoo's ${what}: ${message.slice(0, 200)}`,
        {
          payload: lastBody,
          cause: error,
        },
      );
    }
  };
  return { yf, lastUrl: () => lastUrl, call };
}

/** `https://query2.finance.yahoo.com/v8/...` → `${baseUrl}/v8/...`; unchanged without a base URL. */
export function rewriteYahooUrl(url: string, baseUrl: string | undefined): string {
  if (baseUrl === undefined) return url;
  const parsed = new URL(url);
  if (!parsed.hostname.endsWith('.yahoo.com') && parsed.hostname !== 'yahoo.com') return url;
  return `${baseUrl.replace(/\/+$/, '')}${parsed.pathname}${parsed.search}`;
}

/** Yahoo's error envelope: `{ "chart": { "result": null, "error": { "code", "description" } } }`. */
function yahooErrorDescription(body: string): string | undefined {
  try {
    const json = JSON.parse(body) as Record<string, { error?: { description?: unknown } } | undefined>;
    const first = Object.values(json)[0];
    const description = first?.error?.description;
    return typeof description === 'string' ? description : undefined;
  } catch {
    return undefined;
  }
}

function isJson(body: string): boolean {
  try {
    JSON.parse(body);
    return true;
  } catch {
    return false;
  }
}
