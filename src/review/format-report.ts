/**
 * How check results are printed: one line per message, `file:line:col severity rule: message`
 * (the form editors and CI annotate), the hint indented under it; or one JSON object.
 */
import { escapeControls } from '../echo-safe.ts';
import type { CheckedFile } from './check.ts';
import type { MessageJson } from './message-json.ts';
import { type FileMessage, ruleIdOf, severityOf } from './messages.ts';

export interface FileJson {
  file: string;
  errors: number;
  warnings: number;
  infos: number;
  unreadable: boolean;
  messages: MessageJson[];
}

export function messageJson(message: FileMessage): MessageJson {
  return {
    line: message.line,
    column: message.column,
    endLine: message.place && 'end' in message.place ? message.place.end.line : undefined,
    endColumn: message.place && 'end' in message.place ? message.place.end.column : undefined,
    severity: severityOf(message),
    rule: ruleIdOf(message),
    message: message.reason,
    hint: message.note,
    actual: message.actual,
    expected: message.expected,
  };
}

export function fileJson(checked: CheckedFile, shownPath: string): FileJson {
  return {
    file: shownPath,
    ...checked.counts,
    unreadable: checked.unreadable,
    messages: checked.file.messages.map(messageJson),
  };
}

export function formatMessage(message: FileMessage, shownPath: string): string {
  const place =
    message.line === undefined ? shownPath : `${shownPath}:${message.line}:${message.column ?? 1}`;
  // Escaped here too: messages of third-party plugins (retext) quote the draft as well.
  const line = escapeControls(`${place} ${severityOf(message)} ${ruleIdOf(message)}: ${message.reason}`);
  return message.note ? `${line}\n    ${message.note}` : line;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "2 errors, 1 warning", "ok" (infos are listed but not counted against a draft). */
export function formatCounts({
  counts,
  unreadable,
}: {
  counts: { errors: number; warnings: number };
  unreadable: boolean;
}): string {
  if (unreadable) return 'unreadable';
  if (counts.errors === 0 && counts.warnings === 0) return 'ok';
  return [plural(counts.errors, 'error'), plural(counts.warnings, 'warning')].join(', ');
}
