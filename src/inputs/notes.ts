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
 * A missing file means no notes. Every problem is reported on its line. An embargo fails closed:
 * a session whose entry cannot be read (`embargo: yes`, a misspelt field beside it) is *held*,
 * as if embargoed, and so is every session when the file itself cannot be read (a syntax error,
 * a duplicated key, a date key that is not a date, an unknown top-level field): half-read notes
 * could otherwise drop an embargo without a word. A bad `nextFedMeeting` holds nothing.
 */
import { z } from 'zod';
import { isIsoDate } from '../calendar/dates.ts';
import type { InputProblem, IsoDate } from '../types.ts';
import {
  type Hints,
  isoDateField,
  lineOf,
  parseYamlInput,
  readOptionalInput,
  validateYaml,
} from './yaml-lines.ts';

const dateNoteSchema = z.strictObject({
  editorNote: z.string().trim().min(1, 'must not be empty').optional(),
  embargo: z.boolean({ error: 'must be true or false' }).optional(),
});

export const notesSchema = z.strictObject({
  nextFedMeeting: isoDateField.optional(),
  dates: z.record(isoDateField, dateNoteSchema).optional(),
});

export type Notes = z.infer<typeof notesSchema>;

/** The file's shape, each date entry left to be validated alone. */
const notesOutlineSchema = z.strictObject({
  nextFedMeeting: z.unknown().optional(),
  dates: z.record(isoDateField, z.unknown()).optional(),
});

/** A problem that leaves an embargo unknown: `date`'s pieces are held, or every session's. */
export interface NotesHold {
  /** The session held; undefined: every session (the file as a whole could not be read). */
  date: IsoDate | undefined;
  problem: InputProblem;
}

export interface NotesResult {
  /** The path shown in problems. */
  file: string;
  notes: Notes;
  /** Every problem, holds included. */
  problems: InputProblem[];
  holds: NotesHold[];
  /** The line of each session's `embargo: true`, for messages that point at it. */
  embargoLines: Record<IsoDate, number>;
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
  const everySession = (problem: InputProblem): NotesHold => ({ date: undefined, problem });
  if (input.data === null || problems.some((p) => p.severity === 'error')) {
    const holds = problems.filter((p) => p.severity === 'error').map(everySession);
    return { file, notes: {}, problems, holds, embargoLines: {} };
  }
  const outline = validateYaml(input, [], input.data, notesOutlineSchema, 'notes', HINTS);
  const holds = outline.problems.map(everySession);
  const all = [...problems, ...outline.problems];
  const raw = isRecord(input.data) ? input.data : {};
  const notes: Notes = {};
  if (raw['nextFedMeeting'] !== undefined) {
    const meeting = validateYaml(
      input,
      ['nextFedMeeting'],
      raw['nextFedMeeting'],
      isoDateField,
      'notes',
      HINTS,
    );
    all.push(...meeting.problems);
    if (meeting.value !== undefined) notes.nextFedMeeting = meeting.value;
  }
  const embargoLines: Record<IsoDate, number> = {};
  for (const [date, entry] of Object.entries(isRecord(raw['dates']) ? raw['dates'] : {})) {
    if (!isIsoDate(date)) continue; // reported by the outline, and it holds every session
    const day = validateYaml(input, ['dates', date], entry, dateNoteSchema, 'notes', HINTS);
    all.push(...day.problems);
    holds.push(...day.problems.map((problem) => ({ date, problem })));
    if (day.value === undefined) continue;
    notes.dates = { ...notes.dates, [date]: day.value };
    if (day.value.embargo === true) embargoLines[date] = lineOf(input, ['dates', date, 'embargo']);
  }
  // When the file as a whole is in doubt, none of it is used: every session is held anyway.
  if (holds.some((h) => h.date === undefined))
    return { file, notes: {}, problems: all, holds, embargoLines: {} };
  return { file, notes, problems: all, holds, embargoLines };
}

/** Reads the notes file at `path`; no file, no notes. `file` is the path shown in problems. */
export function loadNotes(path: string, file = path): NotesResult {
  const source = readOptionalInput(path);
  return source === undefined
    ? { file, notes: {}, problems: [], holds: [], embargoLines: {} }
    : parseNotes(source, file);
}

/** Whether the desk's notes let the pieces of session `asOf` through, and if not, where they say so. */
export type SessionEmbargo =
  | { held: false }
  | { held: true; reason: 'embargo'; file: string; line: number }
  | { held: true; reason: 'unreadable'; problems: InputProblem[] };

export function embargoOf(result: NotesResult, asOf: IsoDate): SessionEmbargo {
  const unreadable = result.holds
    .filter((h) => h.date === undefined || h.date === asOf)
    .map((h) => h.problem);
  if (unreadable.length > 0) return { held: true, reason: 'unreadable', problems: unreadable };
  const line = result.embargoLines[asOf];
  return line === undefined ? { held: false } : { held: true, reason: 'embargo', file: result.file, line };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
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
