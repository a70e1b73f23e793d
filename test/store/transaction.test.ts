import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { inTransaction } from '../../src/store/transaction.ts';

function database(): DatabaseSync {
  const db = new DatabaseSync(':memory:');
  db.exec('CREATE TABLE bars (close REAL)');
  return db;
}

const rows = (db: DatabaseSync) => db.prepare('SELECT count(*) AS n FROM bars').get()?.['n'];

describe('inTransaction', () => {
  it('commits all of the work', () => {
    const db = database();
    inTransaction(db, ':memory:', () => {
      db.exec('INSERT INTO bars VALUES (2467.7)');
      db.exec('INSERT INTO bars VALUES (2470.1)');
    });
    expect(rows(db)).toBe(2);
  });

  it('rolls all of it back when the work fails, and rethrows that failure', () => {
    const db = database();
    expect(() =>
      inTransaction(db, ':memory:', () => {
        db.exec('INSERT INTO bars VALUES (2467.7)');
        throw new Error('row 2 is not a number');
      }),
    ).toThrow('row 2 is not a number');
    expect(rows(db)).toBe(0);
    expect(db.isTransaction).toBe(false);
  });

  it('regression: a transaction SQLite already rolled back reports its cause, not "cannot rollback"', () => {
    // What SQLite does by itself on SQLITE_FULL: the transaction is gone when the error arrives.
    const db = database();
    expect(() =>
      inTransaction(db, ':memory:', () => {
        db.exec('INSERT INTO bars VALUES (2467.7)');
        db.exec('ROLLBACK');
        throw new Error('database or disk is full');
      }),
    ).toThrow('database or disk is full');
    expect(rows(db)).toBe(0);
  });
});
