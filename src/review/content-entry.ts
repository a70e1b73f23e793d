/**
 * One draft or article as `wirecopy status` and the desk's day view list it. Its own module, with
 * no imports, so the desk's browser code (type-checked without Node) can name it.
 */
export interface ContentEntry {
  file: string;
  status: string;
  asOf: string;
  story: string;
  dataset: string;
  title: string;
  /** Sessions from as-of to the store's latest lead session; days from as-of to today. */
  age: { sessions: number | null; days: number | null };
  check: { errors: number; warnings: number; unreadable: boolean };
  /** Set for a state that needs someone: an approval that was interrupted. */
  note?: string;
}
