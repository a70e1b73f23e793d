/**
 * A span of sessions in one process (`draft --from --to`, `style --from --to`): the sessions the
 * store's lead index holds between the two dates, and their FactSets from one `FactSetBuilder`
 * (each series read and analyzed once, so a year costs little more than a day).
 */
import { Errors, WirecopyError } from '../errors.ts';
import { FactSetBuilder } from '../facts/build.ts';
import type { FactGroup } from '../facts/groups.ts';
import type { FactSet } from '../facts/types.ts';
import { notesFor } from '../inputs/notes.ts';
import type { IsoDate } from '../types.ts';
import { requestedSession } from './as-of.ts';
import type { CommandContext } from './context.ts';
import { configuredFactOptions } from './facts.ts';
import type { DeskInputs } from './inputs.ts';

export interface SessionSpan {
  from: string;
  to: string;
}

/** `--from` and `--to` together, never with `--as-of`. */
export function spanOf(options: { asOf?: string; from?: string; to?: string }): SessionSpan {
  if (options.asOf !== undefined) {
    throw new WirecopyError(Errors.Usage, '--as-of cannot be combined with --from/--to.', {
      hint: 'Give one session with --as-of, or a span with --from and --to.',
    });
  }
  if (options.from === undefined || options.to === undefined) {
    throw new WirecopyError(Errors.Usage, `--${options.from === undefined ? 'from' : 'to'} is missing.`, {
      hint: 'A span takes both dates: --from 2025-01-02 --to 2025-12-31.',
    });
  }
  return { from: options.from, to: options.to };
}

/** The stored sessions of the lead index from `from` to `to`, both inclusive. */
export function sessionsInSpan(ctx: CommandContext, span: SessionSpan, purpose = 'to draft from'): IsoDate[] {
  for (const [flag, date] of [
    ['--from', span.from],
    ['--to', span.to],
  ] as const) {
    try {
      requestedSession(date);
    } catch (error) {
      if (error instanceof WirecopyError) {
        throw new WirecopyError(
          Errors.Usage,
          `${flag} ${date}: ${error.message.replace(/^--as-of \S+ /, '')}`,
          {
            hint: 'Write both dates as YYYY-MM-DD, e.g. --from 2025-01-02 --to 2025-12-31.',
          },
        );
      }
      throw error;
    }
  }
  if (span.from > span.to) {
    throw new WirecopyError(Errors.Usage, `--from ${span.from} is after --to ${span.to}.`, {
      hint: 'Give the earlier date to --from.',
    });
  }
  const store = ctx.storeWithData(purpose);
  const lead = ctx.config.indexes[0] ?? 'RUT';
  const dates = store.loadSeries(lead, span.to)?.dates ?? [];
  const sessions = dates.filter((d) => d >= span.from && d <= span.to);
  if (sessions.length === 0) {
    throw new WirecopyError(
      Errors.NoData,
      `The store has no ${lead} close from ${span.from} to ${span.to}.`,
      {
        hint: `Import or fetch ${lead} for those dates, or pick a span the store covers (\`wirecopy status\`).`,
      },
    );
  }
  return sessions;
}

/** FactSets for each session of a span, one builder through the last one. */
export function factSetsForSpan(
  ctx: CommandContext,
  sessions: readonly IsoDate[],
  inputs: DeskInputs,
  /** Only these fact groups (the stories' needs); default: every one. */
  groups?: readonly FactGroup[],
): (asOf: IsoDate) => FactSet {
  const builder = new FactSetBuilder(ctx.storeWithData('to compute facts from'), {
    ...configuredFactOptions(ctx),
    targets: inputs.targets,
    extraMeetings: [
      ...new Set(
        sessions.map((d) => notesFor(inputs.notes, d).nextFedMeeting).filter((d) => d !== undefined),
      ),
    ],
    from: sessions[0]!,
    through: sessions.at(-1)!,
    ...(groups ? { groups } : {}),
  });
  return (asOf) => builder.at(asOf);
}
