import type { Config } from '../../config.ts';
import type { FactGroup } from '../../facts/groups.ts';
import type { FactSet } from '../../facts/types.ts';
import type { QuoteTopic } from '../../inputs/quotes.ts';
import type { AngleRule, ScoredAngle } from '../angles.ts';
import type { FactView } from '../fact-view.ts';
import type { PiecePeriod } from '../plan.ts';

/** Thresholds that decide when a story applies: the config file's `stories` (src/config.ts). */
export type StorySettings = Config['stories'];

/** Why a piece leads with what it leads with; written to the draft's front matter. */
export interface StoryAngle {
  /** The fact the headline carries. */
  lead: string;
  reason: string;
  score: number;
  headline: string;
  runnersUp: ScoredAngle[];
}

/** Picks one phrasing of several, deterministically for the piece. */
export type Pick = (alternatives: readonly string[]) => string;

/** A kind of piece: when it applies, which facts it needs, how it leads, and its words. */
export interface Story {
  id: string;
  slug: string;
  /** Path under templates/ without `.mustache`; the social digests are `social/<network>`. */
  template: string;
  tags: string[];
  /** The period the piece is about: its social posts quote that period's moves (default: five sessions). */
  period?: PiecePeriod;
  /** Facts without which the story cannot be written. */
  requires: string[];
  /**
   * The fact groups (src/facts/groups.ts) the story's own code and templates read, beyond what
   * every piece reads (`PIECE_NEEDS`, stories/index.ts): a draft of it builds only these.
   */
  needs: readonly FactGroup[];
  /** Why the story applies to this session, or null when it does not. */
  applies(f: FactSet, settings: StorySettings): string | null;
  /** Candidate leads, scored by `rankAngles`; the first fact of `requires` leads when none scores. */
  angles: AngleRule[];
  headline(f: FactSet, lead: ScoredAngle | undefined, pick: Pick, settings: StorySettings): string;
  /**
   * Whether the piece's news is an earlier session's (a record set then, a signal fired then):
   * it is still written, but it is not the day's default piece again.
   */
  oldNews?(f: FactSet): boolean;
  /**
   * Words and flags for the template beyond the common ones. Numbers come only from `facts`
   * (the fact nodes of this text: linked in the body, plain in social posts), never from `f`.
   */
  view?(f: FactSet, settings: StorySettings, facts: FactView): Record<string, unknown>;
  /** Topics of the editor-supplied quotes the piece may carry (default: small caps). */
  quoteTopics?: QuoteTopic[];
  /** Whether the piece quotes forward returns, which needs the past-performance disclaimer. */
  quotesForwardReturns?: boolean;
  /**
   * Rates (store keys) the chart draws in a panel under the lead index, in place of the
   * benchmark: the rates piece charts the 2-year yield against the Russell 2000.
   */
  chartRates?: readonly string[];
}
