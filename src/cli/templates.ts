/** `wirecopy templates check`: every template against the full fact catalogue, without data. */
import { Command } from 'commander';
import { storiesFor } from '../drafts/stories/index.ts';
import { checkStoryTemplates } from '../drafts/template-check.ts';
import { TemplateLibrary } from '../drafts/templates.ts';
import { Errors, WirecopyError } from '../errors.ts';
import { draftContextFor } from '../jobs/draft.ts';
import type { CommandContext } from './context.ts';
import { printJson } from './json.ts';

export function templatesCommand(context: () => CommandContext): Command {
  const templates = new Command('templates').description('work with the mustache templates');
  templates
    .command('check')
    .description('check every template against the whole fact catalogue, every branch, without market data')
    .option('--json', 'print one JSON object: {templates: [{file, problems}], problems}')
    .action((options: { json?: boolean }) => {
      const ctx = context();
      const reports = checkStoryTemplates(storiesFor(ctx.config.stories, ctx.config.signals), {
        ...draftContextFor(ctx, new TemplateLibrary(ctx.templatesDir)),
        indexes: ctx.config.indexes,
        benchmark: ctx.config.benchmark,
        signals: ctx.config.signals,
      });
      let problems = 0;
      if (options.json) {
        problems = reports.reduce((n, r) => n + r.problems.length, 0);
        printJson(ctx, { templates: reports, problems });
      }
      for (const report of options.json ? [] : reports) {
        ctx.io.out(
          `${report.file}: ${report.problems.length === 0 ? 'ok' : `${report.problems.length} problem(s)`}`,
        );
        for (const p of report.problems) ctx.io.out(`  ${p.file}:${p.line}:${p.column} ${p.message}`);
        problems += report.problems.length;
      }
      if (problems > 0) {
        throw new WirecopyError(Errors.TemplateCheckFailed, `${problems} template problem(s) found.`, {
          hint: 'Fix each name at the place shown, or add it to the fact catalogue or the story view.',
        });
      }
      if (!options.json) {
        ctx.io.out(`${reports.length} templates checked against the fact catalogue: all names resolve.`);
      }
    });
  return templates;
}
