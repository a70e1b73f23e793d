/**
 * The review check on the text in the editor, as the editor types: the same pipeline as
 * `wirecopy check` (src/review/check.ts) on the unsaved text, each message placed as offsets into
 * that text for CodeMirror's lint diagnostics, with its rule id, its hint (the fix) and, where the
 * rule knows it, the value it expected (offered as a one-click replacement).
 */
import { type CheckOptions, checkText } from '../review/check.ts';
import { messageJson } from '../review/format-report.ts';
import type { LiveCheck } from './wire.ts';

/** Offsets of line starts, for turning the check's 1-based line:column into offsets. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

export async function liveCheck(text: string, path: string, options: CheckOptions): Promise<LiveCheck> {
  const started = performance.now();
  const checked = await checkText(text, path, options);
  const starts = lineStarts(text);
  const offset = (line: number | undefined, column: number | undefined) => {
    if (line === undefined) return 0;
    const start = starts[Math.min(Math.max(line, 1), starts.length) - 1] ?? 0;
    return Math.min(start + Math.max((column ?? 1) - 1, 0), text.length);
  };
  const diagnostics = checked.file.messages.map((message) => {
    const json = messageJson(message);
    const from = offset(json.line, json.column);
    const to = json.endLine === undefined ? from : offset(json.endLine, json.endColumn);
    return { ...json, from, to: Math.max(to, from) };
  });
  return {
    ...checked.counts,
    unreadable: checked.unreadable,
    diagnostics,
    ms: Math.round((performance.now() - started) * 10) / 10,
  };
}
