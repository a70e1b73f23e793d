/**
 * The store's schema as an ordered list of migrations. A migration is never edited once
 * released: a change is a new entry. `schema_migrations` records which ones a file has.
 */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'daily bars with provenance, the import/fetch log, fact snapshots',
    sql: `
      CREATE TABLE batches (
        id          INTEGER PRIMARY KEY,
        kind        TEXT NOT NULL CHECK (kind IN ('import', 'fetch', 'demo')),
        source      TEXT NOT NULL,
        origin      TEXT NOT NULL,
        dataset     TEXT NOT NULL CHECK (dataset IN ('demo', 'csv', 'live')),
        started_at  TEXT NOT NULL,
        finished_at TEXT NOT NULL,
        rows        INTEGER NOT NULL,
        note        TEXT
      );
      CREATE TABLE bars (
        symbol   TEXT NOT NULL,
        date     TEXT NOT NULL,
        source   TEXT NOT NULL,
        open     REAL,
        high     REAL,
        low      REAL,
        close    REAL NOT NULL,
        volume   REAL,
        dataset  TEXT NOT NULL,
        batch_id INTEGER NOT NULL REFERENCES batches (id),
        PRIMARY KEY (symbol, date, source)
      ) WITHOUT ROWID;
      CREATE TABLE fact_snapshots (
        id         INTEGER PRIMARY KEY,
        as_of      TEXT NOT NULL,
        slug       TEXT NOT NULL,
        dataset    TEXT NOT NULL,
        created_at TEXT NOT NULL,
        facts_json TEXT NOT NULL
      );
      CREATE INDEX fact_snapshots_by_as_of ON fact_snapshots (as_of, slug);
    `,
  },
  {
    version: 2,
    description:
      'options snapshots: call/put volume and open interest summed over all expiries, one row per session',
    sql: `
      CREATE TABLE options_snapshots (
        symbol      TEXT NOT NULL,
        date        TEXT NOT NULL,
        call_volume INTEGER NOT NULL,
        put_volume  INTEGER NOT NULL,
        call_oi     INTEGER NOT NULL,
        put_oi      INTEGER NOT NULL,
        expiries    INTEGER NOT NULL,
        fetched_at  TEXT NOT NULL,
        PRIMARY KEY (symbol, date)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 3,
    description: 'draft texts: the text the generator wrote for each draft, found by its content hash',
    sql: `
      CREATE TABLE draft_texts (
        id           INTEGER PRIMARY KEY,
        file         TEXT NOT NULL,
        content_hash TEXT NOT NULL UNIQUE,
        text         TEXT NOT NULL,
        created_at   TEXT NOT NULL
      );
      CREATE INDEX draft_texts_by_file ON draft_texts (file, id);
    `,
  },
  {
    version: 4,
    description: 'series_sources: which sources hold each symbol, kept by every batch, for fast lookups',
    sql: `
      CREATE TABLE series_sources (
        symbol     TEXT NOT NULL,
        source     TEXT NOT NULL,
        dataset    TEXT NOT NULL,
        last_batch INTEGER NOT NULL,
        PRIMARY KEY (symbol, source, dataset)
      ) WITHOUT ROWID;
      INSERT INTO series_sources (symbol, source, dataset, last_batch)
        SELECT symbol, source, dataset, max(batch_id) FROM bars GROUP BY symbol, source, dataset;
    `,
  },
  {
    version: 5,
    description:
      'undo: the rows each batch replaced or superseded, as they were, and the batches undone since',
    sql: `
      CREATE TABLE replaced_bars (
        batch_id     INTEGER NOT NULL REFERENCES batches (id),
        symbol       TEXT NOT NULL,
        date         TEXT NOT NULL,
        source       TEXT NOT NULL,
        open         REAL,
        high         REAL,
        low          REAL,
        close        REAL NOT NULL,
        volume       REAL,
        dataset      TEXT NOT NULL,
        old_batch_id INTEGER NOT NULL,
        PRIMARY KEY (batch_id, symbol, date, source)
      ) WITHOUT ROWID;
      CREATE INDEX replaced_bars_by_old_batch ON replaced_bars (old_batch_id);
      CREATE INDEX bars_by_batch ON bars (batch_id);
      CREATE TABLE undone_batches (
        batch_id  INTEGER PRIMARY KEY REFERENCES batches (id),
        undone_at TEXT NOT NULL
      );
    `,
  },
];

export const SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;
