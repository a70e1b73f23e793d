import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { embargoOf, loadNotes, notesFor, parseNotes } from '../../src/inputs/notes.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/inputs/${name}`, import.meta.url));

describe('notes.yaml', () => {
  it('reads a valid file', () => {
    const { notes, problems } = loadNotes(fixture('notes-valid.yaml'), 'notes.yaml');
    expect(problems).toEqual([]);
    expect(notes).toEqual({
      nextFedMeeting: '2026-12-09',
      dates: { '2026-11-27': { editorNote: 'Markets close early.' }, '2026-12-01': { embargo: true } },
    });
  });

  it('reports each problem on its line and uses none of the notes', () => {
    // notes-broken.yaml: 2026-12-32 (line 1), embargo "yes please" (line 5), the key
    // 2026-13-01 (line 6), the unknown field "note" (line 9).
    const { notes, problems } = loadNotes(fixture('notes-broken.yaml'), 'content/inputs/notes.yaml');
    expect(problems.map((p) => `${p.code}@${p.line}`).sort()).toEqual([
      'notes/bad-date@1',
      'notes/bad-date@6',
      'notes/invalid-field@5',
      'notes/unknown-field@9',
    ]);
    expect(problems.find((p) => p.line === 5)!.message).toBe(
      'embargo: must be true or false (found "yes please")',
    );
    expect(notes).toEqual({});
  });

  it('holds the session whose entry cannot be read, and keeps the embargo of the others', () => {
    const source = [
      'dates:',
      '  2026-12-01:',
      '    embargo: true',
      '  2026-12-02:',
      '    embargo: yes',
      '',
    ].join('\n');
    const result = parseNotes(source, 'notes.yaml');
    expect(result.notes).toEqual({ dates: { '2026-12-01': { embargo: true } } });
    expect(result.holds.map((h) => `${h.date}@${h.problem.line}`)).toEqual(['2026-12-02@5']);
    expect(embargoOf(result, '2026-12-01')).toEqual({
      held: true,
      reason: 'embargo',
      file: 'notes.yaml',
      line: 3,
    });
    expect(embargoOf(result, '2026-12-02')).toMatchObject({ held: true, reason: 'unreadable' });
    expect(embargoOf(result, '2026-12-03')).toEqual({ held: false });
  });

  it('holds every session when the file as a whole cannot be read', () => {
    // notes-broken.yaml line 6 has the key 2026-13-01: whichever session it meant, it is held.
    const result = loadNotes(fixture('notes-broken.yaml'), 'notes.yaml');
    expect(embargoOf(result, '2030-01-02')).toMatchObject({ held: true, reason: 'unreadable' });
    const unknownTop = parseNotes('date:\n  2026-12-01:\n    embargo: true\n', 'notes.yaml');
    expect(unknownTop.holds.map((h) => [h.date, h.problem.code, h.problem.line])).toEqual([
      [undefined, 'notes/unknown-field', 1],
    ]);
  });

  it('a bad nextFedMeeting holds nothing: it cannot hide an embargo', () => {
    const result = parseNotes('nextFedMeeting: someday\n', 'notes.yaml');
    expect(result.problems.map((p) => p.code)).toEqual(['notes/bad-date']);
    expect(result.holds).toEqual([]);
  });

  it('a missing file is no notes, not a problem', () => {
    expect(loadNotes(fixture('no-such-file.yaml'))).toMatchObject({ notes: {}, problems: [], holds: [] });
  });

  const notes = {
    nextFedMeeting: '2026-12-09',
    dates: { '2026-11-27': { editorNote: 'Early close.' }, '2026-12-01': { embargo: true } },
  };
  it.each([
    [
      'a day with a note',
      '2026-11-27',
      { nextFedMeeting: '2026-12-09', editorNote: 'Early close.', embargo: false },
    ],
    ['an embargoed day', '2026-12-01', { nextFedMeeting: '2026-12-09', embargo: true }],
    ['the meeting day itself', '2026-12-09', { nextFedMeeting: '2026-12-09', embargo: false }],
    ['the day after the meeting: it is no longer next', '2026-12-10', { embargo: false }],
  ])('notesFor: %s', (_name, asOf, expected) => {
    expect(notesFor(notes, asOf)).toEqual(expected);
  });
});

describe('content/inputs/notes.example.yaml', () => {
  it('is valid, so an editor who copies it starts from a file that loads', () => {
    const path = fileURLToPath(new URL('../../content/inputs/notes.example.yaml', import.meta.url));
    const { notes, problems } = loadNotes(path);
    expect(problems).toEqual([]);
    expect(notes.nextFedMeeting).toBe('2026-12-09');
  });
});
