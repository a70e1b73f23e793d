/**
 * Every broken file in the CSV corpus, imported through the CLI into a store that already holds
 * data: each is rejected with its problem named at file:line, exits 2, and leaves the store
 * byte-for-byte as it was. The expected codes and lines are worked out in test/csv/broken-files.test.ts.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MarketStore } from '../../src/store/market-store.ts';
import { workspace } from '../support/cli.ts';

const CORPUS = fileURLToPath(new URL('../fixtures/csv/', import.meta.url));

const dumpOf = (path: string) => {
  const store = MarketStore.open(path);
  try {
    return store.dump();
  } finally {
    store.close();
  }
};

describe('wirecopy import of broken files', () => {
  it.each([
    // [fixture, message expected on stdout]
    ['empty.csv', 'csv/empty'],
    ['header-only.csv', 'csv/empty'],
    ['no-header.csv', 'csv/no-date-column'],
    ['wrong-header.csv', 'csv/no-date-column'],
    ['bad-dates.csv', 'csv/bad-date'],
    ['text-in-number.csv', 'csv/bad-number'],
    ['duplicate-different.csv', 'csv/duplicate-date'],
    ['negative-price.csv', 'csv/non-positive-price'],
    ['ohlc-order.csv', 'csv/ohlc-order'],
    ['ragged.csv', 'csv/ragged-row'],
    ['unclosed-quote.csv', 'csv/unclosed-quote'],
    ['missing-close.csv', 'csv/missing-close'],
    ['weekend.csv', 'csv/non-session'],
  ])('%s is rejected with %s and the store is unchanged', async (fixture, code) => {
    const ws = workspace();
    // Name the copy after a configured series so the symbol resolves and the rows are checked.
    const file = join(ws.dir, 'RUT.csv');
    copyFileSync(join(CORPUS, fixture), file);
    const seed = join(ws.dir, 'SPX.csv');
    writeFileSync(seed, 'Date,Close\n2025-01-02,5868.55\n2025-01-03,5942.47\n2025-01-06,5975.38\n');
    const seeded = await ws.run(['import', seed]);
    expect(seeded.code).toBe(0);
    const before = dumpOf(join(ws.dir, 'market.db'));

    const result = await ws.run(['import', file]);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('REJECTED, nothing stored');
    expect(result.stdout).toMatch(new RegExp(`RUT\\.csv(:\\d+)? error ${code.replace('/', '\\/')}`));
    expect(result.stderr).toContain('were rejected; the store holds none of their rows');
    expect(dumpOf(join(ws.dir, 'market.db'))).toBe(before);
  });

  it.each([['bom.csv'], ['crlf.csv'], ['quoted.csv']])('%s imports cleanly', async (fixture) => {
    const ws = workspace();
    const file = join(ws.dir, 'RUT.csv');
    copyFileSync(join(CORPUS, fixture), file);
    const result = await ws.run(['import', file]);
    expect(result.stdout).not.toContain('error');
    expect(result.code).toBe(0);
  });
});
