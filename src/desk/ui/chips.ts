/**
 * The marks on numbers (`<!--fact:ID-->`, `<!--sourced: Source, YYYY-MM-DD-->`) as small chips:
 * each mark is replaced by a widget and made atomic, so the cursor steps over it and a backspace
 * takes the whole mark, never half of it. Deleting a number deletes the mark right after it
 * (a transaction filter widens the deletion), so no mark is left hanging on nothing; typing over
 * a number keeps its mark, and the live check then compares the new number with the fact.
 */
import { Annotation, EditorState, RangeSetBuilder, type Transaction } from '@codemirror/state';
import {
  Decoration,
  type DecorationSet,
  EditorView,
  ViewPlugin,
  type ViewUpdate,
  WidgetType,
} from '@codemirror/view';

/** A mark as the review reads it (src/review/markers.ts), spaces allowed. */
export const MARK = /<!--\s*(fact|sourced)\s*:?\s*([\s\S]*?)\s*-->/g;
const MARK_AT_START = new RegExp(`^${MARK.source}`);
/** The number a mark sits on: digits with separators, an optional sign, %, $ or a trailing word-free unit. */
const NUMBER_BEFORE = /[-+−]?\$?\d[\d,]*(?:\.\d+)?%?$/;

class MarkChip extends WidgetType {
  readonly kind: string;
  readonly detail: string;
  constructor(kind: string, detail: string) {
    super();
    this.kind = kind;
    this.detail = detail;
  }
  override eq(other: MarkChip) {
    return other.kind === this.kind && other.detail === this.detail;
  }
  toDOM() {
    const chip = document.createElement('span');
    chip.className = `cm-mark-chip cm-mark-${this.kind}`;
    chip.textContent = this.kind === 'fact' ? '◆' : '✎';
    chip.title = this.kind === 'fact' ? `fact: ${this.detail}` : `sourced: ${this.detail}`;
    chip.dataset['mark'] = this.kind;
    chip.dataset['detail'] = this.detail;
    return chip;
  }
  override ignoreEvent() {
    return false;
  }
}

function marks(state: EditorState): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  const text = state.doc.toString();
  for (const m of text.matchAll(MARK)) {
    builder.add(
      m.index,
      m.index + m[0].length,
      Decoration.replace({ widget: new MarkChip(m[1] ?? 'fact', m[2] ?? '') }),
    );
  }
  return builder.finish();
}

/** Set on the deletion of a mark this filter added, so it is not widened again. */
const widened = Annotation.define<boolean>();

const chipPlugin = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = marks(view.state);
    }
    update(update: ViewUpdate) {
      if (update.docChanged) this.decorations = marks(update.state);
    }
  },
  {
    decorations: (plugin) => plugin.decorations,
    provide: (plugin) =>
      EditorView.atomicRanges.of((view) => view.plugin(plugin)?.decorations ?? Decoration.none),
  },
);

/**
 * A pure deletion that takes a whole number (nothing typed in its place) takes the mark right
 * after it too. Only deletions: a replacement is an edit of the number, which keeps its mark.
 */
const numberTakesItsMark = EditorState.transactionFilter.of((tr: Transaction) => {
  if (!tr.docChanged || tr.annotation(widened)) return tr;
  const doc = tr.startState.doc;
  const extra: { from: number; to: number }[] = [];
  let onlyDeletions = true;
  tr.changes.iterChanges((fromA, toA, _fromB, _toB, inserted) => {
    if (inserted.length > 0) onlyDeletions = false;
    if (inserted.length > 0 || toA === fromA) return;
    const after = doc.sliceString(toA, Math.min(doc.length, toA + 200));
    const mark = MARK_AT_START.exec(after);
    if (!mark) return;
    const deleted = doc.sliceString(fromA, toA);
    const before = doc.sliceString(Math.max(0, fromA - 40), fromA);
    // The whole number is gone: what was deleted ends in a number and nothing of it is left before.
    if (NUMBER_BEFORE.test(deleted) && !/[\d.,$]$/.test(before)) {
      extra.push({ from: toA, to: toA + mark[0].length });
    }
  });
  if (!onlyDeletions || extra.length === 0) return tr;
  return [
    tr,
    {
      changes: extra.map((r) => ({ from: tr.changes.mapPos(r.from, 1), to: tr.changes.mapPos(r.to, 1) })),
      sequential: true,
      annotations: widened.of(true),
    },
  ];
});

export const markChips = [chipPlugin, numberTakesItsMark];
