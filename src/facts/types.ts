import type { StatInputs } from '../stats/types.ts';
import type { InputProblem, IsoDate } from '../types.ts';

export type FactUnit =
  | 'fraction'
  | 'points'
  | 'level'
  | 'count'
  | 'sessions'
  | 'date'
  | 'bool'
  | 'percent_rate'
  | 'year'
  /** A yield change: 12 = 12 basis points. */
  | 'basis_points'
  /** A change of a probability or a share: 0.12 = 12 percentage points. */
  | 'percentage_points'
  /** Calls per put: 1.35. */
  | 'ratio';

export type FactValue = number | boolean | IsoDate | null;

/** A number a template may print: its value, its house-style text, and where it came from. */
export interface Fact {
  id: string;
  value: FactValue;
  unit: FactUnit;
  /** House-style text: "8.5%", "2,500.43", "Nov. 28". Signed when negative ("-3.2%"). */
  display: string;
  asOf: IsoDate;
  inputs: StatInputs;
  definition: string;
}

export interface MissingFact {
  id: string;
  reason: string;
}

/** Every fact for one as-of session, and every catalogue fact that could not be computed. */
export interface FactSet {
  asOf: IsoDate;
  /** `demo`, `csv`, `live`, or a `+`-joined mix of the real ones (`csv+live`). */
  dataset: string;
  facts: Record<string, Fact>;
  missing: MissingFact[];
  /** Problems with the desk's inputs (targets) met while building; the facts stand without them. */
  warnings?: InputProblem[];
  /** Series used: symbol → sources of its closes, first and last date. */
  series: Record<string, { sources: string[]; first: IsoDate; last: IsoDate }>;
}
