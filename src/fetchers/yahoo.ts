/**
 * Yahoo Finance daily bars (yahoo-finance2 `chart`): indexes (^RUT, ^GSPC, ^NDX, ^RUJ, ^RUO), ETFs
 * (IWM) and fed funds futures (ZQ=F, ZQZ26.CBT). A bar's timestamp is the session's open in UTC
 * (09:30 ET for stocks, midnight ET for futures), so its New York date is its session date.
 */
import { z } from 'zod';
import { addDays, newYorkDate } from '../calendar/dates.ts';
import { PayloadInvalidError } from './fetch-errors.ts';
import type { SeriesOptions, SeriesSource } from './pipeline.ts';
import { clockOf, datesInOrder, isoDate, SYMBOL_KINDS, seriesRequestShape } from './request-schema.ts';
import { createYahooClient } from './yahoo-client.ts';

export interface YahooChartOptions extends SeriesOptions {
  ticker: string;
  from: string;
  /** Today in New York when the request leaves it out. */
  to: string;
}

const chartRequest = z
  .object({
    ...seriesRequestShape,
    from: isoDate,
    /** For series the registry does not know, such as `ZQ=F` (the front fed funds month). */
    ticker: z.string().trim().min(1).optional(),
    kind: z.enum(SYMBOL_KINDS).optional(),
  })
  .refine(...datesInOrder);

const prices = z.array(z.number().nullable());

/** What we read of the chart result (`return: 'object'`); yahoo-finance2's own validation is off. */
const chartPayload = z
  .object({
    meta: z.object({ symbol: z.string(), exchangeTimezoneName: z.string() }),
    /** Absent when the range holds no bars; yahoo-finance2 then empties `quote`. */
    timestamp: z.array(z.number().int()).optional(),
    indicators: z.object({
      quote: z.array(
        z.object({ open: prices, high: prices, low: prices, close: prices, volume: prices.optional() }),
      ),
    }),
  })
  .superRefine((chart, ctx) => {
    const count = chart.timestamp?.length ?? 0;
    const quote = chart.indicators.quote[0];
    if (count > 0 && quote === undefined)
      ctx.addIssue({ code: 'custom', message: `${count} timestamps but no quote` });
    for (const field of ['open', 'high', 'low', 'close', 'volume'] as const) {
      const values = quote?.[field];
      if (values !== undefined && values.length !== count) {
        ctx.addIssue({
          code: 'custom',
          path: ['indicators', 'quote', 0, field],
          message: `${values.length} values for ${count} timestamps`,
        });
      }
    }
  });

type ChartPayload = z.infer<typeof chartPayload>;

export const yahooChart: SeriesSource<YahooChartOptions, ChartPayload> = {
  provider: 'yahoo',
  options: ({ registry, deps }) =>
    chartRequest.transform((request, ctx) => {
      const spec = registry.resolve(request.symbol);
      const ticker = request.ticker ?? spec?.yahoo;
      const kind = request.kind ?? spec?.kind;
      if (ticker === undefined || kind === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['symbol'],
          message: `${request.symbol} has no Yahoo ticker (configure one, or pass ticker and kind)`,
        });
        return z.NEVER;
      }
      const { from, to = newYorkDate(deps.now) } = request;
      if (from > to) {
        ctx.addIssue({
          code: 'custom',
          path: ['from'],
          message: `${from} is after ${to}, today in New York`,
        });
        return z.NEVER;
      }
      return { symbol: spec?.key ?? request.symbol, ticker, from, to, clock: clockOf(kind) };
    }),

  async request(options, { http, deps }) {
    const client = createYahooClient(http, deps.baseUrls?.yahoo);
    // period2 is exclusive: the day after `to` at 00:00 UTC is still the evening of `to` in New York.
    const period2 = addDays(options.to, 1);
    const payload = await client.call('chart', (yf) =>
      yf.chart(
        options.ticker,
        { period1: options.from, period2, interval: '1d', return: 'object' },
        { validateResult: false },
      ),
    );
    return { url: client.lastUrl(), payload };
  },

  payload: chartPayload,

  transform(chart, options, fetched) {
    if (chart.meta.symbol.toUpperCase() !== options.ticker.toUpperCase()) {
      const place = { provider: 'yahoo', symbol: options.symbol, url: fetched.url };
      throw new PayloadInvalidError(place, `Yahoo answered for ${chart.meta.symbol}, not ${options.ticker}`, {
        payload: chart,
      });
    }
    const quote = chart.indicators.quote[0];
    const rows = (chart.timestamp ?? []).map((seconds, i) => ({
      date: newYorkDate(new Date(seconds * 1000)),
      open: quote?.open[i] ?? null,
      high: quote?.high[i] ?? null,
      low: quote?.low[i] ?? null,
      close: quote?.close[i] ?? null,
      volume: quote?.volume?.[i] ?? null,
    }));
    return { rows, problems: [] };
  },
};
