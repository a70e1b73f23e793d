/**
 * An analyst's target in a draft (content/inputs/targets.yaml): printed with its firm and date,
 * the level marked as sourced (it is not our data), the distance from the close as two facts of
 * ours (percent and points) that `stats --explain` shows and `check` verifies. Real closes:
 * RUT.csv 2,500.43 on 2025-11-28 (Close 2500.429931640625).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { beforeAll, describe, expect, it } from 'vitest';
import { FACT_LINK } from '../../src/drafts/view-values.ts';
import { HAS_MARKET_DATA, MARKET_DATA, type Workspace, workspace } from '../support/cli.ts';

// The firms are made up (as in content/inputs/targets.example.yaml): never a real firm's target.
const TARGETS = `# EXAMPLE ONLY: test data, not real targets
- org: Example Securities
  index: RUT
  target: 2600
  date: 2025-11-17
  source: https://example.com/research/small-cap-outlook

- org: Placeholder Bank
  index: RUT
  target: 2400
  date: 2025-11-20
  source: https://example.com/notes/targets

- org: Stale Partners
  index: RUT
  target: 2700
  date: 2025-08-01
  source: https://example.com/old
`;

describe.skipIf(!HAS_MARKET_DATA)('analyst targets in a draft', () => {
  let ws: Workspace;
  let raw: string;
  let body: string;
  let stderr: string;

  beforeAll(async () => {
    ws = workspace('2026-08-25');
    const files = ['RUT.csv', 'GSPC.csv'].map((f) => join(MARKET_DATA, f));
    expect((await ws.run(['import', ...files])).code).toBe(0);
    mkdirSync(join(ws.dir, 'content', 'inputs'), { recursive: true });
    writeFileSync(join(ws.dir, 'content', 'inputs', 'targets.yaml'), TARGETS);
    const result = await ws.run(['draft', '--as-of', '2025-11-28', '--story', 'daily-wrap']);
    expect(result.code).toBe(0);
    stderr = result.stderr;
    raw = readFileSync(join(ws.dir, 'content', 'drafts', '2025-11-28-daily-wrap.md'), 'utf8');
    body = matter(raw).content.replace(FACT_LINK, '');
  });

  it('prints each current target with its firm, date and distance from the close', () => {
    // 2,600 ÷ 2,500.43 − 1 = 3.98% → 4.0%; 2,600 − 2,500.43 = 99.57 points.
    expect(body).toContain(
      "Example Securities, in a note published Nov. 17, 2025<!--sourced: Example Securities, 2025-11-17-->, set a target of 2,600<!--sourced: Example Securities, 2025-11-17--> for the Russell 2000, 4.0% above Friday's close, or 99.57 points.",
    );
    // 2,400 ÷ 2,500.43 − 1 = −4.02% → 4.0% below; 2,400 − 2,500.43 = −100.43 points.
    expect(body).toContain(
      "set a target of 2,400<!--sourced: Placeholder Bank, 2025-11-20--> for the Russell 2000, 4.0% below Friday's close, or 100.43 points.",
    );
    // The percent and the points are our facts, linked as every fact is.
    expect(raw).toContain('4.0%<!--fact:RUT.target.example-securities.upside-->');
    expect(raw).toContain('99.57<!--fact:RUT.target.example-securities.upside.points-->');
  });

  it('leaves out a target older than 90 days, and says so', () => {
    // 2025-08-01 → 2025-11-28 is 119 days.
    expect(body).not.toContain('Stale Partners');
    expect(stderr).toContain(
      'the Stale Partners target for RUT is from 2025-08-01, 119 days before 2025-11-28',
    );
  });

  it('passes check: the target is sourced by hand, the distance verified against its facts', async () => {
    const check = await ws.run([
      'check',
      '--max-age',
      '100000',
      join(ws.dir, 'content', 'drafts', '2025-11-28-daily-wrap.md'),
    ]);
    expect(check.stdout).toContain('1 file checked: 0 errors');
    expect(check.stdout).toContain('2,600 is sourced by hand: Example Securities, 2025-11-17');
    expect(check.code).toBe(0);
  });

  it('explains the points the way the percent is explained', async () => {
    const explained = await ws.run([
      'stats',
      '--as-of',
      '2025-11-28',
      '--explain',
      'RUT.target.example-securities.upside.points',
    ]);
    expect(explained.code).toBe(0);
    expect(explained.stdout).toContain('RUT.target.example-securities.upside.points = 99.57');
    expect(explained.stdout).toContain('RUT.target.example-securities close on 2025-11-17: 2,600.00');
    expect(explained.stdout).toContain('= 99.57 → 99.57');
  });
});
