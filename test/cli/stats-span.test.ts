/**
 * `wirecopy stats --from --to` (issue 14): every session of a span from one load, each line
 * the same JSON object `stats --as-of` prints for that session alone.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { HAS_MARKET_DATA, MARKET_DATA, type Workspace, workspace } from '../support/cli.ts';

describe.skipIf(!HAS_MARKET_DATA)('stats over a span of real sessions', () => {
  let ws: Workspace;
  beforeAll(async () => {
    ws = workspace('2026-08-25');
    const files = ['RUT.csv', 'GSPC.csv', 'FRED_rates.csv'].map((f) => join(MARKET_DATA, f));
    expect((await ws.run(['import', ...files])).code).toBe(0);
  });

  it('prints a JSON object a line, each equal to the one session alone', async () => {
    // Sept. 17-19, 2025: the Fed's cut, the first Russell 2000 record in 967 sessions, the day after.
    const span = await ws.run(['stats', '--from', '2025-09-16', '--to', '2025-09-20', '--json']);
    expect(span.code).toBe(0);
    const lines = span.stdout.split('\n');
    // Sept. 20 is a Saturday: four sessions.
    expect(lines.map((l) => JSON.parse(l).asOf)).toEqual([
      '2025-09-16',
      '2025-09-17',
      '2025-09-18',
      '2025-09-19',
    ]);
    for (const line of lines) {
      const asOf = JSON.parse(line).asOf as string;
      const alone = await ws.run(['stats', '--as-of', asOf, '--json']);
      expect(JSON.parse(line)).toEqual(JSON.parse(alone.stdout));
    }
    // Not a terminal: progress is one line on stderr at the end.
    expect(span.stderr).toContain('stats: 4/4 sessions (2025-09-19)');
  });

  it('prints a table per session without --json', async () => {
    const span = await ws.run(['stats', '--from', '2025-09-17', '--to', '2025-09-18']);
    expect(span.code).toBe(0);
    expect(span.stdout.match(/^Facts as of \S+/gm)).toEqual([
      'Facts as of 2025-09-17',
      'Facts as of 2025-09-18',
    ]);
  });

  it.each([
    [['--from', '2025-09-17', '--to', '2025-09-18', '--explain', 'RUT.close'], '--explain shows one fact'],
    [['--from', '2025-09-17'], '--to is missing'],
    [['--as-of', '2025-09-17', '--from', '2025-09-17', '--to', '2025-09-18'], 'cannot be combined'],
  ])('stats %j exits 2 saying what to do', async (args, message) => {
    const result = await ws.run(['stats', ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});
