/** Builds the FactSet a command speaks for, from the context's store and config. */
import { buildFactSet } from '../facts/build.ts';
import type { FactGroup } from '../facts/groups.ts';
import type { FactSet } from '../facts/types.ts';
import { notesFor } from '../inputs/notes.ts';
import { requestedSession, resolveAsOf } from './as-of.ts';
import type { CommandContext } from './context.ts';
import type { DeskInputs } from './inputs.ts';

/**
 * What the config says about every fact: the series, the signals and the thresholds. One
 * session's facts and a span's builder both take it, so a span drafts what each day would.
 */
export function configuredFactOptions(ctx: CommandContext) {
  return {
    indexes: ctx.config.indexes,
    benchmark: ctx.config.benchmark,
    registry: ctx.registry,
    signals: ctx.config.signals,
    superlatives: ctx.config.facts.superlativeMinPeriods,
    ytdRace: ctx.config.facts.ytdRace,
  };
}

export function factSetFor(
  ctx: CommandContext,
  requestedAsOf: string | undefined,
  inputs?: DeskInputs,
  /** Only these fact groups (a draft's stories' needs); default: every one. */
  groups?: readonly FactGroup[],
): FactSet {
  // A bad --as-of is a usage error whatever the store holds, so it is judged first.
  if (requestedAsOf !== undefined) requestedSession(requestedAsOf);
  const store = ctx.storeWithData('to compute facts from');
  const lead = ctx.config.indexes[0] ?? 'RUT';
  const asOf = resolveAsOf(requestedAsOf, store, lead);
  return buildFactSet(store, {
    asOf,
    ...configuredFactOptions(ctx),
    targets: inputs?.targets ?? [],
    // A meeting the desk knows of that the FOMC calendar in the repo does not (after 2027).
    extraMeetings: inputs
      ? [notesFor(inputs.notes, asOf).nextFedMeeting].filter((d): d is string => d !== undefined)
      : [],
    ...(groups ? { groups } : {}),
  });
}
