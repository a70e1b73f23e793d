/**
 * Writing a batch's bars so that the batch can be undone: before a row is overwritten or
 * superseded, the row as it was goes to `replaced_bars` under the batch's id. A row whose values
 * are already stored is left alone (it keeps the batch that wrote it), so undoing a batch that
 * repeated known data touches nothing. Runs inside the caller's transaction.
 */
import type { DatabaseSync } from 'node:sqlite';
import { faultPoint } from '../io/fault-point.ts';
import type { DailyBar, Dataset, SymbolKey } from '../types.ts';

export interface BatchRows {
  source: string;
  dataset: Dataset;
  series: ReadonlyArray<{ symbol: SymbolKey; bars: readonly DailyBar[] }>;
  /**
   * Sources whose rows on this batch's sessions give way to it: an updated export of a file
   * takes over the sessions of the earlier imports of that file instead of stacking a copy.
   */
  supersedes?: readonly string[];
}

/** What a batch did to the rows it touched. */
export interface RowCounts {
  added: number;
  replaced: number;
  unchanged: number;
  superseded: number;
}

type StoredRow = Omit<DailyBar, 'date'> & { dataset: string };

const sameRow = (row: StoredRow, bar: DailyBar, dataset: Dataset): boolean =>
  row.close === bar.close &&
  row.open === bar.open &&
  row.high === bar.high &&
  row.low === bar.low &&
  row.volume === bar.volume &&
  row.dataset === dataset;

export function writeBatchRows(db: DatabaseSync, batchId: number, batch: BatchRows): RowCounts {
  const counts: RowCounts = { added: 0, replaced: 0, unchanged: 0, superseded: 0 };
  const stored = db.prepare(
    'SELECT open, high, low, close, volume, dataset FROM bars WHERE symbol = ? AND date = ? AND source = ?',
  );
  const keepOld = db.prepare(
    `INSERT INTO replaced_bars (batch_id, symbol, date, source, open, high, low, close, volume, dataset, old_batch_id)
     SELECT ?, symbol, date, source, open, high, low, close, volume, dataset, batch_id
     FROM bars WHERE symbol = ? AND date = ? AND source = ?`,
  );
  const remove = db.prepare('DELETE FROM bars WHERE symbol = ? AND date = ? AND source = ?');
  const upsert = db.prepare(`
    INSERT INTO bars (symbol, date, source, open, high, low, close, volume, dataset, batch_id)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (symbol, date, source) DO UPDATE SET
      open = excluded.open, high = excluded.high, low = excluded.low, close = excluded.close,
      volume = excluded.volume, dataset = excluded.dataset, batch_id = excluded.batch_id`);
  const superseded = (batch.supersedes ?? []).filter((s) => s !== batch.source);
  const halfway = Math.floor(batch.series.reduce((n, s) => n + s.bars.length, 0) / 2);
  let written = 0;
  const anyRow = db.prepare('SELECT 1 FROM bars WHERE symbol = ? AND source = ? LIMIT 1');
  for (const { symbol, bars } of batch.series) {
    // A new source (every new file is one) has nothing to compare with: skip the lookups.
    const fresh = anyRow.get(symbol, batch.source) === undefined;
    for (const bar of bars) {
      if (written++ === halfway) faultPoint('store:mid-batch');
      for (const source of superseded) {
        if (Number(keepOld.run(batchId, symbol, bar.date, source).changes) > 0) {
          remove.run(symbol, bar.date, source);
          counts.superseded++;
        }
      }
      const old = fresh ? undefined : (stored.get(symbol, bar.date, batch.source) as StoredRow | undefined);
      if (old !== undefined && sameRow(old, bar, batch.dataset)) {
        counts.unchanged++;
        continue;
      }
      if (old !== undefined) {
        keepOld.run(batchId, symbol, bar.date, batch.source);
        counts.replaced++;
      } else {
        counts.added++;
      }
      upsert.run(
        symbol,
        bar.date,
        batch.source,
        bar.open,
        bar.high,
        bar.low,
        bar.close,
        bar.volume,
        batch.dataset,
        batchId,
      );
    }
    relistSources(db, symbol);
  }
  return counts;
}

/**
 * `series_sources` for a symbol, from the rows it has now: each source with the latest batch
 * that wrote one of its rows. Recomputed after every write and undo, so undoing a batch gives
 * back exactly the list (and the ranking) from before it.
 */
export function relistSources(db: DatabaseSync, symbol: SymbolKey): void {
  db.prepare('DELETE FROM series_sources WHERE symbol = ?').run(symbol);
  db.prepare(
    `INSERT INTO series_sources (symbol, source, dataset, last_batch)
     SELECT symbol, source, dataset, max(batch_id) FROM bars WHERE symbol = ? GROUP BY symbol, source, dataset`,
  ).run(symbol);
}
