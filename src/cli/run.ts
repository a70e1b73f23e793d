/**
 * `wirecopy run` (what `npm start` does): the daily job, fetch → stats → gate → drafts → summary.
 *
 * - On a day without a session there are no new closes: with market data in the store it has
 *   nothing to do, unless --as-of names a session. An empty or demo-only store still gets its
 *   latest (demo) session drafted, so `npm start` works on any day of the week.
 * - One short probe per provider comes first: when none answers, one line says so and the store
 *   is used as it is, instead of every series waiting out its retries.
 * - An empty store after that is filled with the demo dataset, loudly.
 */
import { Command } from 'commander';
import { CALENDAR_FIRST, CALENDAR_LAST, closureReason } from '../calendar/nyse.ts';
import { Errors, WirecopyError } from '../errors.ts';
import type { FactSet } from '../facts/types.ts';
import { clockOf } from '../jobs/clock.ts';
import { draftSession } from '../jobs/draft.ts';
import type { IsoDate } from '../types.ts';
import { lastCompletedSession } from '../verify/staleness.ts';
import type { CommandContext } from './context.ts';
import { loadDemo } from './demo.ts';
import { reportDrafts } from './draft.ts';
import {
  type FetchSummary,
  fetchIncomplete,
  fetchSummaryLine,
  fetchToStore,
  timeLimitText,
  unreachableText,
} from './fetch.ts';
import { thousands } from './format-table.ts';

interface RunOptions {
  asOf?: string;
  offline?: boolean;
  force?: boolean;
  json?: boolean;
}

export function runCommand(context: () => CommandContext): Command {
  return new Command('run')
    .description(
      'the daily job: fetch what is new, check it, write the drafts for the latest session (demo data when the store is empty and offline)',
    )
    .option(
      '--as-of <date>',
      'YYYY-MM-DD (default: the latest session in the store); also runs on a non-session',
    )
    .option('--offline', 'do not fetch: draft from the store as it is')
    .option(
      '--force',
      'draft even when the data fails the data-quality gate (the draft records the override); write revisions next to edited drafts',
    )
    .option('--json', 'print one JSON object: {fetched, checks, asOf, dataset, drafts, held}')
    .action(async (options: RunOptions) => {
      const ctx = context();
      // Always the store before the content folder, so two commands never wait on each other.
      await ctx.lock('store', 'run');
      await ctx.lock('content', 'run');
      const today = ctx.today();
      const closed = options.asOf === undefined ? closureOn(today) : null;
      const hasMarketData = ctx
        .store()
        .summary()
        .some((s) => s.dataset !== 'demo');
      if (closed !== null && hasMarketData) {
        ctx.io.out(
          `${today} is not a trading session (${closed}); nothing to do. Use --as-of to draft an earlier session.`,
        );
        return;
      }
      const fetched = await fetchStep(ctx, options, closed);
      if (ctx.store().isEmpty()) {
        ctx.io.out(
          `The store ${ctx.config.store} is empty: loading the DEMO dataset (generated, not market data).`,
        );
        const load = loadDemo(ctx);
        ctx.io.out(`  ${load.series} series, ${thousands(load.rows)} rows, ${load.first} to ${load.last}.`);
      }
      const { factSet, checks, results, held } = await draftSession(
        ctx,
        options.asOf,
        { force: options.force === true },
        {
          // The demo set ends before today by design; only real data can be behind.
          onFacts: (f) => {
            if (options.asOf === undefined && f.dataset !== 'demo') noteIfBehind(ctx, f, today);
          },
          beforeDrafts: (f) => ctx.io.out(`Drafts for the ${f.asOf} session (dataset: ${f.dataset}):`),
        },
      );
      try {
        reportDrafts(
          ctx,
          results,
          factSet,
          held,
          options.json ? { fetched: fetched.said, checks } : undefined,
        );
      } finally {
        const outcomes = Map.groupBy(results, (r) => r.outcome);
        const drafts = [...outcomes].map(([outcome, list]) => `${list.length} ${outcome}`).join(', ');
        ctx.io.out(
          `Summary: ${fetched.said}; gate ${checks.gate} (${checks.problems} problems); drafts: ${drafts || 'none'}.`,
        );
      }
      // Series cut off by the time limit are like an unreachable network: said, then drafted around.
      const incomplete = fetched.summary ? fetchIncomplete(fetched.summary, { stoppedFails: false }) : null;
      if (incomplete !== null) throw incomplete;
    });
}

/** Fetches unless there is nothing to fetch or no one to fetch from; `said` sums it up. */
async function fetchStep(
  ctx: CommandContext,
  options: RunOptions,
  closed: string | null,
): Promise<{ summary?: FetchSummary; said: string }> {
  if (closed !== null) {
    ctx.io.out(`${ctx.today()} is not a trading session (${closed}): nothing to fetch.`);
    return { said: 'nothing fetched (not a session)' };
  }
  if (options.offline) {
    ctx.io.out('Offline (--offline): not fetching; drafting from the store as it is.');
    return { said: 'nothing fetched (--offline)' };
  }
  const summary = await fetchToStore(ctx);
  if (summary.offline) {
    ctx.io.out(`Network unreachable (${unreachableText(summary)}): drafting from the store as it is.`);
    return { said: 'nothing fetched (see above)' };
  }
  ctx.io.out(fetchSummaryLine(ctx, summary));
  if (summary.stopped.length > 0) {
    ctx.io.out(
      `Fetching stopped: ${timeLimitText(summary)}; ${summary.stopped.length} of ${summary.planned} series not fetched (${summary.stopped.join(', ')}): drafting from the store as it is.`,
    );
  }
  const failed = summary.failed.length > 0 ? `, ${summary.failed.length} failed` : '';
  const stopped = summary.stopped.length > 0 ? `, ${summary.stopped.length} stopped at the time limit` : '';
  const rejected = summary.rejected.length > 0 ? `, ${summary.rejected.length} fetched with errors` : '';
  return {
    summary,
    said: `fetched ${summary.stored} of ${summary.planned} series${failed}${rejected}${stopped}`,
  };
}

/** Why the exchange is closed today, or null on a session day. */
function closureOn(today: IsoDate): string | null {
  if (today < CALENDAR_FIRST || today > CALENDAR_LAST) {
    throw new WirecopyError(
      Errors.OutsideCalendar,
      `Today (${today}) is outside the NYSE calendar wirecopy knows (${CALENDAR_FIRST} to ${CALENDAR_LAST}).`,
      {
        hint: 'Add the new year to src/calendar (holidays are rules; special closures are a list), or pass --as-of.',
      },
    );
  }
  return closureReason(today);
}

/** Says so when the store's latest session is older than the last completed one (a fetch failed, or offline). */
function noteIfBehind(ctx: CommandContext, factSet: FactSet, today: IsoDate): void {
  const completed = lastCompletedSession(today, clockOf(ctx));
  if (factSet.asOf < completed) {
    ctx.io.out(
      `Note: the store's latest session is ${factSet.asOf}, before ${completed}, the last completed session; these drafts speak for ${factSet.asOf}.`,
    );
  }
}
