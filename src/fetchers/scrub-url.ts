/**
 * URLs as they may be printed, logged or stored: API keys and Yahoo's crumb replaced. Every URL
 * that leaves the HTTP layer (results, errors, the fetch log) goes through here.
 */

/** Query parameters that carry a credential at some provider (FRED `api_key`, Stooq `apikey`, Yahoo `crumb`). */
const SECRET_PARAMS = new Set(['api_key', 'apikey', 'crumb', 'token', 'key']);

export function scrubUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // Not a URL we can take apart: hide every query value rather than risk printing a key.
    return url.replace(/=[^&#]*/g, '=***');
  }
  parsed.username = '';
  parsed.password = '';
  for (const name of [...parsed.searchParams.keys()]) {
    if (SECRET_PARAMS.has(name.toLowerCase())) parsed.searchParams.set(name, '***');
  }
  // URLSearchParams writes `^` as %5E; keep tickers readable in messages.
  return parsed.href.replaceAll('%5E', '^').replaceAll('%2A%2A%2A', '***');
}
