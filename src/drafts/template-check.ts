/**
 * `wirecopy templates check`: every story's templates against the whole fact catalogue, with no
 * market data. A synthetic FactSet holds every catalogue fact; the check walks both sides of
 * every condition, so a name that only one rare branch prints is caught before the day it runs.
 */
import { catalogueEntry, catalogueIds, macroIds } from '../facts/catalogue.ts';
import { formatFactValue } from '../facts/format.ts';
import type { FactSet, FactUnit, FactValue } from '../facts/types.ts';
import type { PriceTarget } from '../stats/targets.ts';
import type { SymbolRegistry } from '../symbols.ts';
import type { IsoDate } from '../types.ts';
import { type DraftContext, SOCIAL, storyViews } from './generate.ts';
import type { Story } from './stories/story.ts';
import { checkTemplate, parseTemplate, type TemplateProblem } from './strict-template.ts';

const SAMPLE: Record<FactUnit, (asOf: IsoDate) => FactValue> = {
  fraction: () => 0.0123,
  points: () => 12.34,
  level: () => 1234.56,
  count: () => 3,
  sessions: () => 5,
  date: (asOf) => asOf,
  bool: () => true,
  percent_rate: () => 4.02,
  year: () => 2024,
  basis_points: () => 12,
  percentage_points: () => 0.12,
  ratio: () => 1.35,
};

/** A FactSet with every catalogue fact present, for checking templates without data. */
export function syntheticFactSet(
  indexes: readonly string[],
  benchmark: string,
  signals: ReadonlyArray<{ id: string }>,
  asOf: IsoDate = '2025-06-30',
): FactSet {
  const facts: FactSet['facts'] = {};
  for (const id of [...catalogueIds(indexes, benchmark, signals), ...macroIds()]) {
    const statId = id.slice(id.indexOf('.') + 1);
    const entry = catalogueEntry(statId, id.slice(0, id.indexOf('.')))!;
    const value = SAMPLE[entry.unit](asOf);
    facts[id] = {
      id,
      value,
      unit: entry.unit,
      display: formatFactValue(value, entry.unit, asOf),
      asOf,
      inputs: [],
      definition: entry.definition,
    };
  }
  const series = Object.fromEntries(
    indexes.map((s) => [s, { sources: ['demo'], first: '1990-01-02', last: asOf }]),
  );
  return { asOf, dataset: 'demo', facts, missing: [], series };
}

/** One analyst's target for the lead index and its two facts, so the targets partial is checked too. */
function withSampleTarget(factSet: FactSet, lead: string): { factSet: FactSet; targets: PriceTarget[] } {
  const target: PriceTarget = {
    org: 'Example',
    index: lead,
    target: 1250,
    date: factSet.asOf,
    source: 'https://www.example.com/',
  };
  const inputs = [{ series: `${lead}.target.example`, date: factSet.asOf, close: target.target }];
  const facts = { ...factSet.facts };
  for (const [id, unit, value] of [
    [`${lead}.target.example.upside`, 'fraction', 0.0123],
    [`${lead}.target.example.upside.points`, 'points', 15.06],
  ] as const) {
    const entry = catalogueEntry(id.slice(id.indexOf('.') + 1), lead)!;
    facts[id] = {
      id,
      value,
      unit,
      display: formatFactValue(value, unit, factSet.asOf),
      asOf: factSet.asOf,
      inputs,
      definition: entry.definition,
    };
  }
  return { factSet: { ...factSet, facts }, targets: [target] };
}

export interface TemplateReport {
  file: string;
  problems: TemplateProblem[];
}

export function checkStoryTemplates(
  stories: readonly Story[],
  context: DraftContext & {
    indexes: readonly string[];
    benchmark: string;
    signals: ReadonlyArray<{ id: string }>;
    registry: SymbolRegistry;
  },
): TemplateReport[] {
  const { factSet, targets } = withSampleTarget(
    syntheticFactSet(context.indexes, context.benchmark, context.signals),
    context.indexes[0] ?? 'RUT',
  );
  const partials = context.templates.partials();
  const reports = new Map<string, TemplateReport>();
  const check = (name: string, view: object) => {
    const source = context.templates.get(name);
    const report = reports.get(source.file) ?? { file: source.file, problems: [] };
    reports.set(source.file, report);
    try {
      parseTemplate(source);
      for (const p of checkTemplate(source, view, partials, { allBranches: true })) {
        if (!report.problems.some((q) => q.line === p.line && q.column === p.column && q.file === p.file))
          report.problems.push(p);
      }
    } catch (error) {
      report.problems.push({
        file: source.file,
        line: 1,
        column: 1,
        name: '',
        message: (error as Error).message,
      });
    }
  };
  for (const story of stories) {
    const angle = {
      lead: story.requires[0]!,
      reason: 'check',
      score: 0,
      headline: 'Headline',
      runnersUp: [],
    };
    // A fresh quote on every topic, so the quote partial is checked too.
    const quotes = [
      {
        who: 'A. Analyst',
        title: 'strategist',
        organization: 'Example',
        text: 'Up 5%.',
        date: factSet.asOf,
        source: 'https://www.example.com/',
        topics: [...(story.quoteTopics ?? ['small-caps'])],
      },
    ];
    const { view, bodyView } = storyViews({ story, why: 'check', angle }, factSet, {
      ...context,
      quotes,
      targets,
    });
    check(story.template, bodyView());
    check(`${story.template}.summary`, view);
    for (const network of SOCIAL) check(`social/${network}`, view);
  }
  return [...reports.values()];
}
