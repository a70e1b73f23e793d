/**
 * The data-quality gate's verdict on a session, as the desk shows it beside the day's drafts. Its
 * own module, with no imports, so the desk's browser code (type-checked without Node) can name it.
 */
export interface SessionGate {
  verdict: 'passed' | 'failed';
  /** "RUT, SPX through 2026-02-23". */
  scope: string;
  errors: number;
  warnings: number;
  /** The errors as `draft` lists them when it refuses, then the warnings. */
  problems: string[];
}
