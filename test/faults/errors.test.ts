/**
 * Issue 16, item 14: inputs that used to end in "internal error (a bug)" or pass silently, each
 * now a catalogue error that says what, where and what to do. One regression test per fault.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workspace } from '../support/cli.ts';

describe('a store file that is not SQLite', () => {
  it('is StoreNotSqlite naming the file, not an internal error, and the file is left as it was', async () => {
    const ws = workspace();
    const store = join(ws.dir, 'market.db');
    writeFileSync(store, 'date,close\n2025-09-18,2448.77\n');
    const result = await ws.run(['stats']);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toContain('internal error');
    expect(result.stderr).toContain('The market store is not a SQLite file');
    expect(result.stderr).toContain(`${store} is not a SQLite database`);
    expect(result.stderr).toContain('looks like a text file');
    expect(result.stderr).toContain('What to do: Point --store');
    expect(readFileSync(store, 'utf8')).toBe('date,close\n2025-09-18,2448.77\n');
  });
});
