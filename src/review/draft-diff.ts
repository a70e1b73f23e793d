/**
 * What an editor changed in a draft, against the text the generator wrote: section by section
 * (title, summary, social posts, body paragraphs), sentence by sentence, and for each number
 * that is new in an edited sentence, the fact it stands for and whether it still matches, with
 * the series and period the sentence gives it, judged by the same claim engine as `check`.
 */

import { describePeriod } from '../language/periods.ts';
import { sentences } from '../language/sentences.ts';
import { defaultLexicon } from '../language/subjects.ts';
import { type JudgeContext, judgeReading } from './claim-judge.ts';
import { type Carry, readClaims } from './claim-reading.ts';
import { judgeContext } from './draft-claims.ts';
import { asOfYear, type ReferenceFact, referenceFacts } from './draft-facts.ts';
import { type DraftSource, fieldValue, readDraftSource } from './draft-source.ts';
import { claimMatchesFact, closestFact, shownDisplay } from './fact-match.ts';
import { parseMarker } from './markers.ts';
import { type NumberClaim, scanClaims } from './number-claims.ts';
import { type DiffOp, diffSequences } from './sentence-diff.ts';

export interface Sentence {
  /** As written, marks included. */
  raw: string;
  /** As a reader sees it: marks removed, spaces collapsed. */
  text: string;
  /** Numbers in `text`, with offsets into it. */
  numbers: NumberClaim[];
  /** The mark after each number (same index), if any. */
  marks: Array<ReturnType<typeof parseMarker>>;
  /** Body paragraph (1-based), 0 for front-matter fields. */
  paragraph: number;
}

/** `shown`: the fact's display as the copy would print it (its magnitude for an unsigned number). */
export type NumberVerdict =
  | { kind: 'matches'; fact: ReferenceFact; shown: string }
  | { kind: 'mismatch'; fact: ReferenceFact; shown: string }
  | { kind: 'unknown-fact'; factId: string }
  | { kind: 'sourced'; source: string; date: string }
  | { kind: 'no-fact'; closest: { id: string; shown: string } | undefined };

export interface ChangedNumber {
  text: string;
  verdict: NumberVerdict;
  /** What the sentence says the number is, and what the claim check found wrong with it. */
  claim?: ClaimSummary;
}

export interface ClaimSummary {
  /** The series' name ("S&P 500"), or the words that could not be resolved. */
  subject?: string;
  period?: string;
  /** The claim check's messages on this number (`claim-subject: ...`). */
  problems: string[];
  /** Whether any of them is an error (then the value's verdict is beside the point). */
  failed: boolean;
}

export interface SectionDiff {
  /** `title`, `summary`, `social.x`, ..., `body`. */
  name: string;
  ops: Array<DiffOp<Sentence> & { numbers: ChangedNumber[] }>;
}

const FIELDS = ['title', 'summary', 'social.x', 'social.linkedin', 'social.facebook'];
const MARK = /<!--[\s\S]*?-->/g;

export function diffDraft(generatedText: string, currentText: string): SectionDiff[] {
  const generated = readDraftSource(generatedText);
  const current = readDraftSource(currentText);
  const judge: Judge = {
    facts: referenceFacts(current.data),
    year: asOfYear(current.data),
    sourced: sourcedNumbers(sentencesOf(current, 'body')),
  };
  const claims = { ...judgeContext(current), sourced: new Set(judge.sourced.keys()) };
  const sections: SectionDiff[] = [];
  for (const name of [...FIELDS, 'body']) {
    const ops = diffSequences(sentencesOf(generated, name), sentencesOf(current, name), (s) => s.text);
    if (ops.every((op) => op.kind === 'same')) continue;
    // Subjects carry from sentence to sentence, kept ones included, as `check` reads them.
    const carry: Carry = {};
    sections.push({
      name,
      ops: ops.map((op) => {
        const summaries = op.kind === 'removed' ? [] : claimSummaries(op.after, claims, carry);
        return { ...op, numbers: changedNumbers(op, judge, summaries) };
      }),
    });
  }
  return sections;
}

/** The claim check's reading of each number of a sentence, in the order of `sentence.numbers`. */
function claimSummaries(
  sentence: Sentence,
  context: JudgeContext,
  carry: Carry,
): Array<ClaimSummary | undefined> {
  const judged = judgeReading(readClaims(sentence.raw, defaultLexicon(), carry), context);
  const sentenceProblems = judged.problems.filter((p) => p.rule === 'claim-superlative');
  const pending = [...judged.claims];
  return sentence.numbers.map((number) => {
    const at = pending.findIndex((j) => j.claim.number.text === number.text);
    if (at === -1) return undefined;
    const [{ claim, problems }] = pending.splice(at, 1) as [(typeof pending)[number]];
    const subject =
      claim.subject.kind === 'series'
        ? context.nameOf(claim.subject.key)
        : claim.subject.kind === 'unknown'
          ? `“${claim.subject.words}” (unresolved)`
          : undefined;
    const period = claim.period && describePeriod(claim.period.period, context.year);
    return {
      ...(subject ? { subject } : {}),
      ...(period ? { period } : {}),
      ...(() => {
        const all = [...problems, ...sentenceProblems.splice(0)];
        return {
          problems: all.map((p) => `${p.rule}: ${p.message}`),
          failed: all.some((p) => p.severity === 'error'),
        };
      })(),
    };
  });
}

interface Judge {
  facts: ReferenceFact[];
  year: number | undefined;
  /** Numbers sourced by hand somewhere in the body, which may be repeated unmarked (as `check` allows). */
  sourced: Map<string, { source: string; date: string }>;
}

function sourcedNumbers(body: readonly Sentence[]): Judge['sourced'] {
  const sourced: Judge['sourced'] = new Map();
  for (const sentence of body) {
    sentence.numbers.forEach((number, k) => {
      const mark = sentence.marks[k];
      if (mark?.kind === 'sourced') sourced.set(number.text, { source: mark.source, date: mark.date });
    });
  }
  return sourced;
}

function sentencesOf(draft: DraftSource, name: string): Sentence[] {
  if (name !== 'body') {
    const value = fieldValue(draft, name.split('.'));
    return typeof value === 'string' ? splitSentences(value, 0) : [];
  }
  const body = draft.block ? draft.source.text.slice(draft.block.bodyStart) : draft.source.text;
  return body
    .split(/\n[^\S\n]*\n/)
    .filter((paragraph) => paragraph.trim() !== '')
    .flatMap((paragraph, i) => splitSentences(paragraph, i + 1));
}

function splitSentences(text: string, paragraph: number): Sentence[] {
  // Marks hold dots but no spaces, and a sentence ends only at punctuation before a space.
  return sentences(text).map((raw) => readSentence(raw, paragraph));
}

export function readSentence(raw: string, paragraph: number): Sentence {
  const blanked = raw.replace(MARK, (m) => ' '.repeat(m.length));
  const claims = scanClaims(blanked);
  const marks = claims.map((claim) => {
    const after = /^\s*(<!--[\s\S]*?-->)/.exec(raw.slice(claim.end));
    return after ? parseMarker(after[1]!) : undefined;
  });
  // Offsets into the reader's text: drop marks, then collapse spaces, shifting each number.
  const text = raw.replace(MARK, '').replace(/\s+/g, ' ').trim();
  const numbers = scanClaims(text);
  return { raw, text, numbers, marks: numbers.map((_, k) => marks[k]), paragraph };
}

function changedNumbers(
  op: DiffOp<Sentence>,
  judge: Judge,
  summaries: ReadonlyArray<ClaimSummary | undefined>,
): ChangedNumber[] {
  if (op.kind === 'same' || op.kind === 'removed') return [];
  const before = op.kind === 'changed' ? op.before.numbers.map((n) => n.text) : [];
  const changed: ChangedNumber[] = [];
  op.after.numbers.forEach((claim, k) => {
    const at = before.indexOf(claim.text);
    const summary = summaries[k];
    if (at !== -1) {
      before.splice(at, 1);
      // A kept number still changed claim when its words did: "rose 0.5%" became "fell 0.5%".
      if (!summary || summary.problems.length === 0) return;
    }
    changed.push({
      text: claim.text,
      verdict: verdictOf(claim, op.after.marks[k], judge),
      ...(summary ? { claim: summary } : {}),
    });
  });
  return changed;
}

function verdictOf(claim: NumberClaim, mark: ReturnType<typeof parseMarker>, judge: Judge): NumberVerdict {
  const { facts, year } = judge;
  if (mark?.kind === 'sourced') return { kind: 'sourced', source: mark.source, date: mark.date };
  if (mark?.kind === 'fact') {
    const fact = facts.find((f) => f.id === mark.factId);
    if (!fact) return { kind: 'unknown-fact', factId: mark.factId };
    const kind = claimMatchesFact(claim, fact, year) ? 'matches' : 'mismatch';
    return { kind, fact, shown: shownDisplay(claim, fact) };
  }
  const match = facts.find((fact) => claimMatchesFact(claim, fact, year));
  if (match) return { kind: 'matches', fact: match, shown: shownDisplay(claim, match) };
  const sourced = judge.sourced.get(claim.text);
  if (sourced) return { kind: 'sourced', ...sourced };
  const closest = closestFact(claim, facts);
  return { kind: 'no-fact', closest: closest && { id: closest.id, shown: shownDisplay(claim, closest) } };
}
