/**
 * FRED rates (DGS2, DGS10, DFF, DFEDTARL, DFEDTARU): the no-key `fredgraph.csv`, or the JSON API
 * when a key is configured (`FRED_API_KEY`). Rates are not NYSE-session data: every observation
 * date is kept. FRED writes `.` for a day without an observation (a holiday); those are skipped
 * and counted in one warning.
 */
import { z } from 'zod';
import type { InputProblem, SymbolKey } from '../types.ts';
import { PayloadInvalidError } from './fetch-errors.ts';
import { csvPayload, csvSeriesRows, jsonBody, requireOk } from './payload-checks.ts';
import type { FetchDeps, SeriesOptions, SeriesSource, SourceModule } from './pipeline.ts';
import { PROVIDER_ORIGINS, providerUrl } from './provider-url.ts';
import { datesInOrder, isoDate, seriesRequestShape } from './request-schema.ts';

export interface FredOptions extends SeriesOptions {
  seriesId: string;
}

const FRED_GRAPH = PROVIDER_ORIGINS.fredGraph;
const FRED_API = PROVIDER_ORIGINS.fredApi;

const fredRequest = z.object(seriesRequestShape).refine(...datesInOrder);

const fredOptions: SourceModule<FredOptions, unknown, unknown>['options'] = ({ registry }) =>
  fredRequest.transform((request, ctx) => {
    const spec = registry.resolve(request.symbol);
    if (spec?.fred === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['symbol'],
        message: `${request.symbol} is not a FRED series (configure its fred id)`,
      });
      return z.NEVER;
    }
    return {
      symbol: spec.key,
      seriesId: spec.fred,
      from: request.from,
      to: request.to,
      clock: 'observations' as const,
    };
  });

const seriesHint = (id: string) =>
  `Check the FRED series id ${id} at https://fred.stlouisfed.org/series/${id}.`;

export const fredCsv: SeriesSource<FredOptions, string> = {
  provider: 'fred',
  options: fredOptions,
  async request(options, { http, deps }) {
    const url = providerUrl(deps.baseUrls?.fredGraph ?? FRED_GRAPH, '/graph/fredgraph.csv', {
      id: options.seriesId,
      cosd: options.from,
      coed: options.to,
    });
    const answer = await http.get(url, { headers: { accept: 'text/csv' } });
    requireOk(answer, http.place(url), seriesHint(options.seriesId));
    return { url: answer.url, payload: answer.body };
  },
  // Current files say `observation_date`; older ones `DATE`.
  payload: csvPayload(/^"?(observation_date|date)"?,"?[A-Za-z0-9_]+"?$/i, 'FRED fredgraph.csv'),
  transform(text, options, { url, registry }) {
    const place = { provider: 'fred', symbol: options.symbol, url };
    const { rows, problems, blankRows, column } = csvSeriesRows(text, {
      place,
      registry,
      symbol: options.symbol,
    });
    // The parser names a one-column file after the symbol asked for, whatever its header says.
    if (column.toUpperCase() !== options.seriesId.toUpperCase()) {
      throw new PayloadInvalidError(place, `The CSV holds ${column}, not ${options.seriesId}`, {
        payload: text,
      });
    }
    if (blankRows > 0) problems.push(noObservations(options.symbol, url, blankRows, blankRows + rows.length));
    return { rows, problems };
  },
};

/** `"3.56"`, or FRED's `"."` for no observation (null). Anything else is a format change. */
const observationValue = z
  .string()
  .regex(/^(\.|-?\d+(\.\d+)?)$/, { message: 'is neither a number nor "."' })
  .transform((value) => (value === '.' ? null : Number(value)));

const fredJsonPayload = z.object({
  observations: z.array(z.object({ date: isoDate, value: observationValue })),
});

export const fredApi: SeriesSource<FredOptions, z.infer<typeof fredJsonPayload>> = {
  provider: 'fred',
  options: fredOptions,
  async request(options, { http, deps }) {
    const url = providerUrl(deps.baseUrls?.fredApi ?? FRED_API, '/fred/series/observations', {
      series_id: options.seriesId,
      api_key: deps.keys?.fred,
      file_type: 'json',
      observation_start: options.from,
      observation_end: options.to,
    });
    const answer = await http.get(url, { headers: { accept: 'application/json' } });
    const place = http.place(url);
    if (answer.status !== 200) {
      const hint =
        answer.status === 400
          ? `${seriesHint(options.seriesId)} An api_key error means FRED_API_KEY is wrong: fix or unset it.`
          : seriesHint(options.seriesId);
      requireOk(answer, place, hint, fredErrorMessage(answer.body));
    }
    return { url: answer.url, payload: jsonBody(answer, place) };
  },
  payload: fredJsonPayload,
  transform(payload, options, { url }) {
    const rows = [];
    let blank = 0;
    for (const { date, value } of payload.observations) {
      if (value === null) blank++;
      else rows.push({ date, open: null, high: null, low: null, close: value, volume: null });
    }
    const problems =
      blank > 0 ? [noObservations(options.symbol, url, blank, payload.observations.length)] : [];
    return { rows, problems };
  },
};

/** The JSON API with a key, else the keyless CSV. */
export function fredSource(deps: FetchDeps): SeriesSource<FredOptions, unknown> {
  return (deps.keys?.fred ? fredApi : fredCsv) as SeriesSource<FredOptions, unknown>;
}

function noObservations(symbol: SymbolKey, url: string, blank: number, total: number): InputProblem {
  return {
    severity: 'warning',
    code: 'fetch/no-observation',
    message: `${blank} of ${total} ${symbol} dates have no value ("." in FRED, a day without an observation such as a holiday); they were skipped.`,
    hint: 'Nothing to do: FRED marks days without an observation this way.',
    file: url,
    symbol,
  };
}

/** FRED's error body: `{ "error_code": 400, "error_message": "Bad Request. ..." }`. */
function fredErrorMessage(body: string): string | undefined {
  try {
    const message = (JSON.parse(body) as { error_message?: unknown }).error_message;
    return typeof message === 'string' ? message : undefined;
  } catch {
    return undefined;
  }
}
