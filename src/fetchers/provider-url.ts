/** Where each provider answers when no base URL is configured (tests point them at 127.0.0.1). */
export const PROVIDER_ORIGINS = {
  yahoo: 'https://query2.finance.yahoo.com',
  fredGraph: 'https://fred.stlouisfed.org',
  fredApi: 'https://api.stlouisfed.org',
  stooq: 'https://stooq.com',
} as const;

/** A provider URL from a base (an origin, or an origin with a path prefix), a path and query parameters. */
export function providerUrl(base: string, path: string, params: Record<string, string | undefined>): string {
  const url = new URL(`${base.replace(/\/+$/, '')}${path}`);
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) url.searchParams.set(name, value);
  }
  return url.href;
}
