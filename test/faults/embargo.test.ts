/**
 * Fault matrix, issue 16 item 7: the embargo failed open. An embargo the notes file did not say
 * quite right (`yes`, `"true"`, `1`), or whose entry had a misspelt sibling field, or a file with
 * a duplicated key, dropped the whole entry with a one-line warning: `draft` exited 0 and
 * `approve` published. And an embargo added to notes.yaml after the draft was edited was never
 * applied, since review read only the copy in the draft.
 *
 * Now each of these holds the session: `draft` writes the draft carrying `hold:` and exits 2 with
 * the notes file and line; `check` and `approve` (which read notes.yaml at their own time) fail
 * on it, naming the file and line; and no article appears.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { demoWorkspace, filesIn, SESSION, writeNotes } from './support-draftstate.ts';

const NOTES = 'content/inputs/notes.yaml';

describe('an unreadable notes entry holds its session', () => {
  it.each([
    {
      name: 'embargo: yes (a YAML 1.1 boolean, text in YAML 1.2)',
      lines: ['dates:', `  ${SESSION}:`, '    embargo: yes'],
      line: 3,
      problem: 'error notes/invalid-field: embargo: must be true or false (found "yes")',
    },
    {
      name: 'embargo: "true" (quoted: text)',
      lines: ['dates:', `  ${SESSION}:`, '    embargo: "true"'],
      line: 3,
      problem: 'error notes/invalid-field: embargo: must be true or false (found "true")',
    },
    {
      name: 'embargo: 1',
      lines: ['dates:', `  ${SESSION}:`, '    embargo: 1'],
      line: 3,
      problem: 'error notes/invalid-field: embargo: must be true or false (found 1)',
    },
    {
      name: 'a typo in a sibling field of a valid embargo',
      lines: ['dates:', `  ${SESSION}:`, '    editorNot: Hold for the Monday edition.', '    embargo: true'],
      line: 3,
      problem: 'error notes/unknown-field: editorNot is not a known field here (a typo?)',
    },
    {
      name: 'a duplicated date key',
      lines: ['dates:', `  ${SESSION}:`, '    embargo: true', `  ${SESSION}:`, '    editorNote: Later note.'],
      line: 4,
      problem: 'error notes/yaml-syntax: Map keys must be unique',
    },
  ])(
    'regression: $name blocks approval with notes.yaml:line, and no article appears',
    async ({ lines, line, problem }) => {
      const ws = await demoWorkspace();
      writeNotes(ws, lines);
      const draft = await ws.run(['draft']);
      expect(draft.code).toBe(2);
      expect(draft.stderr).toContain(`session held: ${NOTES}:${line} ${problem}`);
      expect(draft.stderr).toContain(`The desk's notes for the ${SESSION} session could not be read`);
      expect(draft.stderr).not.toContain('input left out');

      // The draft is written, and carries that it is held.
      const [name] = filesIn(ws, 'drafts');
      const path = join(ws.dir, 'content', 'drafts', name!);
      expect(String(matter(readFileSync(path, 'utf8')).data['hold'])).toContain(`${NOTES}:${line}: `);

      const check = await ws.run(['check', path]);
      expect(check.code).toBe(1);
      expect(check.stdout).toContain(
        `error wirecopy:embargo: The desk's notes cannot be read, so the ${SESSION} session is held as if embargoed: ${NOTES}:${line}`,
      );

      const before = readFileSync(path, 'utf8');
      const approve = await ws.run(['approve', path, '--by', 'Editor', '--allow-demo']);
      expect(approve.code).toBe(1);
      expect(approve.stderr).toContain(`${NOTES}:${line}`);
      expect(filesIn(ws, 'articles')).toEqual([]);
      expect(readFileSync(path, 'utf8')).toBe(before);
    },
  );

  it('regression: an embargo added after the draft was edited blocks approval with notes.yaml:line', async () => {
    const ws = await demoWorkspace();
    expect((await ws.run(['draft'])).code).toBe(0);
    const [name] = filesIn(ws, 'drafts');
    const path = join(ws.dir, 'content', 'drafts', name!);
    // The editor's edit: a sentence at the top of the body, so the draft is no longer the generator's.
    const edited = readFileSync(path, 'utf8').replace('\n---\n\n', '\n---\n\nA note from the desk. ');
    writeFileSync(path, edited);
    expect(edited).not.toContain('embargo');
    writeNotes(ws, [
      'dates:',
      `  ${SESSION}:`,
      '    editorNote: Numbers under embargo until Monday.',
      '    embargo: true',
    ]);

    const check = await ws.run(['check', path]);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(
      `error wirecopy:embargo: The desk has embargoed the ${SESSION} session (${NOTES}:4).`,
    );

    const approve = await ws.run(['approve', path, '--by', 'Editor', '--allow-demo']);
    expect(approve.code).toBe(1);
    expect(approve.stderr).toContain(`${NOTES}:4`);
    expect(filesIn(ws, 'articles')).toEqual([]);
    expect(readFileSync(path, 'utf8')).toBe(edited);
  });

  it('regression: the daily run holds the session too: drafts written with hold:, exit 2 naming notes.yaml:line', async () => {
    const ws = await demoWorkspace();
    writeNotes(ws, ['dates:', `  ${SESSION}:`, '    embargo: yes']);
    const run = await ws.run(['run', '--offline']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`session held: ${NOTES}:3 error notes/invalid-field`);
    expect(run.stdout).toMatch(/^Summary: .*drafts: 1 created/m);
    const [name] = filesIn(ws, 'drafts');
    expect(readFileSync(join(ws.dir, 'content', 'drafts', name!), 'utf8')).toMatch(
      /^hold: .*notes\.yaml:3: /m,
    );
  });

  it('an unreadable entry for another session holds only that one: today drafts and approves', async () => {
    const ws = await demoWorkspace();
    writeNotes(ws, ['dates:', '  2026-11-19:', '    embargo: yes']);
    const draft = await ws.run(['draft']);
    expect(draft.code).toBe(0);
    expect(draft.stderr).toContain(`input left out: ${NOTES}:3 error notes/invalid-field`);
    const [name] = filesIn(ws, 'drafts');
    const approve = await ws.run([
      'approve',
      join(ws.dir, 'content', 'drafts', name!),
      '--by',
      'Editor',
      '--allow-demo',
    ]);
    expect(approve.stderr).toBe('');
    expect(approve.code).toBe(0);
    // The piece and the Open Graph image approve draws beside it.
    expect(filesIn(ws, 'articles')).toEqual([name, name!.replace(/\.md$/, '.og.png')]);
  });
});
