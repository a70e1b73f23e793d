/**
 * Issue 14, item 4: `--json` on every verb that reports. stdout is then one JSON document (what
 * the job says along the way moves to stderr), and the exit codes stay what they were.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VERBS } from '../../src/cli/verbs.ts';
import { workspace } from '../support/cli.ts';

/** `preview` and `desk` serve until stopped, `completion` prints a shell script: no report. */
const NOTHING_TO_REPORT = new Set(['preview', 'desk', 'completion']);

describe('--json', () => {
  it('is an option of every verb that reports (or of each of its subcommands)', async () => {
    const without: string[] = [];
    for (const verb of VERBS) {
      if (NOTHING_TO_REPORT.has(verb.name)) continue;
      const command = (await verb.load())(() => {
        throw new Error('no context while building the command tree');
      });
      const commands = command.commands.length > 0 ? command.commands : [command];
      for (const c of commands) {
        if (!c.options.some((o) => o.long === '--json')) without.push(c.name());
      }
    }
    expect(without).toEqual([]);
  });

  // The demo dataset ends on the last session before WIRECOPY_TODAY: Friday 2026-11-20.
  const ws = workspace('2026-11-21');
  const json = async (args: string[]) => {
    const run = await ws.run([...args, '--json']);
    return { ...run, data: JSON.parse(run.stdout) as Record<string, unknown> };
  };

  it('demo, draft, check, diff, social and reject each print one JSON object', async () => {
    const demo = await json(['demo']);
    // 11 series (README, "Quick start"), from the first demo session to the last before today.
    expect(demo.data).toMatchObject({ dataset: 'demo', first: '1990-01-02', last: '2026-11-20', series: 11 });

    const draft = await json(['draft', '--story', 'daily-wrap']);
    expect(draft.code).toBe(0);
    expect(draft.data).toMatchObject({
      asOf: '2026-11-20',
      dataset: 'demo',
      held: [],
      drafts: [{ story: 'daily-wrap', path: 'content/drafts/2026-11-20-daily-wrap.md', outcome: 'created' }],
    });
    // The gate's line is for a person: with --json it is on stderr, not in the JSON.
    expect(draft.stderr).toContain('Data-quality gate: skipped');
    const file = 'content/drafts/2026-11-20-daily-wrap.md';

    const check = await json(['check', file]);
    expect(check.data).toMatchObject({ errors: 0, files: [{ file, errors: 0 }] });

    expect((await json(['diff', file])).data).toEqual({ file, changed: false, sections: [] });
    const path = join(ws.dir, file);
    writeFileSync(path, readFileSync(path, 'utf8').replace('Small caps', 'Smaller companies'));
    const diff = await json(['diff', file]);
    expect(diff.data['changed']).toBe(true);

    const social = await json(['social', file, '--network', 'x']);
    const posts = social.data['x'] as { text: string; weightedLength: number; limit: number }[];
    expect(posts.length).toBeGreaterThanOrEqual(1);
    // X counts 280 weighted characters (developer.x.com, "Counting characters").
    expect(posts[0]!.limit).toBe(280);
    expect(posts[0]!.weightedLength).toBeLessThanOrEqual(280);
    expect(social.data).not.toHaveProperty('linkedin');

    const reject = await json(['reject', file, '--by', 'Ann Editor', '--reason', 'test']);
    expect(reject.data).toEqual({ file, status: 'rejected', by: 'Ann Editor', reason: 'test' });
  });

  it('run --offline and draft --from --to print one JSON object too', async () => {
    const fresh = workspace('2026-11-21');
    const run = await fresh.run(['run', '--offline', '--json']);
    expect(run.code).toBe(0);
    const ran = JSON.parse(run.stdout) as { drafts: { path: string }[] };
    expect(ran).toMatchObject({
      // 2026-11-21 is a Saturday: the closed exchange is said before --offline is.
      fetched: 'nothing fetched (not a session)',
      asOf: '2026-11-20',
      dataset: 'demo',
    });
    expect(ran.drafts.length).toBeGreaterThanOrEqual(1);
    // The empty store's demo load is said on stderr.
    expect(run.stderr).toContain('loading the DEMO dataset');

    // Wednesday to Friday before Thanksgiving week: three NYSE sessions.
    const span = await fresh.run(['draft', '--from', '2026-11-18', '--to', '2026-11-20', '--json']);
    expect(span.code).toBe(0);
    const drafted = JSON.parse(span.stdout) as { drafts: { path: string }[] };
    expect(drafted).toMatchObject({ from: '2026-11-18', to: '2026-11-20', sessions: 3, asOf: '2026-11-20' });
    const sessions = new Set(drafted.drafts.map((d) => /(\d{4}-\d{2}-\d{2})-/.exec(d.path)?.[1]));
    expect([...sessions].sort()).toEqual(['2026-11-18', '2026-11-19', '2026-11-20']);

    const latest = drafted.drafts.find((d) => d.path.startsWith('content/drafts/2026-11-20-'))!;
    const approve = await fresh.run(['approve', latest.path, '--by', 'Ann Editor', '--allow-demo', '--json']);
    expect(approve.code).toBe(0);
    expect(JSON.parse(approve.stdout)).toMatchObject({
      file: latest.path,
      outcome: 'published',
      article: latest.path.replace('content/drafts/', 'content/articles/'),
      review: { by: 'Ann Editor' },
      check: { errors: 0 },
    });
  });

  it('import and templates check print one JSON object, and a rejected import keeps its exit code (2, input error)', async () => {
    const csv = join(ws.dir, 'RUT-two.csv');
    // Two sessions of a Yahoo-style file: the Monday and Tuesday before Thanksgiving 2026.
    writeFileSync(
      csv,
      'Date,Open,High,Low,Close,Adj Close,Volume\n2026-11-23,2400,2410,2390,2405.5,2405.5,0\n2026-11-24,2405,2420,2400,2418.25,2418.25,0\n',
    );
    const other = workspace('2026-11-30');
    const imported = await other.run(['import', csv, '--symbol', 'RUT', '--json']);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({
      imported: 1,
      files: [
        { status: 'imported', series: [{ symbol: 'RUT', rows: 2, first: '2026-11-23', last: '2026-11-24' }] },
      ],
    });

    const broken = join(ws.dir, 'RUT-broken.csv');
    writeFileSync(
      broken,
      'Date,Open,High,Low,Close,Adj Close,Volume\n2026-11-23,2400,2410,2390,oops,2405.5,0\n',
    );
    const rejected = await other.run(['import', broken, '--symbol', 'RUT', '--json']);
    expect(rejected.code).toBe(2);
    expect(JSON.parse(rejected.stdout)).toMatchObject({ imported: 0, files: [{ status: 'rejected' }] });

    const templates = await ws.run(['templates', 'check', '--json']);
    expect(templates.code).toBe(0);
    expect(JSON.parse(templates.stdout)).toMatchObject({ problems: 0 });
  });
});
