/** Whether the providers answer at all, before a fetch spends its retries on each series. */
import { Errors, isWirecopyError } from '../errors.ts';
import { HttpSession } from './http.ts';
import type { FetchDeps, ProviderName } from './pipeline.ts';
import { PROVIDER_ORIGINS } from './provider-url.ts';

/**
 * One HEAD request per provider, with a short time limit and no retry, before anything else: an
 * offline machine learns it in one round trip instead of after every series' retries. Any HTTP
 * answer, even an error status, means the provider is reachable. It goes through the fetch core's
 * HttpSession, the one place that touches the network.
 */
export async function probeProviders(
  providers: readonly ProviderName[],
  deps: FetchDeps,
  timeoutMs: number,
): Promise<{ unreachable: Map<ProviderName, string>; requests: number }> {
  const unreachable = new Map<ProviderName, string>();
  let requests = 0;
  await Promise.all(
    providers.map(async (provider) => {
      const http = new HttpSession({
        provider,
        symbol: 'reachability probe',
        policy: { timeoutMs, totalMs: timeoutMs, retries: 0 },
      });
      try {
        await http.get(probeUrl(provider, deps), { method: 'HEAD' });
      } catch (error) {
        const why = unreachableReason(error, timeoutMs);
        if (why !== undefined) unreachable.set(provider, why);
      } finally {
        requests += http.requests;
      }
    }),
  );
  return { unreachable, requests };
}

function probeUrl(provider: ProviderName, deps: FetchDeps): string {
  const urls = deps.baseUrls ?? {};
  const base = {
    yahoo: urls.yahoo ?? PROVIDER_ORIGINS.yahoo,
    fred: deps.keys?.fred
      ? (urls.fredApi ?? PROVIDER_ORIGINS.fredApi)
      : (urls.fredGraph ?? PROVIDER_ORIGINS.fredGraph),
    stooq: urls.stooq ?? PROVIDER_ORIGINS.stooq,
  }[provider];
  return `${base.replace(/\/+$/, '')}/`;
}

/** Why a probe says "unreachable"; undefined when the provider answered (a 5xx is an answer). */
function unreachableReason(error: unknown, timeoutMs: number): string | undefined {
  if (!isWirecopyError(error)) return String(error);
  if (error.code === Errors.FetchTimedOut.name) return `no answer within ${timeoutMs} ms`;
  // http.ts keeps what went wrong on the cause: `kind` 'network' (refused, reset, DNS) or 'status'.
  const cause = error.cause as { kind?: string; message?: string } | undefined;
  if (cause?.kind === 'status') return undefined;
  return cause?.message ?? error.message;
}
