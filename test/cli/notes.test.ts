/**
 * The desk's notes (content/inputs/notes.yaml) reach the drafts: a session's editor note is
 * copied into the draft for the editor, an embargo makes review fail so approve refuses, and a
 * next Fed meeting the repo's FOMC calendar lacks joins the meetings the odds are priced for.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { HAS_MARKET_DATA, MARKET_DATA, workspace } from '../support/cli.ts';

describe('editor notes', () => {
  it('copies the note, records the embargo, and review refuses the embargoed piece', async () => {
    const ws = workspace('2026-11-21');
    mkdirSync(join(ws.dir, 'content', 'inputs'), { recursive: true });
    writeFileSync(
      join(ws.dir, 'content', 'inputs', 'notes.yaml'),
      [
        'dates:',
        '  2026-11-20:',
        '    editorNote: Hold for the Monday edition.',
        '    embargo: true',
        '',
      ].join('\n'),
    );
    expect((await ws.run(['run'])).code).toBe(0);
    const [file] = (await import('node:fs')).readdirSync(join(ws.dir, 'content', 'drafts'));
    const path = join(ws.dir, 'content', 'drafts', file!);
    const { data } = matter(readFileSync(path, 'utf8'));
    expect(data['note']).toBe('Hold for the Monday edition.');
    expect(data['embargo']).toBe(true);

    const check = await ws.run(['check', path]);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(
      /error wirecopy:embargo: The desk has embargoed the 2026-11-20 session \(content\/inputs\/notes.yaml:4\)/,
    );
    const approve = await ws.run(['approve', path, '--by', 'Editor', '--allow-demo']);
    expect(approve.code).toBe(1);
    expect(readFileSync(path, 'utf8')).toContain('embargo: true');
  });

  it('reports a bad notes file with file:line and drafts without it', async () => {
    const ws = workspace('2026-11-21');
    mkdirSync(join(ws.dir, 'content', 'inputs'), { recursive: true });
    writeFileSync(join(ws.dir, 'content', 'inputs', 'notes.yaml'), 'nextFedMeeting: someday\n');
    const result = await ws.run(['run']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      'input left out: content/inputs/notes.yaml:1 error notes/bad-date: nextFedMeeting',
    );
  });
});

describe.skipIf(!HAS_MARKET_DATA)('a Fed meeting from the notes', () => {
  it('is priced as the next meeting when the repo calendar does not list it (an unscheduled meeting)', async () => {
    const ws = workspace('2026-08-03');
    // The files run to 2026-08-24, past this workspace's 2026-08-03: the test flag lets those rows in.
    const files = ['FRED_rates.csv', 'ZQ'].map((f) => join(MARKET_DATA, f));
    expect((await ws.run(['import', ...files], { WIRECOPY_ALLOW_FUTURE_ROWS: '1' })).code).toBe(0);
    const odds = async () =>
      JSON.parse((await ws.run(['stats', '--as-of', '2026-07-31', '--json'])).stdout).facts;
    // By the repo's calendar the next meeting after 2026-07-31 is Sept. 16 (src/calendar/fomc.ts).
    expect((await odds())['FED.next_meeting'].value).toBe('2026-09-16');
    mkdirSync(join(ws.dir, 'content', 'inputs'), { recursive: true });
    writeFileSync(join(ws.dir, 'content', 'inputs', 'notes.yaml'), 'nextFedMeeting: 2026-08-20\n');
    const withNote = await odds();
    expect(withNote['FED.next_meeting'].value).toBe('2026-08-20');
    expect(typeof withNote['FED.cut_probability.next'].value).toBe('number');
  });
});
