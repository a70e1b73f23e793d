/**
 * The diff as the desk's review pane receives it (GET /api/diff): each section's changed and
 * unchanged sentences in reader text, and each new number's verdict. Built from the job's
 * `DraftDiff` by the handler, so the answer holds only what survives JSON (the sentence's number
 * claims carry NaN for dates, its marks parsed objects) and the client imports this type instead
 * of redeclaring the shape.
 */
import type { DraftDiff } from '../jobs/diff.ts';
import type { NumberVerdict, Sentence } from '../review/draft-diff.ts';
import type { DiffAnswer, DiffSentenceAnswer, DiffVerdictAnswer } from './wire.ts';

export type { DiffAnswer };

export function diffAnswer(diff: DraftDiff): DiffAnswer {
  return {
    sections: diff.sections.map((section) => ({
      name: section.name,
      ops: section.ops.map((op) => ({
        kind: op.kind,
        ...('before' in op ? { before: sentence(op.before) } : {}),
        ...('after' in op ? { after: sentence(op.after) } : {}),
        numbers: op.numbers.map((n) => ({
          text: n.text,
          verdict: verdict(n.verdict),
          problems: n.claim?.problems ?? [],
        })),
      })),
    })),
  };
}

const sentence = (s: Sentence): DiffSentenceAnswer => ({ text: s.text, paragraph: s.paragraph });

function verdict(v: NumberVerdict): DiffVerdictAnswer {
  switch (v.kind) {
    case 'matches':
    case 'mismatch':
      return { kind: v.kind, fact: { id: v.fact.id, display: v.fact.display }, shown: v.shown };
    case 'unknown-fact':
      return { kind: v.kind, factId: v.factId };
    case 'sourced':
      return { kind: v.kind, source: v.source, date: v.date };
    case 'no-fact':
      return { kind: v.kind, closest: v.closest ? { id: v.closest.id, shown: v.closest.shown } : null };
  }
}
