/**
 * `wirecopy style [--from D --to D]`: the style gate (issue 11). Drafts every story that applies
 * to every session of the span, in memory (nothing is written), and counts what an editor would
 * send back: empty superlatives, duplicate headlines in a session, numerals under 10, wrong
 * articles, a number printed more than twice (headline and body), mixed periods in a social post,
 * a down day headlined as a gain only, the default piece repeating the previous session's
 * headline, a draft failing `wirecopy check`. Prints a table of counts with a few examples; exits 1 when any count is not 0.
 */
import { Command } from 'commander';
import { numberOf } from '../drafts/fact-view.ts';
import { renderDraft } from '../drafts/generate.ts';
import { chooseStories, mostNewsworthy } from '../drafts/select.ts';
import { factGroupsFor, storiesFor } from '../drafts/stories/index.ts';
import { emptyStyleReport, gateSession, STYLE_RULES, type StyleReport } from '../drafts/style/gate.ts';
import { TemplateLibrary } from '../drafts/templates.ts';
import { Errors, WirecopyError } from '../errors.ts';
import type { FactSet } from '../facts/types.ts';
import { checkOptionsFor } from '../jobs/check.ts';
import { draftContextFor } from '../jobs/draft.ts';
import { loadDeskInputs, reportInputProblems } from '../jobs/inputs.ts';
import { factSetsForSpan, type SessionSpan, sessionsInSpan } from '../jobs/range.ts';
import type { CommandContext } from './context.ts';
import { formatTable } from './format-table.ts';
import { printJson } from './json.ts';
import { spanProgress } from './progress.ts';

/** Every story of every session of the span, drafted in memory and gated. */
export async function styleReport(
  ctx: CommandContext,
  span: SessionSpan,
  onSession: (asOf: string) => void = () => {},
): Promise<StyleReport> {
  const sessions = sessionsInSpan(ctx, span);
  const inputs = loadDeskInputs(ctx);
  reportInputProblems(ctx, inputs.problems);
  const stories = storiesFor(ctx.config.stories, ctx.config.signals);
  const factSetAt = factSetsForSpan(ctx, sessions, inputs, factGroupsFor(stories, ctx.config.indexes));
  const context = draftContextFor(ctx, new TemplateLibrary(ctx.templatesDir), inputs);
  // Old sessions are judged as written, not for freshness: any age is allowed. The drafts are
  // never stored, so there is no generated text to compare an edit with.
  const { generatedText: _stored, ...check } = checkOptionsFor(ctx, {
    maxAgeSessions: Number.MAX_SAFE_INTEGER,
  });
  const report = emptyStyleReport();
  for (const asOf of sessions) {
    const factSet: FactSet = factSetAt(asOf);
    const choices = chooseStories(factSet, stories, ctx.config.stories, { all: true });
    const drafts = choices.map((choice) => renderDraft(choice, factSet, context));
    await gateSession(report, asOf, drafts, check, {
      dayMove: numberOf(factSet, 'RUT.change.1d'),
      defaultStory: mostNewsworthy(factSet, choices).story.id,
      headlineMinMove: ctx.config.stories.headlineMinMove,
    });
    onSession(asOf);
  }
  return report;
}

export function formatStyleReport(report: StyleReport, span: SessionSpan): string {
  const rows = STYLE_RULES.map((rule) => [rule, String(report.counts[rule])]);
  const lines = [
    `Style gate, ${span.from} to ${span.to}: ${report.drafts} drafts for ${report.sessions} sessions`,
    '',
    formatTable(['rule', 'count'], rows, [1]),
  ];
  for (const rule of STYLE_RULES) {
    const examples = report.examples[rule];
    if (examples.length === 0) continue;
    lines.push('', `${rule}:`);
    for (const e of examples) lines.push(`  ${e.asOf} ${e.story}: ${e.text}`);
  }
  return lines.join('\n');
}

export function styleCommand(context: () => CommandContext): Command {
  return new Command('style')
    .description(
      'the style gate: draft every story of every session of a span in memory and count house-style violations (exit 1 when any)',
    )
    .requiredOption('--from <date>', 'first session, YYYY-MM-DD')
    .requiredOption('--to <date>', 'last session, YYYY-MM-DD')
    .option('--json', 'print the counts and examples as one JSON object')
    .action(async (options: { from: string; to: string; json?: boolean }) => {
      const ctx = context();
      const span = { from: options.from, to: options.to };
      const total = sessionsInSpan(ctx, span).length;
      const progress = spanProgress(ctx, 'style gate', total);
      let report: StyleReport;
      try {
        report = await styleReport(ctx, span, (asOf) => progress.tick(asOf));
      } finally {
        progress.stop();
      }
      if (options.json) printJson(ctx, { ...span, ...report });
      else ctx.io.out(formatStyleReport(report, span));
      const total_ = STYLE_RULES.reduce((n, rule) => n + report.counts[rule], 0);
      if (total_ > 0) {
        throw new WirecopyError(
          Errors.StyleFailed,
          `${total_} style violation(s) in ${report.drafts} drafts.`,
          {
            hint: 'Each rule lists its first examples above; fix the template or view value that printed them.',
          },
        );
      }
    });
}
