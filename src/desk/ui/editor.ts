/**
 * The editor: CodeMirror 6 on the whole file (front matter and body, markdown mode), the marks
 * as chips (chips.ts), and the live check as lint diagnostics: the same check as `wirecopy
 * check`, run on the server on the unsaved text (POST /api/check), debounced, each diagnostic
 * carrying its rule id, its fix (the hint) and, where the rule knows the right value, a
 * one-click replacement.
 */
import { markdownLanguage } from '@codemirror/lang-markdown';
import { type Diagnostic, linter, lintGutter } from '@codemirror/lint';
import { EditorView } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import type { LiveCheck, Diagnostic as ServerDiagnostic } from '../wire.ts';
import { call } from './api.ts';
import { markChips } from './chips.ts';

/** The server's answer to a live check (src/desk/live-check.ts), as it arrives in JSON. */
export type CheckResult = LiveCheck;

/** How long the editor waits after the last keystroke before checking: a typed word, not every key. */
export const CHECK_DELAY_MS = 250;

export function toDiagnostic(d: ServerDiagnostic, length: number): Diagnostic {
  const from = Math.min(d.from, length);
  const to = Math.min(Math.max(d.to, from), length);
  const severity = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'info';
  return {
    from,
    to,
    severity,
    source: d.rule,
    message: d.hint ? `${d.message}\nFix: ${d.hint}` : d.message,
    actions: (d.expected ?? []).slice(0, 3).flatMap((value) =>
      d.actual !== undefined && to > from
        ? [
            {
              name: `Use ${value}`,
              apply(view: EditorView, start: number, end: number) {
                const text = view.state.sliceDoc(start, end);
                const at = text.indexOf(d.actual ?? '');
                if (at === -1) return;
                view.dispatch({
                  changes: { from: start + at, to: start + at + (d.actual ?? '').length, insert: value },
                });
              },
            },
          ]
        : [],
    ),
  };
}

export function createEditor(
  parent: HTMLElement,
  options: {
    name: () => string;
    onChange: (text: string) => void;
    onCheck: (result: CheckResult) => void;
  },
): EditorView {
  const check = linter(
    async (view) => {
      const text = view.state.doc.toString();
      const answer = await call<CheckResult>('POST', '/api/check', { name: options.name(), text });
      // The text moved on while the check ran: its places would be wrong, the next run follows.
      if (answer.status !== 200 || view.state.doc.toString() !== text) return [];
      options.onCheck(answer.json);
      return answer.json.diagnostics.map((d) => toDiagnostic(d, text.length));
    },
    { delay: CHECK_DELAY_MS },
  );
  return new EditorView({
    parent,
    extensions: [
      basicSetup,
      // The markdown grammar alone: markdown() would add HTML, CSS and JavaScript parsers for
      // embedded code, some 120 KB the desk does not need (a draft carries no code blocks).
      markdownLanguage.extension,
      EditorView.lineWrapping,
      markChips,
      lintGutter(),
      check,
      EditorView.updateListener.of((update) => {
        if (update.docChanged) options.onChange(update.state.doc.toString());
      }),
    ],
  });
}
