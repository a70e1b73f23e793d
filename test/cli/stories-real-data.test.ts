/**
 * Every story on real history (../shared/data/market), on three sessions where it applies:
 * the story is chosen for its own reason (not forced), its key sentence carries the right
 * numbers, and the draft passes the review checks exactly as generated.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { beforeAll, describe, expect, it } from 'vitest';
import { FACT_LINK } from '../../src/drafts/view-values.ts';
import { HAS_MARKET_DATA, MARKET_DATA, type Workspace, workspace } from '../support/cli.ts';

interface Case {
  story: string;
  asOf: string;
  /** A sentence of the body, fact links removed; numbers from the sources named beside each case. */
  says: string | RegExp;
  /** The headline, when the case is about it. */
  title?: string;
}

const CASES: Case[] = [
  // RUT record close 2,467.70 on 2025-09-18 after 967 sessions (published: 967 trading days).
  { story: 'record-high', asOf: '2025-09-18', says: "It is the index's first record close in 967 sessions" },
  {
    story: 'record-high',
    asOf: '2025-09-19',
    // The record was set the session before: AP style says so in words, never "1 sessions ago".
    says: /below the record close of 2,467\.70 it set on Sept\. 18, the session before/,
  },
  { story: 'record-high', asOf: '2025-12-16', says: /record/ },
  // The 19 three-day surges listed in test/stats/events-real-data.test.ts: 2024-02-12 is the 17th,
  // 2025-04-24 the 18th, 2025-11-25 the 19th, so 16, 17 and 18 came before.
  {
    story: 'pattern-study',
    asOf: '2024-02-12',
    // The count is the headline's; the lede does not print it a second time before "of 16 times".
    title: "Small caps' three-day surge has happened 16 times before. Here is what followed",
    says: 'completing a pattern seen before in data going back to Sept. 10, 1987',
  },
  {
    story: 'pattern-study',
    asOf: '2025-04-24',
    // The count is the headline's; the lede does not print it a second time before "of 17 times".
    title: "Small caps' three-day surge has happened 17 times before. Here is what followed",
    says: 'completing a pattern seen before in data going back to Sept. 10, 1987',
  },
  {
    story: 'pattern-study',
    asOf: '2025-11-25',
    // The count is the headline's; the lede does not print it a second time before "of 18 times".
    title: "Small caps' three-day surge has happened 18 times before. Here is what followed",
    says: 'completing a pattern seen before in data going back to Sept. 10, 1987',
  },
  // RUT.csv closes: 2,500.43 on 2025-11-28 against 2,305.11 five sessions earlier (11-20): +8.5%.
  {
    story: 'small-cap-rally',
    asOf: '2025-11-28',
    says: 'The Russell 2000 is up 8.5% over the past five sessions, to 2,500.43',
  },
  {
    story: 'small-cap-rally',
    asOf: '2024-02-12',
    says: /The Russell 2000 is up \d+\.\d% over the past five sessions/,
  },
  {
    story: 'small-cap-rally',
    asOf: '2025-11-26',
    says: /The Russell 2000 is up \d+\.\d% over the past five sessions/,
  },
  // FRED_rates.csv DGS2: 3.68 on 2025-04-04 and 3.89 on 2025-03-28: down 21 basis points.
  {
    story: 'rates-fed',
    asOf: '2025-04-04',
    says: 'The 2-year Treasury yield fell 21 basis points over five sessions to 3.68%',
  },
  {
    story: 'rates-fed',
    asOf: '2024-01-04',
    says: /The 2-year Treasury yield (fell|rose) \d+ basis points over five sessions/,
  },
  {
    story: 'rates-fed',
    asOf: '2025-11-25',
    says: /The 2-year Treasury yield (fell|rose) \d+ basis points over five sessions/,
  },
  // Weekly: RUT 2,500.43 on 2025-11-28 against 2,369.59 on Friday 2025-11-21: +5.5%.
  { story: 'weekly-recap', asOf: '2025-11-28', says: 'The Russell 2000 ended the week up 5.5% at 2,500.43' },
  { story: 'weekly-recap', asOf: '2025-04-25', says: /ended the week up \d+\.\d%/ },
  { story: 'weekly-recap', asOf: '2024-11-08', says: /ended the week up \d+\.\d%/ },
  // RUT.csv: 2,500.43 on 2025-11-28 against 2,479.38 on 2025-10-31: +0.8%.
  {
    story: 'monthly-recap',
    asOf: '2025-11-28',
    says: 'The Russell 2000 ended the month up 0.8% at 2,500.43',
  },
  { story: 'monthly-recap', asOf: '2024-11-29', says: /ended the month up \d+\.\d%/ },
  { story: 'monthly-recap', asOf: '2025-04-30', says: /ended the month (up|down) \d+\.\d%/ },
  // RUT.csv: 1,827.03 on 2025-04-04 against 1,910.55 the day before: down 4.4%.
  { story: 'daily-wrap', asOf: '2025-04-04', says: 'The Russell 2000 tumbled 4.4% to 1,827.03 on Friday' },
  {
    story: 'daily-wrap',
    asOf: '2025-09-18',
    says: 'It ends a stretch of 967 sessions without a record close',
  },
  {
    story: 'daily-wrap',
    asOf: '2024-07-16',
    says: /The Russell 2000 (rose|jumped|surged) \d+\.\d% to 2,2\d\d\.\d\d on Tuesday/,
  },
];

describe.skipIf(!HAS_MARKET_DATA)('every story on real history', () => {
  let ws: Workspace;
  beforeAll(async () => {
    // After the last session of every file imported (FRED_rates.csv runs to 2026-08-24): rows
    // after the last completed session are refused.
    ws = workspace('2026-08-25');
    // NDX.csv is left out: its real +12.0% on 2025-04-09 has no second source, so the data gate
    // (rightly) stops drafts until one confirms it.
    const files = ['RUT.csv', 'GSPC.csv', 'FRED_rates.csv'].map((f) => join(MARKET_DATA, f));
    expect((await ws.run(['import', ...files])).code).toBe(0);
  });

  it.each(CASES)('$story on $asOf', async ({ story, asOf, says, title }) => {
    const result = await ws.run(['draft', '--as-of', asOf, '--story', story]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const path = join(ws.dir, 'content', 'drafts', `${asOf}-${story}.md`);
    const { data, content } = matter(readFileSync(path, 'utf8'));
    // Chosen for its own reason, not only because --story asked for it.
    expect(data['angles'].why).not.toBe('Forced with --story.');
    const body = content.replace(FACT_LINK, '');
    if (typeof says === 'string') expect(body).toContain(says);
    else expect(body).toMatch(says);
    if (title !== undefined) expect(data['title']).toBe(title);
    // Exactly as generated, the draft passes review (freshness aside: these sessions are old).
    const check = await ws.run(['check', '--max-age', '100000', path]);
    expect(check.stdout).toContain('1 file checked: 0 errors');
    // The generator never writes a sentence its own claim check would flag, warnings included.
    expect(check.stdout).not.toMatch(/wirecopy:claim-/);
    expect(check.code).toBe(0);
  });
});
