/**
 * How a review rule reports: a VFile message with a place, a rule id (`wirecopy:<rule>`), a
 * severity and a hint. VFile spells severity as `fatal`: true is an error (the draft cannot be
 * approved), false a warning, undefined an info. Nothing here throws: a content problem is a
 * message on the file, so one run reports every problem at once.
 */
import type { Point, Position } from 'unist';
import type { VFile } from 'vfile';
import { escapeControls } from '../echo-safe.ts';

export const RULE_SOURCE = 'wirecopy';

export type Severity = 'error' | 'warning' | 'info';

export type FileMessage = ReturnType<VFile['message']>;

export interface ReportOptions {
  place?: Point | Position | undefined;
  /** What to do about it, one sentence. */
  hint?: string;
  actual?: string;
  expected?: string[];
}

export function report(
  file: VFile,
  severity: Severity,
  rule: string,
  reason: string,
  options: ReportOptions = {},
): FileMessage {
  // Reasons quote the draft; a control character in it must not reach the terminal raw.
  const message = file.message(escapeControls(reason), {
    place: options.place,
    ruleId: rule,
    source: RULE_SOURCE,
  });
  message.fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined;
  if (options.hint !== undefined) message.note = options.hint;
  if (options.actual !== undefined) message.actual = options.actual;
  if (options.expected !== undefined) message.expected = options.expected;
  return message;
}

export function severityOf(message: FileMessage): Severity {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info';
}

/** `wirecopy:number-without-fact`, `retext-readability:readability`. */
export function ruleIdOf(message: FileMessage): string {
  return [message.source, message.ruleId].filter(Boolean).join(':');
}

export interface MessageCounts {
  errors: number;
  warnings: number;
  infos: number;
}

export function countMessages(file: VFile): MessageCounts {
  const counts: MessageCounts = { errors: 0, warnings: 0, infos: 0 };
  for (const message of file.messages) {
    const severity = severityOf(message);
    if (severity === 'error') counts.errors++;
    else if (severity === 'warning') counts.warnings++;
    else counts.infos++;
  }
  return counts;
}
