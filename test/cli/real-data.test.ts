/**
 * The whole pipeline on real history from ../shared/data/market: every file imports (or is
 * rejected with its real faults named), and the facts reproduce numbers published in the press.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { beforeAll, describe, expect, it } from 'vitest';
import { FACT_LINK } from '../../src/drafts/view-values.ts';
import {
  HAS_MARKET_DATA,
  MARKET_DATA,
  NO_MARKET_DATA_REASON,
  type Workspace,
  workspace,
} from '../support/cli.ts';

if (!HAS_MARKET_DATA) console.warn(NO_MARKET_DATA_REASON);

describe.skipIf(!HAS_MARKET_DATA)('real market data', () => {
  describe('import of every file', () => {
    it('imports 36 files and rejects asset_prices_yf.csv whole for its weekend rows; --lenient takes its good rows', async () => {
      const ws = workspace();
      const all = await ws.run(['import', MARKET_DATA]);
      expect(all.code).toBe(2);
      expect(all.stdout).toContain('36 of 37 file(s) imported');
      expect(all.stdout).toMatch(/asset_prices_yf\.csv \[wide\]: REJECTED, nothing stored; 9 errors/);
      // Lines 712/713 (Sat/Sun 2026-08-01/02) and 726 (Sat 2026-08-15) repeat Friday's SPX, NDX and RUT closes.
      expect(all.stdout).toContain(
        'asset_prices_yf.csv:712 error csv/non-session: SPX has a value on 2026-08-01',
      );
      expect(all.stdout).toMatch(/more csv\/non-session \(lines 713, 726, 726, 726\)/);
      // RUT.csv: the README's 17 zero-volume rows, saved intraday, are reported (and kept) as warnings.
      expect(all.stdout).toMatch(/RUT\.csv \[ohlc\]: imported as batch #\d+; 17 warnings/);
      expect(all.stderr).toContain('1 file(s) were rejected');

      const lenient = await ws.run(['import', '--lenient', join(MARKET_DATA, 'asset_prices_yf.csv')]);
      expect(lenient.code).toBe(0);
      expect(lenient.stdout).toContain('imported the good rows (--lenient)');
      // 504 rows carry a RUT value; less the 3 weekend rows, 501: every NYSE session of 2024-08-22..2026-08-21.
      expect(lenient.stdout).toMatch(/RUT\s+501 rows {2}2024-08-22 to 2026-08-21/);
    });

    it('leaves the store exactly as it was when a file is rejected', async () => {
      const ws = workspace();
      await ws.run(['import', join(MARKET_DATA, 'GSPC.csv')]);
      const { MarketStore } = await import('../../src/store/market-store.ts');
      const dump = () => {
        const store = MarketStore.open(join(ws.dir, 'market.db'));
        try {
          return store.dump();
        } finally {
          store.close();
        }
      };
      const before = dump();
      const rejected = await ws.run(['import', join(MARKET_DATA, 'asset_prices_yf.csv')]);
      expect(rejected.code).toBe(2);
      expect(dump()).toBe(before);
    });
  });

  describe('facts on the Russell 2000 record of 2025-09-18', () => {
    let ws: Workspace;
    beforeAll(async () => {
      ws = workspace();
      const result = await ws.run(['import', join(MARKET_DATA, 'RUT.csv'), join(MARKET_DATA, 'GSPC.csv')]);
      expect(result.code).toBe(0);
    });

    const factsAt = async (asOf: string) => {
      const result = await ws.run(['stats', '--as-of', asOf, '--json']);
      expect(result.code).toBe(0);
      return JSON.parse(result.stdout) as {
        asOf: string;
        dataset: string;
        facts: Record<string, { value: unknown; display: string; unit: string; inputs: unknown[] }>;
        missing: Array<{ id: string; reason: string }>;
      };
    };

    it('the day before: the last record is 2,442.74 on 2021-11-08 (published record close before 2025)', async () => {
      const json = await factsAt('2025-09-17');
      expect(json).toMatchObject({ asOf: '2025-09-17', dataset: 'csv' });
      expect(json.facts['RUT.record.today']?.value).toBe(false);
      expect(json.facts['RUT.record.last_date']?.value).toBe('2021-11-08');
      expect(json.facts['RUT.record.last_close']?.display).toBe('2,442.74');
      expect(json.facts['RUT.record.last_date']?.display).toBe('Nov. 8, 2021');
    });

    it('2025-09-18 is a record close ending a 967-session drought (published: 967 trading days)', async () => {
      const json = await factsAt('2025-09-18');
      expect(json.facts['RUT.record.today']?.value).toBe(true);
      expect(json.facts['RUT.record.drought_sessions']).toMatchObject({
        value: 967,
        display: '967',
        unit: 'sessions',
      });
      // The close in RUT.csv is 2467.699951171875 (float32 of 2,467.70).
      expect(json.facts['RUT.close']?.display).toBe('2,467.70');
      expect(json.facts['RUT.record.count_ytd']?.value).toBe(1);
    });

    it('a date with no session resolves to the session before it (2025-09-20 is a Saturday)', async () => {
      expect((await factsAt('2025-09-20')).asOf).toBe('2025-09-19');
    });

    it('after RUT.csv ends, RUT facts are missing with the reason, never zero', async () => {
      const json = await factsAt('2026-08-21');
      expect(json.facts['RUT.close']).toBeUndefined();
      expect(json.missing).toContainEqual({
        id: 'RUT.close',
        reason: 'RUT has no close for 2026-08-21 (its latest close on or before it is 2026-02-23)',
      });
      expect(json.facts['SPX.close']?.display).toBe('7,674.37');
    });

    it('drafts the record day from real data, with the drought sentence and the real-data sources', async () => {
      // Left to choose, the desk gets the record story; the daily wrap is written on request.
      const chosen = await ws.run(['draft', '--as-of', '2025-09-18']);
      expect(chosen.stdout).toContain(
        '2025-09-18-record-high.md  written  "Russell 2000 sets its first record in 967 sessions"',
      );
      const result = await ws.run(['draft', '--as-of', '2025-09-18', '--story', 'daily-wrap']);
      expect(result.code).toBe(0);
      const text = readFileSync(join(ws.dir, 'content', 'drafts', '2025-09-18-daily-wrap.md'), 'utf8');
      const { data, content: linked } = matter(text);
      // Each printed number carries its fact id; the sentences below read the text without them.
      expect(linked).toContain('967<!--fact:RUT.record.drought_sessions--> sessions');
      const content = linked.replace(FACT_LINK, '');
      expect(data['title']).toMatch(/record.* 2,467\.70/);
      expect(data['dataset']).toBe('csv');
      expect(content).toContain("Thursday's close was its first record of the year.");
      expect(content).toContain('It ends a stretch of 967 sessions without a record close');
      // Readers get the index owners, not file names (those stay in the front matter's sources).
      expect(content).toContain('Sources: Russell 2000: FTSE Russell; S&P 500: S&P Dow Jones Indices.');
      expect(content).not.toContain('imported file');
      expect(content).not.toContain('Demo data');
    });
  });
});

describe.skipIf(!HAS_MARKET_DATA)('stats --explain', () => {
  let ws: Workspace;
  beforeAll(async () => {
    ws = workspace();
    expect((await ws.run(['import', join(MARKET_DATA, 'RUT.csv'), join(MARKET_DATA, 'GSPC.csv')])).code).toBe(
      0,
    );
  });

  it('shows the inputs and the arithmetic of a five-session return, to be redone by hand', async () => {
    // RUT.csv: 2500.429931640625 on 2025-11-28 and 2305.110107421875 on 2025-11-20 (five sessions
    // earlier; Thanksgiving 11-27 is closed): 2500.43 / 2305.11 - 1 = 0.084733 -> 8.5%.
    const result = await ws.run(['stats', '--as-of', '2025-11-28', '--explain', 'RUT.return.5d']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('RUT.return.5d = 8.5%');
    expect(result.stdout).toContain('RUT close on 2025-11-20: 2,305.11 (stored 2305.110107421875)');
    expect(result.stdout).toContain('RUT close on 2025-11-28: 2,500.43 (stored 2500.429931640625)');
    expect(result.stdout).toContain('Worked: 2,500.43 ÷ 2,305.11 − 1 = 0.084733 → 8.5%');
  });

  it('names the window a drought was counted over', async () => {
    const result = await ws.run([
      'stats',
      '--as-of',
      '2025-09-18',
      '--explain',
      'RUT.record.drought_sessions',
    ]);
    // 969 sessions from the 2021-11-08 record to the 2025-09-18 record, both included: 967 between.
    expect(result.stdout).toContain('RUT, 969 sessions from 2021-11-08 to 2025-09-18');
  });

  it('suggests ids for an unknown one and exits 2', async () => {
    const result = await ws.run(['stats', '--as-of', '2025-09-18', '--explain', 'RUT.return.fiveday']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--explain RUT.return.fiveday: no fact has that id.');
    expect(result.stderr).toContain('RUT.return.5d');
  });
});
