import type { FactSet } from '../../facts/types.ts';

/** Why a piece leads with what it leads with; written to the draft's front matter. */
export interface StoryAngle {
  /** The fact the headline carries. */
  lead: string;
  reason: string;
  headline: string;
}

/** A kind of piece: which facts it needs, how it leads, and the words its template chooses between. */
export interface Story {
  id: string;
  slug: string;
  /** Path under templates/ without `.mustache`; the social digests are `social/<network>`. */
  template: string;
  tags: string[];
  /** Facts without which the story cannot be written. */
  requires: string[];
  angle(factSet: FactSet): StoryAngle;
  /** Words and flags for the template; numbers come only from the FactSet. */
  view(factSet: FactSet): Record<string, unknown>;
}
