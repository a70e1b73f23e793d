/**
 * What the desk's server and its browser code (src/desk/ui) exchange as JSON. Types only, with no
 * Node imports: the browser code is type-checked apart from the server (src/desk/ui/tsconfig.json,
 * DOM and no Node types), and a type it imports brings its whole module into that check.
 */
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
