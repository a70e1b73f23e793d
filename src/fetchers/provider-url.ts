/** A provider URL from a base (an origin, or an origin with a path prefix), a path and query parameters. */
export function providerUrl(base: string, path: string, params: Record<string, string | undefined>): string {
  const url = new URL(`${base.replace(/\/+$/, '')}${path}`);
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) url.searchParams.set(name, value);
  }
  return url.href;
}
