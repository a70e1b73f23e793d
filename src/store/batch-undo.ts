/**
 * Undoing a batch: its rows go, and the rows it overwrote or superseded come back as they were
 * (kept in `replaced_bars` when it was written). A batch whose rows a later batch has replaced in
 * turn is refused until that later batch is undone, so undos always walk back in order and
 * never resurrect a value something newer depends on. Runs inside the caller's transaction.
 */
import type { DatabaseSync } from 'node:sqlite';
import { Errors, WirecopyError } from '../errors.ts';
import type { SymbolKey } from '../types.ts';
import { relistSources } from './batch-rows.ts';

export interface UndoResult {
  batchId: number;
  kind: string;
  source: string;
  origin: string;
  /** Rows the batch had written, now deleted. */
  removed: number;
  /** Rows it had replaced or superseded, now back. */
  restored: number;
}

interface BatchRow {
  id: number;
  kind: string;
  source: string;
  origin: string;
}

export function undoBatchRows(db: DatabaseSync, batchId: number, storePath: string): UndoResult {
  const batch = db.prepare('SELECT id, kind, source, origin FROM batches WHERE id = ?').get(batchId) as
    | BatchRow
    | undefined;
  if (batch === undefined) {
    throw new WirecopyError(Errors.UndoRefused, `The store at ${storePath} has no batch #${batchId}.`, {
      hint: 'wirecopy status lists the recent batches with their ids.',
    });
  }
  const undone = db.prepare('SELECT undone_at AS at FROM undone_batches WHERE batch_id = ?').get(batchId) as
    | { at: string }
    | undefined;
  if (undone !== undefined) {
    throw new WirecopyError(
      Errors.UndoRefused,
      `Batch #${batchId} (${batch.source} from ${batch.origin}) was already undone at ${undone.at}.`,
      { hint: 'Nothing to do; import the file again to bring its rows back.' },
    );
  }
  const later = db
    .prepare(
      `SELECT DISTINCT r.batch_id AS id, b.source FROM replaced_bars r JOIN batches b ON b.id = r.batch_id
       WHERE r.old_batch_id = ? AND r.batch_id <> ? ORDER BY r.batch_id DESC`,
    )
    .all(batchId, batchId) as Array<{ id: number; source: string }>;
  if (later.length > 0) {
    const ids = later.map((b) => `#${b.id} (${b.source})`).join(', ');
    throw new WirecopyError(
      Errors.UndoRefused,
      `Batch #${batchId} (${batch.source}) cannot be undone yet: later batch${later.length === 1 ? '' : 'es'} ${ids} replaced rows it wrote.`,
      {
        hint: `Undo ${later.map((b) => `#${b.id}`).join(', then ')} first (wirecopy import --undo ${later[0]!.id}).`,
      },
    );
  }
  const symbols = (
    db
      .prepare(
        'SELECT symbol FROM bars WHERE batch_id = ? UNION SELECT symbol FROM replaced_bars WHERE batch_id = ?',
      )
      .all(batchId, batchId) as Array<{ symbol: SymbolKey }>
  ).map((r) => r.symbol);
  const removed = Number(db.prepare('DELETE FROM bars WHERE batch_id = ?').run(batchId).changes);
  const restored = Number(
    db
      .prepare(
        `INSERT INTO bars (symbol, date, source, open, high, low, close, volume, dataset, batch_id)
         SELECT symbol, date, source, open, high, low, close, volume, dataset, old_batch_id
         FROM replaced_bars WHERE batch_id = ?`,
      )
      .run(batchId).changes,
  );
  db.prepare('DELETE FROM replaced_bars WHERE batch_id = ?').run(batchId);
  db.prepare('INSERT INTO undone_batches (batch_id, undone_at) VALUES (?, ?)').run(
    batchId,
    new Date().toISOString(),
  );
  for (const symbol of symbols) relistSources(db, symbol);
  return { batchId, kind: batch.kind, source: batch.source, origin: batch.origin, removed, restored };
}
