/**
 * From a FactSet to draft files: pick the story's angle, build its view, render the article and
 * its social digests strictly, and write `content/drafts/<asOf>-<slug>.md` unless an editor has
 * changed the file there.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Errors, WirecopyError } from '../errors.ts';
import type { FactSet } from '../facts/types.ts';
import type { SymbolRegistry } from '../symbols.ts';
import { serializeDraft, type WriteOutcome, writeDraft } from './draft-file.ts';
import { buildFactView } from './fact-view.ts';
import type { FrontMatter } from './front-matter.ts';
import { describeSources } from './sources.ts';
import type { Story } from './stories/story.ts';
import { renderStrict } from './strict-template.ts';
import type { TemplateLibrary } from './templates.ts';

export interface DraftContext {
  templates: TemplateLibrary;
  registry: SymbolRegistry;
  publication: { name: string; siteUrl: string; disclaimer: string };
  generatorVersion: string;
}

export interface RenderedDraft {
  story: string;
  fileName: string;
  text: string;
  frontMatter: Omit<FrontMatter, 'generator'> & { generator: Omit<FrontMatter['generator'], 'contentHash'> };
  body: string;
}

export interface DraftResult {
  story: string;
  path: string;
  title: string;
  outcome: WriteOutcome;
}

const SOCIAL = ['x', 'linkedin', 'facebook'] as const;

/** Facts the story needs that the FactSet lacks, each with the reason it is missing. */
export function unmetRequirements(story: Story, factSet: FactSet): string[] {
  return story.requires
    .filter((id) => !factSet.facts[id])
    .map((id) => `${id}: ${factSet.missing.find((m) => m.id === id)?.reason ?? 'not computed'}`);
}

export function renderDraft(story: Story, factSet: FactSet, context: DraftContext): RenderedDraft {
  const unmet = unmetRequirements(story, factSet);
  if (unmet.length > 0) {
    throw new WirecopyError(
      Errors.NoData,
      `Cannot write the ${story.id} story for ${factSet.asOf}: facts it needs are missing.`,
      {
        details: unmet,
        hint: 'Import or fetch the missing series through that date (wirecopy status shows what the store holds), or pick an earlier --as-of.',
      },
    );
  }
  const { templates, publication } = context;
  const angle = story.angle(factSet);
  const articleUrl = `${publication.siteUrl.replace(/\/$/, '')}/articles/${factSet.asOf}-${story.slug}/`;
  const sources = describeSources(factSet, context.registry);
  const words = story.view(factSet);
  // The article body links each number to its fact; summaries and social posts print plain text.
  const viewWith = (facts: ReturnType<typeof buildFactView>) => ({
    ...facts.facts,
    abs: facts.abs,
    ord: facts.ord,
    ...words,
    headline: angle.headline,
    disclaimer: publication.disclaimer,
    sources: sources.text,
    links: Object.fromEntries(
      SOCIAL.map((network) => [
        network,
        `${articleUrl}?utm_source=${network}&utm_medium=social&utm_campaign=${story.slug}`,
      ]),
    ),
  });
  const view = viewWith(buildFactView(factSet));
  const bodyView = viewWith(buildFactView(factSet, { linked: true }));
  const printed = new Set<string>();
  const partials = templates.partials();
  const body = renderStrict(templates.get(story.template), bodyView, partials, printed);
  const summary = renderStrict(templates.get(`${story.template}.summary`), view, partials, printed).trim();
  const social = Object.fromEntries(
    SOCIAL.map((network) => [
      network,
      renderStrict(templates.get(`social/${network}`), view, partials, printed).trim(),
    ]),
  ) as Record<(typeof SOCIAL)[number], string>;

  const frontMatter = {
    title: angle.headline,
    slug: story.slug,
    story: story.id,
    asOf: factSet.asOf,
    date: factSet.asOf,
    status: 'draft' as const,
    dataset: factSet.dataset,
    tags: story.tags,
    summary,
    facts: Object.fromEntries(
      [...printed, angle.lead].sort().map((id) => {
        const fact = factSet.facts[id]!;
        return [id, { value: fact.value, display: fact.display }];
      }),
    ),
    angles: { story: story.id, lead: angle.lead, reason: angle.reason },
    social,
    sources: sources.list,
    generator: { version: context.generatorVersion, template: `templates/${story.template}.mustache` },
  };
  const tidyBody = body.replace(/\n{3,}/g, '\n\n');
  return {
    story: story.id,
    fileName: `${factSet.asOf}-${story.slug}.md`,
    frontMatter,
    body: tidyBody,
    text: serializeDraft(frontMatter, tidyBody),
  };
}

export async function writeDrafts(
  drafts: readonly RenderedDraft[],
  draftsDir: string,
): Promise<DraftResult[]> {
  mkdirSync(draftsDir, { recursive: true });
  const results: DraftResult[] = [];
  for (const draft of drafts) {
    const path = join(draftsDir, draft.fileName);
    results.push({
      story: draft.story,
      path,
      title: draft.frontMatter.title,
      outcome: await writeDraft(path, draft.text),
    });
  }
  return results;
}
