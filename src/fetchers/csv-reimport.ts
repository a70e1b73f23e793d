/**
 * What importing a file would do to what the store already holds from files of the same name.
 *
 * A file's rows are stored under a source naming its content (`csv:RUT.csv@<sha256 prefix>`), so
 * another file that only shares the name can never rewrite them in place. Files of the same name
 * for the same series are one lineage: an updated export takes over the sessions of the earlier
 * imports (instead of stacking a second copy that would "confirm" it in `verify`), adds the new
 * sessions, and, when it disagrees with a stored close, needs the user's `--replace`.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { MarketStore } from '../store/market-store.ts';
import type { DailyBar, IsoDate, SymbolKey } from '../types.ts';

/** A stored close the import would change. */
export interface CloseChange {
  symbol: SymbolKey;
  date: IsoDate;
  before: number;
  after: number;
  /** The batch that wrote the stored close. */
  batchId: number;
}

export interface SeriesPlan {
  symbol: SymbolKey;
  bars: readonly DailyBar[];
  /** This very content is already stored for the series: nothing to write. */
  stored: boolean;
  /** Earlier sources of the lineage holding this series. */
  lineage: string[];
  newSessions: number;
  changes: CloseChange[];
}

/**
 * Closes that agree to float32 precision are the same close: exports of one history differ in
 * the artefacts of the vendor's float (2029.469970703125 for 2029.47), never by a real move.
 */
const SAME_CLOSE = 1e-6;

/** The key a file's rows are stored under: its name, for people, and its content, for identity. */
export function csvSourceKey(file: string, content: Uint8Array): string {
  const digest = createHash('sha256').update(content).digest('hex').slice(0, 12);
  return `csv:${basename(file)}@${digest}`;
}

/** Sources of earlier imports of a file with this name: by content, or the old name-only key. */
function isSameName(source: string, name: string): boolean {
  return source === `csv:${name}` || source.startsWith(`csv:${name}@`);
}

export function planImport(
  store: MarketStore,
  source: string,
  file: string,
  series: ReadonlyArray<{ symbol: SymbolKey; bars: readonly DailyBar[] }>,
): SeriesPlan[] {
  const name = basename(file);
  return series.map(({ symbol, bars }) => {
    const held = store.countRows(symbol, source);
    const lineage = store
      .sourcesOf(symbol)
      .filter((s) => s.dataset === 'csv' && s.source !== source && isSameName(s.source, name))
      .map((s) => s.source);
    // Identical content gives identical rows: all of them under this source means nothing to do.
    // (Earlier files of the name may still hold sessions this one lacks; they stay as they are.)
    const stored = held === bars.length;
    const closes = store.storedCloses(symbol, [source, ...lineage]);
    const changes: CloseChange[] = [];
    let newSessions = 0;
    for (const bar of bars) {
      const old = closes.get(bar.date);
      if (old === undefined) newSessions++;
      else if (Math.abs(bar.close - old.close) > SAME_CLOSE * Math.abs(old.close)) {
        changes.push({ symbol, date: bar.date, before: old.close, after: bar.close, batchId: old.batchId });
      }
    }
    return { symbol, bars, stored, lineage, newSessions, changes };
  });
}

const price = (n: number) => n.toFixed(2);
const signed = (n: number, digits: number) => `${n >= 0 ? '+' : '−'}${Math.abs(n).toFixed(digits)}`;

/** `RUT 2025-09-18: 2467.70 → 1000.00 (−1467.70, −59.48%), stored by batch #1`. */
export function formatChange(change: CloseChange): string {
  const points = change.after - change.before;
  const percent = (points / change.before) * 100;
  return `${change.symbol} ${change.date}: ${price(change.before)} → ${price(change.after)} (${signed(points, 2)}, ${signed(percent, 2)}%), stored by batch #${change.batchId}`;
}
