/** The shared real market data (../shared/data/market/, see its README), read minimally for the stats tests. */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Series } from '../../src/types.ts';

export const MARKET = fileURLToPath(new URL('../../../shared/data/market/', import.meta.url));
export const HAVE_MARKET = existsSync(`${MARKET}RUT.csv`) && existsSync(`${MARKET}GSPC.csv`);

/** Date and Close by header name (column orders differ between files); nothing else. */
export function loadCloses(file: string, symbol: string): Series {
  const [header, ...rows] = readFileSync(`${MARKET}${file}`, 'utf8').trim().split(/\r?\n/);
  const columns = header!.split(',').map((name) => name.trim().toLowerCase());
  const date = columns.indexOf('date');
  const close = columns.indexOf('close');
  const series: Series = { symbol, dates: [], closes: [] };
  for (const row of rows) {
    const fields = row.split(',');
    series.dates.push(fields[date]!);
    series.closes.push(Number(fields[close]));
  }
  return series;
}
