/**
 * One check message as JSON: what `wirecopy check --json` prints and what the desk's live check
 * sends the browser. A type with no imports, so the desk's browser code can name it without
 * pulling the review pipeline (and Node) into its type-check.
 */
export interface MessageJson {
  line: number | undefined;
  column: number | undefined;
  endLine: number | undefined;
  endColumn: number | undefined;
  severity: string;
  rule: string;
  message: string;
  hint: string | undefined;
  actual: string | undefined;
  expected: string[] | undefined;
}
