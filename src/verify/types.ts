/** What the checks read: plain data loaded from the store by gate.ts, so each check is pure. */
import type { DailyBar, IsoDate } from '../types.ts';

/** Every bar one source holds for a symbol, in date order. */
export interface SourceBars {
  source: string;
  bars: readonly DailyBar[];
}

/** The series the stats read: per date, the close of the best-ranked source and its name. */
export interface UsedSeries {
  dates: readonly IsoDate[];
  closes: readonly number[];
  sources: readonly string[];
}

/** `verify` in the config (src/config.ts): the thresholds of the gate. */
export interface VerifySettings {
  /** A one-day move larger than this fraction (0.1 = 10%) is suspect. */
  sanityBound: number;
  /** Sessions a series may lag the session being checked before it is stale. */
  stalenessSessions: number;
  /** Largest relative difference (0.0001 = 0.01%) between two sources' closes for one session. */
  crossCheckTolerance: number;
  /** Moves in this many latest sessions fail the gate; older ones are reported as warnings. */
  recentSessions: number;
}
