/**
 * What the stats engine hands to the facts layer: a value per stat id with the closes and
 * windows it came from, or the reason it could not be computed. Values are raw (fractions,
 * points, session counts, dates); turning them into display text is the facts layer's job.
 */
import type { IsoDate, SymbolKey } from '../types.ts';

/** `null` is a meaningful "none" (no cross date, not up year to date), never a missing value. */
export type StatValue = number | boolean | IsoDate | null;

/** One close a stat read. */
export interface StatInput {
  series: SymbolKey;
  date: IsoDate;
  close: number;
}

/** A window of sessions a stat read; `sessions` counts the sessions from `from` to `to`, both included. */
export interface StatRange {
  series: SymbolKey;
  from: IsoDate;
  to: IsoDate;
  sessions: number;
}

export type StatInputs = Array<StatInput | StatRange>;

/**
 * A computed stat, or a missing one with a reason an editor can act on ("needs 200 sessions of
 * RUT history through 1988-03-01; has 120"). Too little history is missing, never zero.
 */
export type StatResult =
  | { id: string; value: StatValue; inputs: StatInputs }
  | { id: string; missing: string };
