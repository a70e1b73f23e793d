/**
 * The style gate (issue 11) in CI, on a short span of real history: every story of every
 * session drafted in one process and counted against the house-style rules. The spans hold the
 * first record close in 967 sessions (2025-09-18), two Fed cuts (2025-09-17, 2025-10-29) and the
 * half-day session after Thanksgiving (2025-11-28). Every count must be 0; the whole 2024-2025
 * run is `wirecopy style --from 2024-01-01 --to 2025-12-31`.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { HAS_MARKET_DATA, MARKET_DATA, type Workspace, workspace } from '../support/cli.ts';

describe.skipIf(!HAS_MARKET_DATA)('style gate on real history', () => {
  let ws: Workspace;
  beforeAll(async () => {
    // After the last session of every file imported (FRED_rates.csv runs to 2026-08-24).
    ws = workspace('2026-08-25');
    const files = ['RUT.csv', 'GSPC.csv', 'FRED_rates.csv'].map((f) => join(MARKET_DATA, f));
    expect((await ws.run(['import', ...files])).code).toBe(0);
  });

  it.each([
    // 35 sessions and 9 sessions of the NYSE calendar.
    { from: '2025-09-15', to: '2025-10-31', sessions: 35 },
    { from: '2025-11-17', to: '2025-11-28', sessions: 9 },
  ])(
    'prints 0 violations from $from to $to',
    async ({ from, to, sessions }) => {
      const result = await ws.run(['style', '--from', from, '--to', to, '--json']);
      expect(result.code).toBe(0);
      const report = JSON.parse(result.stdout) as {
        sessions: number;
        drafts: number;
        counts: Record<string, number>;
      };
      expect(report.sessions).toBe(sessions);
      expect(report.drafts).toBeGreaterThan(sessions);
      expect(report.counts).toEqual({
        'empty-superlative': 0,
        'duplicate-headline': 0,
        'numeral-under-ten': 0,
        'wrong-article': 0,
        'number-repeated': 0,
        'mixed-social-periods': 0,
        'down-day-gain-headline': 0,
        'non-story-lead': 0,
        'repeated-lead': 0,
        'check-failed': 0,
      });
    },
    60_000,
  );
});
