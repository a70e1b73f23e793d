/**
 * Which story the day gets. Every story whose facts are present and whose condition holds is a
 * candidate; each is scored by its best angle, and the best-scoring story is the day's piece
 * (the daily wrap always qualifies, so there is always one). `--all` writes every candidate;
 * `--story` forces one.
 */
import { Errors, WirecopyError } from '../errors.ts';
import type { FactSet } from '../facts/types.ts';
import { rankAngles } from './angles.ts';
import type { Pick, Story, StoryAngle, StorySettings } from './stories/story.ts';
import { hash32 } from './variation.ts';

export interface StoryChoice {
  story: Story;
  /** Why the story applies (or that it was forced). */
  why: string;
  angle: StoryAngle;
}

/** Facts the story needs that the FactSet lacks, each with the reason it is missing. */
export function unmetRequirements(story: Story, factSet: FactSet): string[] {
  return story.requires
    .filter((id) => !factSet.facts[id])
    .map((id) => `${id}: ${factSet.missing.find((m) => m.id === id)?.reason ?? 'not computed'}`);
}

/** A deterministic chooser of phrasings for one piece. */
export function pickerFor(seed: string): Pick {
  let ordinal = 0;
  return (alternatives) => alternatives[hash32(`${seed}#headline${ordinal++}`) % alternatives.length]!;
}

export function angleOf(story: Story, f: FactSet, settings: StorySettings): StoryAngle {
  const ranked = rankAngles(f, story.angles);
  const lead = ranked[0];
  const headline = story.headline(f, lead, pickerFor(`${f.asOf}|${story.slug}`), settings);
  return {
    lead: lead?.id ?? story.requires[0]!,
    reason: lead?.reason ?? 'No candidate stood out; the story leads with its main fact.',
    score: lead?.score ?? 0,
    headline,
    runnersUp: ranked.slice(1, 4),
  };
}

export function chooseStories(
  f: FactSet,
  stories: readonly Story[],
  settings: StorySettings,
  mode: { story?: string; all?: boolean } = {},
): StoryChoice[] {
  if (mode.story !== undefined) {
    const story = stories.find((s) => s.id === mode.story);
    if (!story) {
      throw new WirecopyError(Errors.Usage, `--story ${mode.story} is not a story wirecopy knows.`, {
        hint: `Use one of: ${stories.map((s) => s.id).join(', ')}.`,
      });
    }
    const unmet = unmetRequirements(story, f);
    if (unmet.length > 0) {
      throw new WirecopyError(
        Errors.NoData,
        `Cannot write the ${story.id} story for ${f.asOf}: facts it needs are missing.`,
        {
          details: unmet,
          hint: 'Import or fetch the missing series through that date (wirecopy status shows what the store holds), or pick an earlier --as-of.',
        },
      );
    }
    return [
      {
        story,
        why: story.applies(f, settings) ?? 'Forced with --story.',
        angle: angleOf(story, f, settings),
      },
    ];
  }
  const candidates = stories
    .filter((story) => unmetRequirements(story, f).length === 0)
    .map((story) => ({ story, why: story.applies(f, settings) }))
    .filter((c): c is { story: Story; why: string } => c.why !== null)
    .map((c) => ({ ...c, angle: angleOf(c.story, f, settings) }));
  if (candidates.length === 0) {
    const core = stories.at(-1)!;
    throw new WirecopyError(
      Errors.NoData,
      `No story can be written for ${f.asOf}: facts the ${core.id} story needs are missing.`,
      {
        details: unmetRequirements(core, f),
        hint: 'Import or fetch the missing series through that date (wirecopy status shows what the store holds), or pick an earlier --as-of.',
      },
    );
  }
  if (mode.all) return candidates;
  return [mostNewsworthy(f, candidates)];
}

/**
 * The session's default piece (`wirecopy draft` without `--story`): the most newsworthy story
 * whose lead is new today (not `oldNews`: the record set on Monday, the signal that fired on
 * Tuesday, were those sessions' leads), so the same pattern-study headline does not lead three days
 * running; on a tie, the earlier (more specific) one in the list.
 */
export function mostNewsworthy<C extends Omit<StoryChoice, 'why'>>(f: FactSet, candidates: readonly C[]): C {
  const fresh = candidates.filter((c) => c.story.oldNews?.(f) !== true);
  return (fresh.length > 0 ? fresh : candidates).reduce((a, b) => (b.angle.score > a.angle.score ? b : a));
}
