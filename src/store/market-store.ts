/**
 * The market store: the only code that reads or writes the database. Every write is one
 * transaction, so a batch that fails leaves the file exactly as it was.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { DailyBar, Dataset, IsoDate, Series, SymbolKey } from '../types.ts';
import { type RowCounts, writeBatchRows } from './batch-rows.ts';
import { type UndoResult, undoBatchRows } from './batch-undo.ts';
import { DEFAULT_BUSY_TIMEOUT_MS, type OpenOptions, openDatabase } from './open.ts';
import { rankSources, type SourceInfo } from './source-rank.ts';
import { isSqliteBusy, storeBusyError, whenNotBusy } from './store-busy.ts';
import { inTransaction } from './transaction.ts';

export interface BatchInput {
  kind: 'import' | 'fetch' | 'demo';
  /** `demo`, `yahoo`, `fred`, `csv:RUT.csv@<content hash>`: the key bars are stored under. */
  source: string;
  /** Where it came from: a file path, a URL, a seed. */
  origin: string;
  dataset: Dataset;
  series: ReadonlyArray<{ symbol: SymbolKey; bars: readonly DailyBar[] }>;
  note?: string;
  startedAt?: Date;
  /** Sources whose rows on this batch's sessions it takes over (see `writeBatchRows`). */
  supersedes?: readonly string[];
}

export interface BatchRecord {
  id: number;
  kind: string;
  source: string;
  origin: string;
  dataset: Dataset;
  startedAt: string;
  finishedAt: string;
  rows: number;
  note: string | null;
  /** When `wirecopy import --undo` reverted it; null while its rows stand. */
  undoneAt: string | null;
}

export interface SeriesSummary {
  symbol: SymbolKey;
  source: string;
  dataset: Dataset;
  first: IsoDate;
  last: IsoDate;
  rows: number;
  lastBatchAt: string;
}

/** A stored close and where it came from. */
export interface StoredClose {
  date: IsoDate;
  close: number;
  source: string;
  batchId: number;
}

/** One session's options activity for a symbol, summed over every expiry. */
export interface OptionsSnapshot {
  symbol: SymbolKey;
  /** The session the volumes belong to. */
  date: IsoDate;
  callVolume: number;
  putVolume: number;
  callOpenInterest: number;
  putOpenInterest: number;
  /** Expiries summed over. */
  expiries: number;
  fetchedAt: string;
}

/** A loaded series plus the datasets its closes came from. */
export interface StoredSeries extends Series {
  sources: string[];
  datasets: Dataset[];
}

export class MarketStore {
  readonly path: string;
  private readonly db: DatabaseSync;

  /** What SQLite waits for another connection's lock (see store-busy.ts). */
  private readonly busyTimeoutMs: number;

  private constructor(path: string, db: DatabaseSync, busyTimeoutMs: number) {
    this.path = path;
    this.db = db;
    this.busyTimeoutMs = busyTimeoutMs;
  }

  static open(path: string, options: OpenOptions = {}): MarketStore {
    return new MarketStore(
      path,
      openDatabase(path, options),
      options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS,
    );
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
  }

  /** Writes one batch (a file, a provider response, the demo set) atomically; returns its id. */
  writeBatch(batch: BatchInput): number {
    return this.writeBatchCounted(batch).id;
  }

  /** `writeBatch`, saying how many rows were added, replaced, left unchanged and superseded. */
  writeBatchCounted(batch: BatchInput): { id: number; counts: RowCounts } {
    const startedAt = (batch.startedAt ?? new Date()).toISOString();
    const rows = batch.series.reduce((n, s) => n + s.bars.length, 0);
    return this.transaction(() => {
      const result = this.db
        .prepare(
          `INSERT INTO batches (kind, source, origin, dataset, started_at, finished_at, rows, note)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          batch.kind,
          batch.source,
          batch.origin,
          batch.dataset,
          startedAt,
          new Date().toISOString(),
          rows,
          batch.note ?? null,
        );
      const id = Number(result.lastInsertRowid);
      return { id, counts: writeBatchRows(this.db, id, batch) };
    });
  }

  /**
   * Reverts one batch: deletes its rows and puts back the rows it replaced or superseded, in one
   * transaction. Refused (with the batch to undo first) when a later batch replaced its rows.
   */
  undoBatch(batchId: number): UndoResult {
    return this.transaction(() => undoBatchRows(this.db, batchId, this.path));
  }

  /** Runs `work` in one transaction: all of it lands, or none of it. */
  transaction<T>(work: () => T): T {
    const begin = () => whenNotBusy(this.path, this.busyTimeoutMs, () => this.db.exec('BEGIN IMMEDIATE'));
    try {
      return inTransaction(this.db, this.path, work, begin);
    } catch (error) {
      if (isSqliteBusy(error)) throw storeBusyError(this.path, error, this.busyTimeoutMs);
      throw error;
    }
  }

  /** The sources that hold a symbol, best first (see `rankSources`). */
  sourcesOf(symbol: SymbolKey): SourceInfo[] {
    const rows = this.db
      .prepare('SELECT source, dataset, last_batch AS lastBatch FROM series_sources WHERE symbol = ?')
      .all(symbol) as Array<{ source: string; dataset: Dataset; lastBatch: number }>;
    return rankSources(rows);
  }

  /**
   * The close series of a symbol: for each date the close of the best-ranked source that has
   * it. Demo closes are used only for a symbol with no real data at all, so demo and real
   * history never mix within one series.
   *
   * `from`: only the closes from the last one before `from` on, so that the close on or before
   * any date from `from` on is the one the whole series gives (for facts that look back a few
   * weeks, not to 1962).
   */
  loadSeries(symbol: SymbolKey, through?: IsoDate, from?: IsoDate): StoredSeries | undefined {
    const ranked = this.sourcesOf(symbol);
    if (ranked.length === 0) return undefined;
    const usable = ranked.some((s) => s.dataset !== 'demo')
      ? ranked.filter((s) => s.dataset !== 'demo')
      : ranked;
    const series =
      usable.length === 1
        ? this.loadOneSource(symbol, usable[0]!, through, from)
        : this.loadRanked(symbol, usable, through, from);
    return series.dates.length > 0 ? series : undefined;
  }

  /** The common case, one source: no per-date ranking, and rows read as arrays. */
  private loadOneSource(
    symbol: SymbolKey,
    source: SourceInfo,
    through: IsoDate | undefined,
    from: IsoDate | undefined,
  ): StoredSeries {
    const statement = this.db.prepare(
      `SELECT date, close FROM bars WHERE symbol = ? AND source = ? AND date <= ? AND date >= coalesce(
         (SELECT max(date) FROM bars WHERE symbol = ? AND source = ? AND date < ?), '') ORDER BY date`,
    );
    statement.setReturnArrays(true);
    const rows = statement.all(
      symbol,
      source.source,
      through ?? '9999-12-31',
      symbol,
      source.source,
      from ?? '',
    ) as unknown as Array<[IsoDate, number]>;
    const dates = new Array<IsoDate>(rows.length);
    const closes = new Array<number>(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      dates[i] = row[0];
      closes[i] = row[1];
    }
    return {
      symbol,
      dates,
      closes,
      sources: new Array<string>(rows.length).fill(source.source),
      datasets: new Array<Dataset>(rows.length).fill(source.dataset),
    };
  }

  private loadRanked(
    symbol: SymbolKey,
    usable: readonly SourceInfo[],
    through: IsoDate | undefined,
    from: IsoDate | undefined,
  ): StoredSeries {
    const rankOf = new Map(usable.map((s, i) => [s.source, i]));
    const sources = usable.map(() => '?').join(', ');
    const statement = this.db.prepare(
      `SELECT date, close, source, dataset FROM bars WHERE symbol = ? AND date <= ? AND date >= coalesce(
         (SELECT max(date) FROM bars WHERE symbol = ? AND source IN (${sources}) AND date < ?), '')
       ORDER BY date`,
    );
    statement.setReturnArrays(true);
    const rows = statement.all(
      symbol,
      through ?? '9999-12-31',
      symbol,
      ...usable.map((s) => s.source),
      from ?? '',
    ) as unknown as Array<[IsoDate, number, string, Dataset]>;
    const series: StoredSeries = { symbol, dates: [], closes: [], sources: [], datasets: [] };
    let bestRank = Number.POSITIVE_INFINITY;
    for (const [date, close, source, dataset] of rows) {
      const rank = rankOf.get(source);
      if (rank === undefined) continue;
      const last = series.dates.length - 1;
      if (last >= 0 && series.dates[last] === date) {
        if (rank >= bestRank) continue;
        series.closes[last] = close;
        series.sources[last] = source;
        series.datasets[last] = dataset;
      } else {
        series.dates.push(date);
        series.closes.push(close);
        series.sources.push(source);
        series.datasets.push(dataset);
      }
      bestRank = rank;
    }
    return series;
  }

  /** Full bars of one source, for cross-checks and exports. */
  loadBars(symbol: SymbolKey, source: string): DailyBar[] {
    return this.db
      .prepare(
        `SELECT date, open, high, low, close, volume FROM bars WHERE symbol = ? AND source = ? ORDER BY date`,
      )
      .all(symbol, source) as unknown as DailyBar[];
  }

  /**
   * The stored close of each session that any of `sources` holds for a symbol: where several
   * hold one, the best-ranked (see `rankSources`), with the batch that wrote it.
   */
  storedCloses(symbol: SymbolKey, sources: readonly string[]): Map<IsoDate, StoredClose> {
    const rankOf = new Map(
      this.sourcesOf(symbol)
        .filter((s) => sources.includes(s.source))
        .map((s, i) => [s.source, i]),
    );
    const closes = new Map<IsoDate, StoredClose & { rank: number }>();
    const statement = this.db.prepare(
      'SELECT date, close, source, batch_id AS batchId FROM bars WHERE symbol = ? AND source = ?',
    );
    for (const [source, rank] of rankOf) {
      for (const row of statement.all(symbol, source) as unknown as StoredClose[]) {
        const held = closes.get(row.date);
        if (held === undefined || rank < held.rank) closes.set(row.date, { ...row, rank });
      }
    }
    return closes;
  }

  /** How many rows of a symbol one source holds. */
  countRows(symbol: SymbolKey, source: string): number {
    const row = this.db
      .prepare('SELECT count(*) AS n FROM bars WHERE symbol = ? AND source = ?')
      .get(symbol, source) as { n: number };
    return row.n;
  }

  /** One batch of the log, by id. */
  batch(id: number): BatchRecord | undefined {
    return this.db
      .prepare(
        `SELECT id, kind, source, origin, dataset, started_at AS startedAt, finished_at AS finishedAt, rows, note,
                u.undone_at AS undoneAt
         FROM batches LEFT JOIN undone_batches u ON u.batch_id = batches.id WHERE id = ?`,
      )
      .get(id) as unknown as BatchRecord | undefined;
  }

  summary(): SeriesSummary[] {
    return this.db
      .prepare(
        `SELECT b.symbol, b.source, b.dataset, min(b.date) AS first, max(b.date) AS last, count(*) AS rows,
                max(t.finished_at) AS lastBatchAt
         FROM bars b JOIN batches t ON t.id = b.batch_id
         GROUP BY b.symbol, b.source, b.dataset ORDER BY b.symbol, b.source`,
      )
      .all() as unknown as SeriesSummary[];
  }

  batches(limit = 20): BatchRecord[] {
    return this.db
      .prepare(
        `SELECT id, kind, source, origin, dataset, started_at AS startedAt, finished_at AS finishedAt, rows, note,
                u.undone_at AS undoneAt
         FROM batches LEFT JOIN undone_batches u ON u.batch_id = batches.id ORDER BY id DESC LIMIT ?`,
      )
      .all(limit) as unknown as BatchRecord[];
  }

  /** Every symbol with bars, sorted. */
  symbols(): SymbolKey[] {
    return (
      this.db.prepare('SELECT DISTINCT symbol FROM series_sources ORDER BY symbol').all() as Array<{
        symbol: string;
      }>
    ).map((r) => r.symbol);
  }

  isEmpty(): boolean {
    return this.db.prepare('SELECT 1 FROM bars LIMIT 1').get() === undefined;
  }

  /**
   * Keeps the facts a draft was written from, so a later check can tell what changed. The same
   * facts for the same draft are kept once: rerunning an interrupted `draft` adds no copies.
   */
  saveFactSnapshot(snapshot: { asOf: IsoDate; slug: string; dataset: string; facts: unknown }): void {
    const factsJson = JSON.stringify(snapshot.facts);
    this.db
      .prepare(
        `INSERT INTO fact_snapshots (as_of, slug, dataset, created_at, facts_json)
         SELECT ?, ?, ?, ?, ?
         WHERE NOT EXISTS (SELECT 1 FROM fact_snapshots WHERE as_of = ? AND slug = ? AND dataset = ? AND facts_json = ?)`,
      )
      .run(
        snapshot.asOf,
        snapshot.slug,
        snapshot.dataset,
        new Date().toISOString(),
        factsJson,
        snapshot.asOf,
        snapshot.slug,
        snapshot.dataset,
        factsJson,
      );
  }

  /** Stores one session's options snapshot; a later fetch for the same session replaces it. */
  writeOptionsSnapshot(snapshot: OptionsSnapshot): void {
    this.db
      .prepare(
        `INSERT INTO options_snapshots (symbol, date, call_volume, put_volume, call_oi, put_oi, expiries, fetched_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (symbol, date) DO UPDATE SET
           call_volume = excluded.call_volume, put_volume = excluded.put_volume, call_oi = excluded.call_oi,
           put_oi = excluded.put_oi, expiries = excluded.expiries, fetched_at = excluded.fetched_at`,
      )
      .run(
        snapshot.symbol,
        snapshot.date,
        snapshot.callVolume,
        snapshot.putVolume,
        snapshot.callOpenInterest,
        snapshot.putOpenInterest,
        snapshot.expiries,
        snapshot.fetchedAt,
      );
  }

  /** A symbol's options snapshots in date order. */
  loadOptionsSnapshots(symbol: SymbolKey): OptionsSnapshot[] {
    return this.db
      .prepare(
        `SELECT symbol, date, call_volume AS callVolume, put_volume AS putVolume, call_oi AS callOpenInterest,
                put_oi AS putOpenInterest, expiries, fetched_at AS fetchedAt
         FROM options_snapshots WHERE symbol = ? ORDER BY date`,
      )
      .all(symbol) as unknown as OptionsSnapshot[];
  }

  /**
   * Keeps the text the generator wrote for a draft file, so review can show what an editor
   * changed (`wirecopy diff`) and check that the facts are still the generator's. The same
   * text (same content hash) is kept once.
   */
  saveDraftText(draft: { file: string; contentHash: string; text: string }): void {
    this.db
      .prepare('INSERT OR IGNORE INTO draft_texts (file, content_hash, text, created_at) VALUES (?, ?, ?, ?)')
      .run(draft.file, draft.contentHash, draft.text, new Date().toISOString());
  }

  /** The generated text with this content hash; else the latest kept for this file name. */
  draftText(ref: { file: string; contentHash: string | undefined }): string | undefined {
    const byHash = ref.contentHash
      ? (this.db.prepare('SELECT text FROM draft_texts WHERE content_hash = ?').get(ref.contentHash) as
          | { text: string }
          | undefined)
      : undefined;
    const row =
      byHash ??
      (this.db
        .prepare('SELECT text FROM draft_texts WHERE file = ? ORDER BY id DESC LIMIT 1')
        .get(ref.file) as { text: string } | undefined);
    return row?.text;
  }

  /** Every row of every table in a stable order: for tests that prove a failure changed nothing. */
  dump(): string {
    const tables = this.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all() as Array<{ name: string }>;
    return tables
      .map(({ name }) => {
        const rows = this.db.prepare(`SELECT * FROM "${name}" ORDER BY 1, 2`).all();
        return `${name}\n${rows.map((r) => JSON.stringify(r)).join('\n')}`;
      })
      .join('\n\n');
  }
}
