/**
 * The data-quality gate through the CLI: `wirecopy verify` on the real Russell 2000 files and on
 * small synthetic stores, and `draft` refusing data that fails it unless --force.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { beforeAll, describe, expect, it } from 'vitest';
import { sessionsBetween } from '../../src/calendar/nyse.ts';
import { frontMatterSchema } from '../../src/content/front-matter.ts';
import type { InputProblem } from '../../src/types.ts';
import { HAS_MARKET_DATA, MARKET_DATA, NO_MARKET_DATA_REASON } from '../support/cli.ts';
import { type TestWorkspace, testWorkspace, walkTo, writeStore } from './support.ts';

interface VerifyJson {
  through: string;
  expected: string;
  symbols: string[];
  sources: string[];
  problems: InputProblem[];
  errors: number;
  warnings: number;
}

const frontMatterOf = (ws: TestWorkspace, file: string) =>
  frontMatterSchema.parse(matter(readFileSync(join(ws.dir, 'content', 'drafts', file), 'utf8')).data);

if (!HAS_MARKET_DATA) console.warn(NO_MARKET_DATA_REASON);

/** An imported file's source key: its name and the first 12 hex digits of its content's SHA-256. */
const sourceOf = (name: string) =>
  HAS_MARKET_DATA
    ? `csv:${name}@${createHash('sha256')
        .update(readFileSync(join(MARKET_DATA, name)))
        .digest('hex')
        .slice(0, 12)}`
    : '';
const RUT_CSV = sourceOf('RUT.csv');
const RUT_IBKR = sourceOf('RUT_ibkr.csv');

describe.skipIf(!HAS_MARKET_DATA)('verify on the real Russell 2000 files', () => {
  let ws: TestWorkspace;
  beforeAll(async () => {
    ws = testWorkspace();
    // Imported on the evening of 2026-08-24, after the files' last sessions (they run past the
    // workspace's 2025-11-14, and rows after the last completed session are refused).
    const imported = await ws.run(
      [
        'import',
        join(MARKET_DATA, 'RUT.csv'),
        join(MARKET_DATA, 'RUT_ibkr.csv'),
        join(MARKET_DATA, 'GSPC.csv'),
      ],
      { now: new Date('2026-08-24T22:30:00Z') },
    );
    expect(imported.code).toBe(0);
  });

  it('finds the wrong 2025-09-08 close (1.20 points off), and the intraday row behind it; nothing else disagrees', async () => {
    const result = await ws.run(['verify', '--as-of', '2025-11-28', '--symbols', 'RUT', '--json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('1 error in the data through 2025-11-28');
    const report = JSON.parse(result.stdout) as VerifyJson;
    expect(report).toMatchObject({ through: '2025-11-28', symbols: ['RUT'], errors: 1 });
    expect(report.sources).toEqual([RUT_CSV, RUT_IBKR]);
    const errors = report.problems.filter((p) => p.severity === 'error');
    expect(errors).toEqual([
      {
        severity: 'error',
        code: 'verify/close-mismatch',
        symbol: 'RUT',
        date: '2025-09-08',
        message: `RUT closes disagree on 2025-09-08: 2394.89 in ${RUT_IBKR} (used) and 2393.69 in ${RUT_CSV}, 1.20 points (0.05%) apart, more than the 0.01% tolerance.`,
        hint: expect.stringContaining('official close'),
      },
    ]);
    // 17 zero-volume rows in RUT.csv were saved intraday; 16 agree with IBKR to within 2e-6, one does not.
    const intraday = report.problems.filter((p) => p.code === 'verify/intraday-row');
    expect(intraday.map((p) => [p.severity, p.date])).toEqual([['warning', '2025-09-08']]);
    expect(intraday[0]!.message).toContain(`${RUT_CSV}'s RUT row for 2025-09-08 has volume 0`);
    // 2020-03-16's -14.27% is beyond the 10% bound but both files have it: a warning, not an error.
    expect(report.problems.find((p) => p.date === '2020-03-16')?.message).toContain(
      `confirmed by ${RUT_CSV}`,
    );
  });

  it('the same data through 2025-09-05 passes: the mismatch comes later', async () => {
    const result = await ws.run(['verify', '--as-of', '2025-09-05', '--symbols', 'RUT,SPX']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^verify passed: 0 errors, \d+ warnings\.$/m);
  });

  it('draft refuses the record day; --force drafts it and the front matter records the override', async () => {
    const refused = await ws.run(['draft', '--as-of', '2025-09-18']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'The data failed its quality checks: The data for the 2025-09-18 session failed 1 check (RUT, SPX through 2025-09-18), so no draft was written.',
    );
    expect(refused.stderr).toContain('error verify/close-mismatch: RUT closes disagree on 2025-09-08');
    expect(refused.stderr).toContain('or draft anyway with --force');
    expect(existsSync(join(ws.dir, 'content', 'drafts'))).toBe(false);

    const forced = await ws.run(['draft', '--as-of', '2025-09-18', '--force']);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('Data-quality gate: FAILED with 1 error, overridden by --force:');
    expect(forced.stdout).toContain('2025-09-18-record-high.md  written');
    const fm = frontMatterOf(ws, '2025-09-18-record-high.md');
    expect(fm.checks).toMatchObject({
      gate: 'overridden',
      sources: [sourceOf('GSPC.csv'), RUT_CSV, RUT_IBKR],
    });
    expect(fm.checks!.problems).toBeGreaterThanOrEqual(1);
  });
});

describe('verify on synthetic stores', () => {
  const week = sessionsBetween('2024-11-01', '2025-11-14');

  it('passes a clean store (exit 0) and records the gate as passed in a draft', async () => {
    const ws = testWorkspace();
    writeStore(ws.store, [
      {
        source: 'yahoo',
        series: [
          { symbol: 'RUT', bars: walkTo(week, 2391.64) },
          { symbol: 'SPX', bars: walkTo(week, 6734.11) },
        ],
      },
    ]);
    const result = await ws.run(['verify']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain(
      'Verified RUT, SPX through 2025-11-14 (expected last session 2025-11-14) from yahoo; checks: cross-source, calendar-gaps, staleness, sanity-bound.',
    );
    expect(result.stdout).toContain('verify passed: 0 errors, 0 warnings.');

    const drafted = await ws.run(['draft']);
    expect(drafted.code).toBe(0);
    expect(drafted.stdout).toContain('Data-quality gate: passed (RUT, SPX through 2025-11-14).');
    const [file] = readdirSync(join(ws.dir, 'content', 'drafts'));
    expect(frontMatterOf(ws, file!).checks).toEqual({ gate: 'passed', problems: 0, sources: ['yahoo'] });
  });

  it('flags sessions missing from a series (a gap), with the command that fills it', async () => {
    const ws = testWorkspace();
    const held = week.filter((d) => d < '2025-10-06' || d > '2025-10-08');
    writeStore(ws.store, [{ source: 'yahoo', series: [{ symbol: 'RUT', bars: walkTo(held, 2391.64) }] }]);
    const result = await ws.run(['verify']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'error verify/gap: RUT has no close for 3 sessions, 2025-10-06 to 2025-10-08 (inside its history, 2024-11-01 to 2025-11-14). (RUT, 2025-10-06)',
    );
    expect(result.stdout).toContain('wirecopy fetch --symbols RUT --since 2025-10-06');
  });

  it('flags a series that stops before the last completed session (by the clock), and only that one', async () => {
    const ws = testWorkspace();
    writeStore(ws.store, [
      {
        source: 'yahoo',
        series: [
          { symbol: 'RUT', bars: walkTo(week, 2391.64) },
          { symbol: 'SPX', bars: walkTo(week.slice(0, -3), 6734.11) },
        ],
      },
    ]);
    const result = await ws.run(['verify', '--json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as VerifyJson;
    expect(report.expected).toBe('2025-11-14');
    expect(report.problems.map((p) => [p.code, p.symbol, p.date])).toEqual([
      ['verify/stale', 'SPX', '2025-11-11'],
    ]);
    // Before Friday's close, Thursday is the last completed session: SPX is still 2 behind.
    const morning = await ws.run(['verify', '--json'], { now: new Date('2025-11-14T15:00:00Z') });
    expect((JSON.parse(morning.stdout) as VerifyJson).problems[0]!.message).toContain(
      '2 sessions before 2025-11-13',
    );
  });

  it('flags a recent one-day move beyond the sanity bound; the bound is configurable', async () => {
    const bars = walkTo(week, 2000).map((b) =>
      b.date >= '2025-11-12' ? { ...b, close: b.close * 1.15 } : b,
    );
    const strict = testWorkspace();
    writeStore(strict.store, [{ source: 'yahoo', series: [{ symbol: 'RUT', bars }] }]);
    const result = await strict.run(['verify', '--as-of', '2025-11-14']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /error verify\/move-beyond-bound: RUT rose 1\d\.\d+% on 2025-11-12 .* beyond the 10% sanity bound; no other source confirms it\./,
    );

    const relaxed = testWorkspace({ verify: { sanityBound: 0.2 } });
    writeStore(relaxed.store, [{ source: 'yahoo', series: [{ symbol: 'RUT', bars }] }]);
    expect((await relaxed.run(['verify', '--as-of', '2025-11-14'])).code).toBe(0);
  });

  it('demo data: draft records the gate as skipped', async () => {
    const ws = testWorkspace({}, { now: new Date('2026-11-21T12:00:00Z') });
    expect((await ws.run(['demo'])).code).toBe(0);
    const drafted = await ws.run(['draft']);
    expect(drafted.code).toBe(0);
    expect(drafted.stdout).toContain('Data-quality gate: skipped (demo dataset');
    const [file] = readdirSync(join(ws.dir, 'content', 'drafts'));
    expect(frontMatterOf(ws, file!).checks).toEqual({ gate: 'skipped', problems: 0, sources: ['demo'] });
  });

  it.each([
    [['verify'], 2, /There is no market store at .*: there is nothing to verify/],
    [['verify', '--symbols', 'XYZ'], 2, /--symbols XYZ is not a configured series/],
  ])('wirecopy %j exits %d', async (args, code, message) => {
    const ws = testWorkspace();
    if (args.length > 1)
      writeStore(ws.store, [{ source: 'yahoo', series: [{ symbol: 'RUT', bars: walkTo(week, 1) }] }]);
    const result = await ws.run(args);
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(message);
  });

  it('a config file with API keys is refused: keys come from the environment only', async () => {
    const ws = testWorkspace({ keys: { fred: 'secret' } });
    const result = await ws.run(['verify']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('holds API keys');
    expect(result.stderr).toContain('FRED_API_KEY');
  });
});
