import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadNotes, notesFor } from '../../src/inputs/notes.ts';

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

  it('a missing file is no notes, not a problem', () => {
    expect(loadNotes(fixture('no-such-file.yaml'))).toEqual({ notes: {}, problems: [] });
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
