/**
 * What the desk's server and its browser code (src/desk/ui) exchange as JSON. Types only, with no
 * Node imports: the browser code is type-checked apart from the server (src/desk/ui/tsconfig.json,
 * DOM and no Node types), and a type it imports brings its whole module into that check.
 */
import type { SessionGate } from '../jobs/gate-verdict.ts';
import type { ContentEntry } from '../review/content-entry.ts';
import type { MessageJson } from '../review/message-json.ts';

export interface Diagnostic extends MessageJson {
  from: number;
  to: number;
}

export interface LiveCheck {
  errors: number;
  warnings: number;
  unreadable: boolean;
  diagnostics: Diagnostic[];
  /** How long the check took on the server, in milliseconds (the desk shows it; the bench reads it). */
  ms: number;
}

export interface PanelFact {
  id: string;
  display: string;
  unit: string;
  definition: string;
  /** The `--explain` text: definition, every input, and the worked arithmetic where there is one. */
  explain: string;
  /** Whether the draft's front matter carries it: then it goes in with its fact mark. */
  carried: boolean;
}

export interface DayDraft extends ContentEntry {
  /** "drafts/<file>", as the desk's other requests name it. */
  name: string;
  /** The fact the story leads with (`angles.lead`). */
  lead: string;
  /** An unpublished draft of an earlier session than the store's latest. */
  earlierSession: boolean;
  /** For a revision: the draft it was written beside ("drafts/<file>"). */
  revisionOf?: string;
}

export interface DayView {
  /** The lead index's latest session in the store; undefined for an empty store. */
  session: string | undefined;
  gate: SessionGate | { verdict: 'skipped'; reason: string };
  drafts: DayDraft[];
  articles: ContentEntry[];
  /** Story ids `wirecopy draft --story` takes. */
  stories: string[];
}

export interface DiffSentenceAnswer {
  /** As a reader sees it: marks removed, spaces collapsed. */
  text: string;
  /** Body paragraph (1-based), 0 for front-matter fields. */
  paragraph: number;
}

export type DiffVerdictAnswer =
  | { kind: 'matches' | 'mismatch'; fact: { id: string; display: string }; shown: string }
  | { kind: 'unknown-fact'; factId: string }
  | { kind: 'sourced'; source: string; date: string }
  | { kind: 'no-fact'; closest: { id: string; shown: string } | null };

export interface DiffNumberAnswer {
  text: string;
  verdict: DiffVerdictAnswer;
  /** The claim check's messages on this number; empty when it found nothing wrong. */
  problems: string[];
}

export interface DiffOpAnswer {
  kind: 'same' | 'changed' | 'removed' | 'added';
  before?: DiffSentenceAnswer;
  after?: DiffSentenceAnswer;
  numbers: DiffNumberAnswer[];
}

export interface DiffAnswer {
  sections: { name: string; ops: DiffOpAnswer[] }[];
}

export interface OpenedPiece {
  name: string;
  text: string;
  version: string;
}

export type SaveOutcome =
  | { saved: true; version: string }
  | { saved: false; conflict: { text: string; version: string } | { deleted: true } };

export interface SessionFacts {
  asOf: string;
  dataset: string;
  facts: PanelFact[];
}
