/**
 * Stooq daily bars, a secondary source used only when configured with an API key (required
 * since 2026). Stooq answers every refusal with HTTP 200: `No data`, `Exceeded the daily hits
 * limit`, or an HTML page; those are errors, never data.
 */
import { z } from 'zod';
import type { SymbolKey } from '../types.ts';
import { bodyStart, providerRefused } from './fetch-errors.ts';
import { csvPayload, csvSeriesRows, requireOk } from './payload-checks.ts';
import type { SeriesOptions, SeriesSource } from './pipeline.ts';
import { PROVIDER_ORIGINS, providerUrl } from './provider-url.ts';
import { clockOf, datesInOrder, seriesRequestShape } from './request-schema.ts';

export interface StooqOptions extends SeriesOptions {
  ticker: string;
}

const STOOQ = PROVIDER_ORIGINS.stooq;

/** Stooq's tickers for the configured series it carries. */
export const STOOQ_TICKERS: Readonly<Record<SymbolKey, string>> = {
  RUT: '^rut',
  SPX: '^spx',
  NDX: '^ndx',
  IXIC: '^ndq',
  IWM: 'iwm.us',
  IWN: 'iwn.us',
};

const stooqRequest = z
  .object({ ...seriesRequestShape, ticker: z.string().trim().min(1).optional() })
  .refine(...datesInOrder);

/** `2025-11-14` → `20251114`, Stooq's d1/d2 format. */
const compact = (date: string | undefined) => date?.replaceAll('-', '');

export const stooq: SeriesSource<StooqOptions, string> = {
  provider: 'stooq',
  options: ({ deps, registry }) =>
    stooqRequest.transform((request, ctx) => {
      if (!deps.keys?.stooq) {
        ctx.addIssue({
          code: 'custom',
          message: 'Stooq needs an API key (configure stooq.apikey) and is used only with one',
        });
        return z.NEVER;
      }
      const spec = registry.resolve(request.symbol);
      const key = spec?.key ?? request.symbol;
      const ticker = request.ticker ?? STOOQ_TICKERS[key];
      if (ticker === undefined || spec === undefined) {
        ctx.addIssue({ code: 'custom', path: ['symbol'], message: `${request.symbol} has no Stooq ticker` });
        return z.NEVER;
      }
      return { symbol: key, ticker, from: request.from, to: request.to, clock: clockOf(spec.kind) };
    }),

  async request(options, { http, deps }) {
    const url = providerUrl(deps.baseUrls?.stooq ?? STOOQ, '/q/d/l/', {
      s: options.ticker,
      i: 'd',
      d1: compact(options.from),
      d2: compact(options.to),
      apikey: deps.keys?.stooq,
    });
    const answer = await http.get(url, { headers: { accept: 'text/csv' } });
    const place = http.place(url);
    requireOk(answer, place, 'Check the Stooq API key and the ticker.');
    const body = answer.body.trim();
    if (/^Exceeded the daily hits limit/i.test(body)) {
      throw providerRefused(
        place,
        'Stooq refused: "Exceeded the daily hits limit"',
        'Stooq counts requests per key and day: fetch again tomorrow, or use Yahoo.',
      );
    }
    if (/^No data/i.test(body)) {
      throw providerRefused(
        place,
        `Stooq has no data for ${options.ticker}: ${bodyStart(body)}`,
        'Check the ticker and the date range; Stooq answers "No data" for both.',
      );
    }
    return { url: answer.url, payload: answer.body };
  },

  payload: csvPayload(/^Date,Open,High,Low,Close(,Volume)?$/i, 'Stooq daily CSV'),

  transform(text, options, { url, registry }) {
    const place = { provider: 'stooq', symbol: options.symbol, url };
    const { rows, problems } = csvSeriesRows(text, { place, registry, symbol: options.symbol });
    return { rows, problems };
  },
};
