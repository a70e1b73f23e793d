/**
 * The fetch faults' shared set-up: the recorded provider server on 127.0.0.1, a workspace whose
 * store already holds the week before the recorded one, and the store's bytes to compare.
 */
import { readFileSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { sessionsBetween } from '../../src/calendar/nyse.ts';
import { fixture, type Recorded, type RecordedServer } from '../fetchers/recorded-server.ts';
import { readStore, type TestWorkspace, testWorkspace, walkTo, writeStore } from '../verify/support.ts';

/** The fixtures hold three fed funds months from November 2025; the default plans twelve. */
export const FEW_FUTURES = { futureMonths: 3 };

export const providerEnv = (server: RecordedServer) => ({
  WIRECOPY_YAHOO_URL: server.url,
  WIRECOPY_FRED_URL: server.url,
});

/**
 * A workspace pointed at `server`, its store holding every Yahoo series and DGS2 through
 * 2025-11-07 (synthetic closes that meet the recorded week), as after an earlier daily run.
 */
export function warmWorkspace(server: RecordedServer, fetchConfig: object = {}): TestWorkspace {
  const ws = testWorkspace({ fetch: { ...FEW_FUTURES, ...fetchConfig } }, { env: providerEnv(server) });
  const dates = sessionsBetween('2024-11-01', '2025-11-07');
  const tickers = { RUT: 'RUT', SPX: 'GSPC', NDX: 'NDX', RUJ: 'RUJ', RUO: 'RUO', IWM: 'IWM' };
  const series = Object.entries(tickers).map(([symbol, file]) => {
    const recorded = fixture(`yahoo-chart-${file}.json`).response.bodyJson as {
      chart: { result: Array<{ indicators: { quote: Array<{ close: number[] }> } }> };
    };
    return { symbol, bars: walkTo(dates, recorded.chart.result[0]!.indicators.quote[0]!.close[0]!) };
  });
  writeStore(ws.store, [
    { source: 'yahoo', series },
    { source: 'fred', series: [{ symbol: 'DGS2', bars: walkTo(dates, 3.55, null) }] },
  ]);
  return ws;
}

/** The store file's bytes and its logical content: both must survive a failed fetch. */
export function storeSnapshot(ws: TestWorkspace): { bytes: Buffer; dump: string } {
  const dump = readStore(ws.store, (s) => s.dump());
  return { bytes: readFileSync(ws.store), dump };
}

/** One series' stored bars, for "this one is unchanged while the others landed". */
export function storedBars(ws: TestWorkspace, symbol: string, source: string): string {
  return readStore(ws.store, (s) => JSON.stringify(s.loadBars(symbol, source)));
}

/** One bar of a recorded Yahoo chart: its timestamp (epoch seconds, the session open) and prices. */
export interface ChartBar {
  t: number;
  open: number | null;
  high: number | null;
  low: number | null;
  close: number | null;
  volume: number | null;
}

interface ChartBody {
  chart: {
    result: Array<{
      timestamp: number[];
      indicators: {
        quote: Array<Record<'open' | 'high' | 'low' | 'close' | 'volume', Array<number | null>>>;
        adjclose?: Array<{ adjclose: Array<number | null> }>;
      };
    }>;
  };
}

/** A recorded chart answer (`yahoo-chart-RUT.json`) with its bars edited, e.g. a duplicated session. */
export function editedChart(file: string, edit: (bars: ChartBar[]) => ChartBar[]): Recorded {
  const response = structuredClone(fixture(file).response) as Recorded & { bodyJson: ChartBody };
  const result = response.bodyJson.chart.result[0]!;
  const quote = result.indicators.quote[0]!;
  const bars = edit(
    result.timestamp.map((t, i) => ({
      t,
      open: quote.open[i] ?? null,
      high: quote.high[i] ?? null,
      low: quote.low[i] ?? null,
      close: quote.close[i] ?? null,
      volume: quote.volume[i] ?? null,
    })),
  );
  result.timestamp = bars.map((b) => b.t);
  for (const field of ['open', 'high', 'low', 'close', 'volume'] as const)
    quote[field] = bars.map((b) => b[field]);
  if (result.indicators.adjclose) result.indicators.adjclose = [{ adjclose: bars.map((b) => b.close) }];
  return response;
}

/** A recorded fredgraph.csv answer with more lines after its own. */
export function extendedFredCsv(file: string, lines: string[]): Recorded {
  const response = structuredClone(fixture(file).response);
  response.bodyText = `${response.bodyText ?? ''}${lines.map((l) => `${l}\n`).join('')}`;
  return response;
}

/** A day's seconds: a bar stamped one session later than `t` on a weekday. */
export const DAY = 86_400;

/** The market data in the store (batches, bars, options snapshots): what a fetch may change; drafting adds its own rows. */
export function marketData(ws: TestWorkspace): string {
  const db = new DatabaseSync(ws.store, { readOnly: true });
  try {
    return ['batches', 'bars', 'options_snapshots', 'series_sources']
      .map((table) => {
        const rows = db.prepare(`SELECT * FROM "${table}" ORDER BY 1, 2`).all();
        return `${table}\n${rows.map((r) => JSON.stringify(r)).join('\n')}`;
      })
      .join('\n\n');
  } finally {
    db.close();
  }
}
