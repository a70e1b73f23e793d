/**
 * Editors' index targets: reading content/inputs/targets.yaml (problems with file and line) and
 * the upside stat (target ÷ close − 1, stale targets left out with a warning).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTargetsFile } from '../../src/facts/targets-file.ts';
import { orgSlug, type PriceTarget, targetUpsideStats } from '../../src/stats/targets.ts';
import { SymbolRegistry } from '../../src/symbols.ts';
import { missingFor, valueFor } from '../stats/helpers.ts';

const FILE = 'content/inputs/targets.yaml';
const registry = new SymbolRegistry();
const parse = (text: string) => parseTargetsFile(text, { file: FILE, registry });

const GOOD = `# Index targets, newest last
- org: Goldman Sachs
  index: ^RUT
  target: 2600
  date: 2026-07-15
  source: https://example.com/gs-small-caps

- org: Société Générale
  index: RUT
  target: 2450.5
  date: "2026-06-30"
  source: https://example.com/sg
`;

describe('parseTargetsFile', () => {
  it('reads every entry with its line, aliases resolved to keys', () => {
    expect(parse(GOOD)).toEqual({
      targets: [
        {
          org: 'Goldman Sachs',
          index: 'RUT',
          target: 2600,
          date: '2026-07-15',
          source: 'https://example.com/gs-small-caps',
          file: FILE,
          line: 2,
        },
        {
          org: 'Société Générale',
          index: 'RUT',
          target: 2450.5,
          date: '2026-06-30',
          source: 'https://example.com/sg',
          file: FILE,
          line: 8,
        },
      ],
      problems: [],
    });
  });

  it.each([
    ['', 0],
    ['# no targets yet\n', 0],
  ])('an empty file (%j) has no targets and no problems', (text) => {
    expect(parse(text)).toEqual({ targets: [], problems: [] });
  });

  // Each case: one bad entry after a good one (lines 1-5); the line is where the editor must look.
  const afterGood = (entry: string) =>
    `- org: A\n  index: RUT\n  target: 2500\n  date: 2026-07-01\n  source: https://a.example\n${entry}`;
  it.each([
    ['target: "2,600"', 'target', 8, 'target: Invalid input: expected number, received string'],
    ['target: -5', 'target', 8, 'target: Too small: expected number to be >0'],
    ['date: 2026-02-30', 'date', 9, 'date: expected a YYYY-MM-DD date'],
    ['source: ftp://x.example', 'source', 10, 'source: expected an http(s) URL'],
    ['org: "!!"', 'org', 6, 'org: needs a letter or digit'],
  ])('reports %s on its line', (bad, field, line, message) => {
    const fields: Record<string, string> = {
      org: 'org: B',
      index: 'index: RUT',
      target: 'target: 2600',
      date: 'date: 2026-07-02',
      source: 'source: https://b.example',
    };
    const key = bad.split(':')[0]!;
    const entry = Object.entries(fields)
      .map(([k, v]) => (k === key ? bad : v))
      .map((v, k) => (k === 0 ? `- ${v}` : `  ${v}`))
      .join('\n');
    const { targets, problems } = parse(afterGood(`${entry}\n`));
    expect(targets.map((t) => t.org)).toEqual(['A']); // the good entry survives
    expect(problems).toEqual([
      {
        severity: 'error',
        code: 'targets/invalid',
        message,
        hint: expect.any(String),
        file: FILE,
        line,
        column: field,
      },
    ]);
  });

  it('reports a misspelt key on its line, and the field it left missing on the entry', () => {
    const { problems } = parse(
      afterGood('- org: B\n  index: RUT\n  target: 2600\n  date: 2026-07-02\n  soruce: https://b.example\n'),
    );
    expect(problems).toMatchObject([
      { line: 6, column: 'source', message: 'source: is required' },
      { line: 10, column: 'soruce', message: 'soruce: Unrecognized key: "soruce"' },
    ]);
  });

  it('points a missing field at its entry', () => {
    const { problems } = parse(
      afterGood('- org: B\n  index: RUT\n  date: 2026-07-02\n  source: https://b.example\n'),
    );
    expect(problems).toMatchObject([{ line: 6, column: 'target', message: 'target: is required' }]);
  });

  it('rejects an index that is not a configured series', () => {
    const { problems } = parse(
      afterGood('- org: B\n  index: R2K\n  target: 2600\n  date: 2026-07-02\n  source: https://b.example\n'),
    );
    expect(problems).toMatchObject([
      {
        code: 'targets/unknown-index',
        line: 7,
        column: 'index',
        message: 'index: R2K is not a configured series',
      },
    ]);
  });

  it.each([
    ['- org: A\n  target: [1,\n', 'targets/yaml', 3],
    ['- org: A\n  org: B\n', 'targets/yaml', 2],
    ['targets:\n  - org: A\n', 'targets/not-a-list', 1],
    ['- just a line\n', 'targets/invalid', 1],
  ])('reports a file that is not a list of entries (%j)', (text, code, line) => {
    const { targets, problems } = parse(text);
    expect(targets).toEqual([]);
    expect(problems[0]).toMatchObject({ severity: 'error', code, file: FILE, line });
  });
});

describe('target upside', () => {
  const rut = (date: string, close: number) => ({ series: 'RUT', date, close });
  const target = (
    org: string,
    value: number,
    date: string,
    extra: Partial<PriceTarget> = {},
  ): PriceTarget => ({
    org,
    index: 'RUT',
    target: value,
    date,
    source: 'https://example.com',
    file: FILE,
    line: 2,
    ...extra,
  });

  it.each([
    [2600, 2400, 2600 / 2400 - 1], // 0.083333: 8.3% upside
    [2200, 2400, 2200 / 2400 - 1], // −0.083333: the index is above the target
    [2400, 2400, 0],
  ])('target %s over close %s is %s', (value, close, expected) => {
    const { results, problems } = targetUpsideStats(
      [target('Goldman Sachs', value, '2026-07-15')],
      rut('2026-07-31', close),
    );
    expect(valueFor(results, 'target.goldman-sachs.upside')).toBeCloseTo(expected, 12);
    // The same distance in index points: 2600 − 2400 = 200, 2200 − 2400 = −200.
    expect(valueFor(results, 'target.goldman-sachs.upside.points')).toBeCloseTo(value - close, 9);
    expect(results[0]).toMatchObject({
      inputs: [
        rut('2026-07-31', close),
        { series: 'RUT.target.goldman-sachs', date: '2026-07-15', close: value },
      ],
    });
    expect(problems).toEqual([]);
  });

  it('leaves out a target older than 90 days, with a warning on its line', () => {
    // 2026-04-30 → 2026-07-31 is 92 days; 2026-05-02 is exactly 90 and still counts.
    const { results, problems } = targetUpsideStats(
      [target('Old Bank', 2500, '2026-04-30', { line: 14 }), target('Recent Bank', 2500, '2026-05-02')],
      rut('2026-07-31', 2400),
    );
    const reason = 'the Old Bank target for RUT is from 2026-04-30, 92 days before 2026-07-31 (limit 90)';
    expect(missingFor(results, 'target.old-bank.upside')).toBe(reason);
    expect(missingFor(results, 'target.old-bank.upside.points')).toBe(reason);
    expect(valueFor(results, 'target.recent-bank.upside')).toBeCloseTo(2500 / 2400 - 1, 12);
    expect(problems).toEqual([
      {
        severity: 'warning',
        code: 'targets/stale',
        message: reason,
        hint: expect.any(String),
        file: FILE,
        line: 14,
        symbol: 'RUT',
        date: '2026-04-30',
      },
    ]);
  });

  it('takes the age limit as an option', () => {
    const { results } = targetUpsideStats([target('A', 2500, '2026-07-01')], rut('2026-07-31', 2400), 29);
    expect(missingFor(results, 'target.a.upside')).toContain('30 days before 2026-07-31 (limit 29)');
  });

  it('uses the latest target per organisation known on the as-of date, for that index only', () => {
    const { results, problems } = targetUpsideStats(
      [
        target('Goldman Sachs', 2300, '2026-06-01'),
        target('Goldman Sachs', 2600, '2026-07-15'),
        target('Goldman Sachs', 9999, '2026-08-15'), // published after as-of: not known yet
        target('Goldman Sachs', 5000, '2026-07-20', { index: 'SPX' }),
      ],
      rut('2026-07-31', 2400),
    );
    expect(results.map((r) => r.id)).toEqual([
      'target.goldman-sachs.upside',
      'target.goldman-sachs.upside.points',
    ]);
    expect(valueFor(results, 'target.goldman-sachs.upside')).toBeCloseTo(2600 / 2400 - 1, 12);
    expect(problems).toEqual([]);
  });

  it('warns about two different targets from one organisation on one date, and uses the later entry', () => {
    const { results, problems } = targetUpsideStats(
      [
        target('Goldman Sachs', 2500, '2026-07-15'),
        target('goldman  sachs', 2600, '2026-07-15', { line: 9 }),
      ],
      rut('2026-07-31', 2400),
    );
    expect(valueFor(results, 'target.goldman-sachs.upside')).toBeCloseTo(2600 / 2400 - 1, 12);
    expect(problems).toMatchObject([{ severity: 'warning', code: 'targets/duplicate', line: 9 }]);
  });

  it.each([
    ['Goldman Sachs', 'goldman-sachs'],
    ['Société Générale', 'societe-generale'],
    ['J.P. Morgan', 'j-p-morgan'],
    ['BofA Global Research', 'bofa-global-research'],
    ['Morgan Stanley & Co.', 'morgan-stanley-and-co'],
    ['  Wells   Fargo  ', 'wells-fargo'],
  ])('slug of %j is %s', (org, slug) => {
    expect(orgSlug(org)).toBe(slug);
  });

  it('upside × close + close gives back the target, for any positive levels', () => {
    const level = fc.double({ min: 1, max: 1e5, noNaN: true });
    fc.assert(
      fc.property(level, level, (value, close) => {
        const { results } = targetUpsideStats([target('A', value, '2026-07-15')], rut('2026-07-31', close));
        const upside = valueFor(results, 'target.a.upside') as number;
        expect(close * (1 + upside)).toBeCloseTo(value, 6);
      }),
    );
  });
});

describe('content/inputs/targets.example.yaml', () => {
  it('is valid, so an editor who copies it starts from a file that loads (the README points to it)', () => {
    const path = fileURLToPath(new URL('../../content/inputs/targets.example.yaml', import.meta.url));
    const { targets, problems } = parse(readFileSync(path, 'utf8'));
    expect(problems).toEqual([]);
    // The two placeholder entries of the example file, in file order.
    expect(targets.map((t) => [t.org, t.index, t.target])).toEqual([
      ['Example Securities', 'RUT', 2600],
      ['Placeholder Bank', 'SPX', 7000],
    ]);
  });
});
