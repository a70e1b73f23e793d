import type { StatInputs } from '../stats/types.ts';
import type { IsoDate } from '../types.ts';

export type FactUnit =
  | 'fraction'
  | 'points'
  | 'level'
  | 'count'
  | 'sessions'
  | 'date'
  | 'bool'
  | 'percent_rate'
  | 'year';

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
  /** Series used: symbol → sources of its closes, first and last date. */
  series: Record<string, { sources: string[]; first: IsoDate; last: IsoDate }>;
}
