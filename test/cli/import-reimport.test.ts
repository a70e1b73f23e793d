/**
 * Importing a file again, or another file of the same name: the same content is a no-op, an
 * updated export adds its new sessions, and one that changes stored closes lists them and waits
 * for --replace. Every import is a batch that `import --undo` reverts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MarketStore } from '../../src/store/market-store.ts';
import { type Workspace, workspace } from '../support/cli.ts';

const dumpOf = (ws: Workspace) => {
  const store = MarketStore.open(join(ws.dir, 'market.db'));
  try {
    return store.dump();
  } finally {
    store.close();
  }
};

const closesOf = (ws: Workspace) => {
  const store = MarketStore.open(join(ws.dir, 'market.db'));
  try {
    const series = store.loadSeries('RUT');
    return Object.fromEntries(series!.dates.map((d, i) => [d, series!.closes[i]]));
  } finally {
    store.close();
  }
};

/** Writes `RUT.csv` in a folder of the workspace, one `date,close` row per entry. */
function rutFile(ws: Workspace, folder: string, rows: Array<[string, number]>): string {
  mkdirSync(join(ws.dir, folder), { recursive: true });
  const file = join(ws.dir, folder, 'RUT.csv');
  writeFileSync(file, `Date,Close\n${rows.map(([d, c]) => `${d},${c}`).join('\n')}\n`);
  return file;
}

// Real Russell 2000 closes, 2025-09-15 to 2025-09-19 (RUT.csv in ../shared/data/market, rounded).
const WEEK: Array<[string, number]> = [
  ['2025-09-15', 2407.7],
  ['2025-09-16', 2406.5],
  ['2025-09-17', 2431.06],
  ['2025-09-18', 2467.7],
  ['2025-09-19', 2448.77],
];

describe('wirecopy import of a file imported before', () => {
  it('the same content again is a no-op that says so, and the store is unchanged', async () => {
    const ws = workspace();
    const file = rutFile(ws, 'a', WEEK);
    expect((await ws.run(['import', file])).code).toBe(0);
    const before = dumpOf(ws);
    const again = await ws.run(['import', file]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(
      /RUT\.csv \[close-only\]: already imported, nothing to do: the store holds this very file \(csv:RUT\.csv@[0-9a-f]{12}\)/,
    );
    expect(again.stdout).toContain('0 of 1 file(s) imported');
    expect(again.stdout).toContain('1 already there');
    expect(dumpOf(ws)).toBe(before);
  });

  it('an updated export takes over the earlier import and adds its new session; one source remains', async () => {
    const ws = workspace();
    await ws.run(['import', rutFile(ws, 'a', WEEK)]);
    const updated = await ws.run(['import', rutFile(ws, 'b', [...WEEK, ['2025-09-22', 2450.4]])]);
    expect(updated.code).toBe(0);
    expect(updated.stdout).toContain('imported as batch #2');
    expect(updated.stdout).toMatch(
      /RUT: takes over from csv:RUT\.csv@[0-9a-f]{12}: 1 new session, 0 changed, 5 unchanged/,
    );
    const status = await ws.run(['status']);
    expect(status.stdout.match(/csv:RUT\.csv@/g)?.length).toBe(3); // one series row, two batch lines
    expect(closesOf(ws)['2025-09-22']).toBe(2450.4);
  });

  it('an update that drops the oldest session leaves that session to the earlier file; importing it again is a no-op', async () => {
    const ws = workspace();
    await ws.run(['import', rutFile(ws, 'a', WEEK)]);
    const later = rutFile(ws, 'b', [...WEEK.slice(1), ['2025-09-22', 2450.4]]);
    expect((await ws.run(['import', later])).stdout).toContain('1 new session, 0 changed, 4 unchanged');
    const before = dumpOf(ws);
    const again = await ws.run(['import', later]);
    expect(again.stdout).toContain('already imported, nothing to do');
    expect(dumpOf(ws)).toBe(before);
    expect(Object.keys(closesOf(ws))).toEqual([...WEEK.map(([d]) => d), '2025-09-22']);
  });

  it('one that changes stored closes lists the first five with old, new and the difference, then a count; needs --replace', async () => {
    const ws = workspace();
    await ws.run(['import', rutFile(ws, 'a', [...WEEK, ['2025-09-22', 2450.4], ['2025-09-23', 2440.0]])]);
    const before = dumpOf(ws);
    // Every close 10% lower: 7 changed sessions.
    const lower = rutFile(
      ws,
      'b',
      [...WEEK, ['2025-09-22', 2450.4], ['2025-09-23', 2440.0]].map(([d, c]) => [
        d as string,
        Number(((c as number) * 0.9).toFixed(2)),
      ]),
    );
    const refused = await ws.run(['import', lower]);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toContain(
      'RUT.csv [close-only]: NOT IMPORTED, nothing stored: it would change 7 stored closes',
    );
    // 2407.70 × 0.9 = 2166.93: −240.77 points, −10.00%.
    expect(refused.stdout).toContain(
      'changes RUT 2025-09-15: 2407.70 → 2166.93 (−240.77, −10.00%), stored by batch #1',
    );
    expect(refused.stdout).toContain(
      'changes RUT 2025-09-19: 2448.77 → 2203.89 (−244.88, −10.00%), stored by batch #1',
    );
    expect(refused.stdout).toContain('... and 2 more changed closes (2025-09-22 to 2025-09-23)');
    expect(refused.stdout).toContain('run again with --replace');
    expect(refused.stderr).toContain(
      'A file would change stored closes: 1 file(s) would change closes stored from an earlier file of the same name; the store holds none of their rows.',
    );
    expect(dumpOf(ws)).toBe(before);

    const replaced = await ws.run(['import', '--replace', lower]);
    expect(replaced.code).toBe(0);
    expect(replaced.stdout).toContain('imported as batch #2');
    expect(closesOf(ws)['2025-09-18']).toBe(2220.93);
  });

  it('import --undo reverts a --replace, and status lists the batch as undone', async () => {
    const ws = workspace();
    await ws.run(['import', rutFile(ws, 'a', WEEK)]);
    await ws.run(['import', '--replace', rutFile(ws, 'b', [['2025-09-18', 1000]])]);
    expect(closesOf(ws)['2025-09-18']).toBe(1000);
    const undo = await ws.run(['import', '--undo', '2']);
    expect(undo.code).toBe(0);
    expect(undo.stdout).toMatch(
      /^Undid batch #2 \(import csv:RUT\.csv@[0-9a-f]{12} from .*\/b\/RUT\.csv\): removed 1 row, restored 1 it had replaced\.$/,
    );
    expect(closesOf(ws)['2025-09-18']).toBe(2467.7);
    const status = await ws.run(['status']);
    expect(status.stdout).toContain('Recent batches (revert one with wirecopy import --undo ID):');
    expect(status.stdout).toMatch(
      / {2}#2 \S+Z import csv:RUT\.csv@[0-9a-f]{12}: 1 rows from .*\/b\/RUT\.csv \(undone \S+Z\)/,
    );
    expect(status.stdout).toMatch(
      / {2}#1 \S+Z import csv:RUT\.csv@[0-9a-f]{12}: 5 rows from .*\/a\/RUT\.csv$/m,
    );
  });

  it.each([
    [['import', '--undo', 'last'], /--undo last is not a batch id/],
    [['import', '--undo', '7'], /has no batch #7/],
    [['import', '--undo', '1', 'RUT.csv'], /--undo takes a batch id and no files/],
    [['import'], /import needs at least one file or folder/],
  ])('wirecopy %j exits 2 with what to do', async (args, message) => {
    const ws = workspace();
    await ws.run(['import', rutFile(ws, 'a', WEEK)]);
    const result = await ws.run(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('What to do:');
  });
});
