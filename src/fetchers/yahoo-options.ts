/**
 * A daily options snapshot (IWM): call and put volume and open interest summed over every expiry.
 * Yahoo's first options answer lists all `expirationDates` but carries the chain of the nearest
 * only, so the fetch is one request per expiry. A contract without `volume` or `openInterest`
 * (Yahoo leaves them out when there were none) counts as 0; how many did is reported.
 *
 * Volumes accumulate through the session, so a snapshot is taken only once the session of the
 * last regular trade has closed; before the open, the figures are the previous session's.
 */
import { z } from 'zod';
import { newYorkDate, newYorkTime } from '../calendar/dates.ts';
import { Errors, WirecopyError } from '../errors.ts';
import type { MarketStore, OptionsSnapshot } from '../store/market-store.ts';
import type { InputProblem, SymbolKey } from '../types.ts';
import { type FetchDeps, runSource, type SourceModule } from './pipeline.ts';
import { closeTime, isSessionClosed } from './session-bars.ts';
import { createYahooClient } from './yahoo-client.ts';

export interface OptionsChainOptions {
  symbol: SymbolKey;
  ticker: string;
}

export interface OptionsSnapshotResult {
  snapshot: OptionsSnapshot;
  problems: InputProblem[];
  requests: number;
  /** The first options URL, scrubbed of its crumb. */
  url: string;
}

/** A contract as Yahoo sends it: `volume` and `openInterest` are left out when there were none. */
const contract = z.object({
  contractSymbol: z.string(),
  volume: z.number().nonnegative().nullish(),
  openInterest: z.number().nonnegative().nullish(),
});

/**
 * A Yahoo time: epoch seconds on the wire. yahoo-finance2 coerces them to Date while validating,
 * but with its validation off it stops coercing at the first field its schema dislikes, so
 * either form is accepted here.
 */
const yahooTime = z.preprocess(
  (value) => (typeof value === 'number' ? new Date(value * 1000) : value),
  z.date(),
);

/** One options answer as yahoo-finance2 returns it (its own validation off: this is ours). */
const chainAnswer = z.object({
  underlyingSymbol: z.string(),
  expirationDates: z.array(yahooTime),
  quote: z.object({ regularMarketTime: yahooTime }),
  options: z.array(
    z.object({ expirationDate: yahooTime, calls: z.array(contract), puts: z.array(contract) }),
  ),
});

const chainPayload = z.array(chainAnswer).min(1);
type ChainPayload = z.infer<typeof chainPayload>;

interface ChainTotals extends Omit<OptionsSnapshot, 'symbol' | 'date' | 'fetchedAt'> {
  lastTrade: Date;
  problems: InputProblem[];
}

export function optionsChain(concurrency = 4): SourceModule<OptionsChainOptions, ChainPayload, ChainTotals> {
  return {
    provider: 'yahoo',
    options: ({ registry }) =>
      z.object({ symbol: z.string().trim().min(1) }).transform((request, ctx) => {
        const spec = registry.resolve(request.symbol);
        if (spec?.yahoo === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['symbol'],
            message: `${request.symbol} has no Yahoo ticker`,
          });
          return z.NEVER;
        }
        return { symbol: spec.key, ticker: spec.yahoo };
      }),

    async request(options, { http, deps }) {
      const client = createYahooClient(http, deps.baseUrls?.yahoo, concurrency);
      const first = await client.call('options chain', (yf) =>
        yf.options(options.ticker, {}, { validateResult: false }),
      );
      const url = client.lastUrl();
      // Shape problems in `first` surface in payload validation; here only what is needed to go on.
      const peek = first as { expirationDates?: unknown; options?: Array<{ expirationDate?: unknown }> };
      const listed: unknown[] = Array.isArray(peek.expirationDates) ? peek.expirationDates : [];
      const have = new Set(
        (Array.isArray(peek.options) ? peek.options : []).map((o) => toDate(o?.expirationDate)?.getTime()),
      );
      const rest = listed
        .map(toDate)
        .filter((date): date is Date => date !== undefined && !have.has(date.getTime()));
      const others = await Promise.all(
        rest.map((date) =>
          client.call(`options chain for ${expiryDate(date)}`, (yf) =>
            yf.options(options.ticker, { date }, { validateResult: false }),
          ),
        ),
      );
      return { url, payload: [first, ...others] };
    },

    payload: chainPayload,

    transform(answers, options, { url }) {
      const { totals, expiries, contracts, noVolume, noInterest } = sumChains(answers);
      const problems: InputProblem[] = [];
      const report = (code: string, message: string, hint: string) =>
        problems.push({ severity: 'warning', code, message, hint, file: url, symbol: options.symbol });
      if (noVolume > 0 || noInterest > 0) {
        report(
          'fetch/options-missing-fields',
          `${noVolume} of ${contracts} ${options.symbol} contracts had no volume and ${noInterest} no open interest; they count as 0.`,
          'Nothing to do: Yahoo leaves the fields out for contracts that did not trade or have no open interest.',
        );
      }
      const missing = answers[0]!.expirationDates.filter((d) => !expiries.has(d.getTime()));
      if (missing.length > 0) {
        report(
          'fetch/options-missing-expiry',
          `${missing.length} listed ${options.symbol} expiries had no chain (${missing.map(expiryDate).join(', ')}); the sums leave them out.`,
          'Fetch again; if it repeats, Yahoo has stopped listing those expiries.',
        );
      }
      return { ...totals, expiries: expiries.size, lastTrade: answers[0]!.quote.regularMarketTime, problems };
    },
  };
}

/** Sums every chain once per expiry (an expiry answered twice counts once); missing fields count 0. */
function sumChains(answers: ChainPayload) {
  const totals = { callVolume: 0, putVolume: 0, callOpenInterest: 0, putOpenInterest: 0 };
  const expiries = new Set<number>();
  let contracts = 0;
  let noVolume = 0;
  let noInterest = 0;
  for (const chain of answers.flatMap((answer) => answer.options)) {
    if (expiries.has(chain.expirationDate.getTime())) continue;
    expiries.add(chain.expirationDate.getTime());
    const sides = [
      ['call', chain.calls],
      ['put', chain.puts],
    ] as const;
    for (const [side, list] of sides) {
      for (const c of list) {
        contracts++;
        if (c.volume == null) noVolume++;
        if (c.openInterest == null) noInterest++;
        totals[`${side}Volume`] += c.volume ?? 0;
        totals[`${side}OpenInterest`] += c.openInterest ?? 0;
      }
    }
  }
  return { totals, expiries, contracts, noVolume, noInterest };
}

/** Fetches every expiry and sums them into the snapshot of the last closed session. Writes nothing. */
export async function fetchOptionsSnapshot(
  request: { symbol: SymbolKey },
  deps: FetchDeps & { concurrency?: number },
): Promise<OptionsSnapshotResult> {
  const { options, output, requests, url } = await runSource(optionsChain(deps.concurrency), request, deps);
  const { lastTrade, problems, ...totals } = output;
  const date = newYorkDate(lastTrade);
  if (!isSessionClosed(date, deps.now, 'nyse')) {
    throw new WirecopyError(
      Errors.SessionNotClosed,
      `${options.symbol} options volume for ${date} is still accumulating: it is ${newYorkTime(deps.now)} ET and the session closes at ${closeTime(date, 'nyse')} (yahoo, ${url}).`,
      { hint: 'Fetch the options snapshot after the close; nothing was stored.' },
    );
  }
  const snapshot: OptionsSnapshot = {
    symbol: options.symbol,
    date,
    ...totals,
    fetchedAt: deps.now.toISOString(),
  };
  return { snapshot, problems, requests, url };
}

/** One row per session: a later snapshot of the same session replaces the earlier one. */
export function storeOptionsSnapshot(store: MarketStore, result: OptionsSnapshotResult): void {
  store.writeOptionsSnapshot(result.snapshot);
}

/** Yahoo stamps an expiry at 00:00 UTC of its calendar date. */
function expiryDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function toDate(value: unknown): Date | undefined {
  if (value instanceof Date) return value;
  return typeof value === 'number' ? new Date(value * 1000) : undefined;
}
