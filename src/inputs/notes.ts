/**
 * `content/inputs/notes.yaml`: what an editor knows that the data does not.
 *
 * - `nextFedMeeting`: the next FOMC decision date, for an unscheduled meeting announced after
 *   the calendar in `src/calendar/fomc.ts` was written; the calendar is used otherwise.
 * - `dates.<YYYY-MM-DD>.editorNote`: a note printed with that session's pieces (an early close,
 *   a data correction, a holiday schedule).
 * - `dates.<YYYY-MM-DD>.embargo: true`: that session's drafts are held and must not be approved
 *   (numbers or quotes under embargo until a release).
 *
 * A missing file means no notes. A problem is reported on its line and the file's notes are not
 * used, since half-read notes could drop an embargo.
 */
import { z } from 'zod';
import type { InputProblem, IsoDate } from '../types.ts';
import { type Hints, isoDateField, parseYamlInput, readOptionalInput, validateYaml } from './yaml-lines.ts';

const dateNoteSchema = z.strictObject({
  editorNote: z.string().trim().min(1, 'must not be empty').optional(),
  embargo: z.boolean({ error: 'must be true or false' }).optional(),
});

export const notesSchema = z.strictObject({
  nextFedMeeting: isoDateField.optional(),
  dates: z.record(isoDateField, dateNoteSchema).optional(),
});

export type Notes = z.infer<typeof notesSchema>;

export interface NotesResult {
  notes: Notes;
  problems: InputProblem[];
}

const HINTS: Hints = {
  'unknown-field': 'notes.yaml knows nextFedMeeting and dates; each date knows editorNote and embargo.',
  'bad-date':
    'Write dates as YYYY-MM-DD, e.g. 2026-12-09; a date under dates: is the session date it is for.',
  'missing-field': 'Give the field a value or remove the line.',
  'invalid-field': 'Check the field against content/inputs/notes.example.yaml.',
};

export function parseNotes(source: string, file: string): NotesResult {
  const { input, problems } = parseYamlInput(source, file, 'notes');
  if (input.data === null || problems.some((p) => p.severity === 'error')) return { notes: {}, problems };
  const result = validateYaml(input, [], input.data, notesSchema, 'notes', HINTS);
  return { notes: result.value ?? {}, problems: [...problems, ...result.problems] };
}

/** Reads the notes file at `path`; no file, no notes. `file` is the path shown in problems. */
export function loadNotes(path: string, file = path): NotesResult {
  const source = readOptionalInput(path);
  return source === undefined ? { notes: {}, problems: [] } : parseNotes(source, file);
}

export interface NotesForDate {
  /** Only when on or after the as-of date: a past meeting is no longer "next". */
  nextFedMeeting?: IsoDate;
  editorNote?: string;
  embargo: boolean;
}

/** The notes that apply to the pieces of session `asOf`. */
export function notesFor(notes: Notes, asOf: IsoDate): NotesForDate {
  const day = notes.dates?.[asOf];
  return {
    ...(notes.nextFedMeeting !== undefined && notes.nextFedMeeting >= asOf
      ? { nextFedMeeting: notes.nextFedMeeting }
      : {}),
    ...(day?.editorNote === undefined ? {} : { editorNote: day.editorNote }),
    embargo: day?.embargo ?? false,
  };
}
