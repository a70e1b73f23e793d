/**
 * From a FactSet to draft files: pick the story's angle, build its view, render the article and
 * its social digests strictly, and write `content/drafts/<asOf>-<slug>.md` unless an editor has
 * changed the file there.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type ChartSeriesInput, chartSnapshot, isRate } from '../content/chart-snapshot.ts';
import { serializeDraft, type WriteOutcome, writeDraft } from '../content/draft-file.ts';
import type { FrontMatter } from '../content/front-matter.ts';
import type { FactSet } from '../facts/types.ts';
import type { Quote } from '../inputs/quotes.ts';
import { type SelectedQuote, selectQuote } from '../inputs/select-quote.ts';
import type { PriceTarget } from '../stats/targets.ts';
import type { SymbolRegistry } from '../symbols.ts';
import { sealFacts } from './fact-seal.ts';
import { buildFactView, type FactView, factNode, numberOf } from './fact-view.ts';
import { markdownText, markdownUrl } from './markdown-text.ts';
import {
  backedFacts,
  type DocumentPlan,
  type PiecePeriod,
  planPiece,
  planRecord,
  planView,
  yieldMoveId,
} from './plan.ts';
import type { StoryChoice } from './select.ts';
import { buildFacebookPost } from './social/facebook.ts';
import { buildLinkedInPost } from './social/linkedin.ts';
import { socialLink } from './social/utm.ts';
import { buildXPost } from './social/x.ts';
import { markSourcedNumbers } from './sourced-marks.ts';
import { describeSources, readerSources } from './sources.ts';
import { commonView } from './stories/common-view.ts';
import { headlineCause } from './stories/headline-moves.ts';
import type { Story, StorySettings } from './stories/story.ts';
import { renderStrict } from './strict-template.ts';
import { articleLambda } from './style/articles.ts';
import { referenceView, resolveReferences } from './style/referring.ts';
import { proseOf, spendSections } from './style/repetition.ts';
import { targetsView } from './targets-view.ts';
import type { TemplateLibrary } from './templates.ts';
// LAMBDA named here so the declaration build (tsconfig.build.json) can spell storyViews' return
// type (TS4058 without it); no code uses it.
// biome-ignore lint/correctness/noUnusedImports: needed by the declaration emit, see above
import { createVariation, type LAMBDA } from './variation.ts';
import { FACT_LINK } from './view-values.ts';

export interface DraftContext {
  templates: TemplateLibrary;
  registry: SymbolRegistry;
  publication: { name: string; siteUrl: string; disclaimer: string; forwardReturnsDisclaimer: string };
  settings: StorySettings;
  /** Editor-supplied quotes (content/inputs/quotes.yaml); a piece uses one only when it fits. */
  quotes?: readonly Quote[];
  /** Analysts' index targets (content/inputs/targets.yaml): printed with their source when current. */
  targets?: readonly PriceTarget[];
  /** The desk's note and embargo for the session (content/inputs/notes.yaml); `hold`: why the notes could not be read. */
  notes?: { editorNote?: string; embargo: boolean; hold?: string };
  /** The lead and benchmark closes the piece's chart is cut from (the site never reads the store). */
  chartSeries?: readonly ChartSeriesInput[];
  generatorVersion: string;
  /** What the data-quality gate said (src/jobs/gate.ts), recorded in the front matter. */
  checks?: FrontMatter['checks'];
}

export interface RenderedDraft {
  story: string;
  /** What the piece is about: five sessions (and the day), the week or the month. */
  period: PiecePeriod;
  fileName: string;
  text: string;
  frontMatter: Omit<FrontMatter, 'generator'> & { generator: Omit<FrontMatter['generator'], 'contentHash'> };
  body: string;
}

export interface DraftResult {
  story: string;
  path: string;
  title: string;
  /** `revision`: the draft at `editedPath` was edited, so this text went to a new revision file. */
  outcome: WriteOutcome | 'revision';
  editedPath?: string;
}

export const SOCIAL = ['x', 'linkedin', 'facebook'] as const;

/** Renderings of a body that still prints a figure too often; each gives up one print. */
const MAX_RERENDERS = 12;

/** Where the credit line goes until the body says which facts it prints. */
const SOURCES_SLOT = '\u2063sources\u2063';

/**
 * The views a story's templates render from: `view` for the summary and social posts (plain
 * numbers) and `bodyView` for the article (each number linked to its fact). Both share one set
 * of used phrasings, so the piece never repeats itself. `bodyView` is built afresh for each
 * rendering of the body (its phrasings start over), and its `spend` sections are `bodySpend`:
 * `renderDraft` renders again while a figure prints more than twice (style/repetition.ts).
 */
export function storyViews(choice: StoryChoice, factSet: FactSet, context: Omit<DraftContext, 'templates'>) {
  const { story, angle } = choice;
  const { publication } = context;
  const seed = `${factSet.asOf}|${story.slug}`;
  const phrasingsUsed = new Set<string>();
  const articleUrl = `${publication.siteUrl.replace(/\/$/, '')}/articles/${factSet.asOf}-${story.slug}/`;
  const sources = describeSources(factSet, context.registry);
  const common = commonView(factSet, context.settings);
  const plan = planPiece(factSet, context.settings, { story: story.id, period: story.period ?? 'five' });
  const planned = planView(plan);
  const quote = selectQuote(context.quotes ?? [], {
    topic: story.quoteTopics ?? ['small-caps'],
    asOf: factSet.asOf,
  });
  const bodySpend = spendSections();
  const viewWith = (facts: FactView, variationSeed: string, spend: ReturnType<typeof spendSections>) => ({
    ...facts.facts,
    abs: facts.abs,
    ord: facts.ord,
    month: facts.month,
    rounded: facts.rounded,
    pp: facts.pp,
    // `{{#an}}{{abs.SPX.return.ytd}} gain{{/an}}`: the article by the sound of the figure.
    an: articleLambda,
    ...common,
    ...planned,
    period: periodView(story.period ?? 'five', facts, factSet),
    ...story.view?.(factSet, context.settings, facts),
    is: { ...common.is, forward_returns: story.quotesForwardReturns === true },
    headline: angle.headline,
    disclaimer: publication.disclaimer,
    forward_returns_disclaimer: publication.forwardReturnsDisclaimer,
    vary: createVariation(variationSeed, phrasingsUsed).vary,
    // `{{#Ref}}rises|rise{{/Ref}}`: the next mention of the index, in words after rendering (style/referring.ts).
    ...referenceView,
    // A figure's third print gives way to words (style/repetition.ts); short texts print every figure.
    spend: spend.lambda,
    // A list, because strict sections refuse a missing value: empty when no quote fits.
    quote: quote ? [quoteView(quote, facts.linked)] : [],
    targets: targetsView(context.targets ?? [], factSet, facts),
    // Filled in after the body is rendered: only the series the piece prints are credited.
    sources: SOURCES_SLOT,
    links: Object.fromEntries(
      SOCIAL.map((network) => [network, socialLink(articleUrl, network, story.slug)]),
    ),
  });
  const bodyFacts = buildFactView(factSet, { linked: true });
  return {
    view: viewWith(buildFactView(factSet), seed, spendSections()),
    bodyView: () => {
      phrasingsUsed.clear();
      bodySpend.reset();
      return viewWith(bodyFacts, `${seed}|body`, bodySpend);
    },
    bodySpend,
    sources,
    plan,
  };
}

export function renderDraft(choice: StoryChoice, factSet: FactSet, context: DraftContext): RenderedDraft {
  const { story, angle } = choice;
  const { templates } = context;
  const { view, bodyView, bodySpend, sources, plan } = storyViews(choice, factSet, context);
  const printed = new Set<string>();
  const partials = templates.partials();
  const renderBody = () =>
    resolveReferences(renderStrict(templates.get(story.template), bodyView(), partials));
  let withSourcesSlot = renderBody();
  // The headline counts: a figure it prints may appear twice more, in the lede and once after.
  for (let tries = 0; tries < MAX_RERENDERS; tries++) {
    if (!bodySpend.giveUp(`${angle.headline}\n\n${proseOf(withSourcesSlot)}`)) break;
    withSourcesSlot = renderBody();
  }
  // The body's fact links name exactly the facts it prints, whichever phrasings were chosen.
  for (const match of withSourcesSlot.matchAll(FACT_LINK)) printed.add(match[1]!);
  const finalPlan = withoutGivenUp(plan, printed);
  const body = withSourcesSlot.replaceAll(SOURCES_SLOT, readerSources(printed, factSet, context.registry));
  // "At a record" prints no number, yet it is a claim: the fact behind it goes in the front
  // matter too, so that the review's superlative check finds what backs it.
  if (factSet.facts['RUT.record.today']?.value === true) printed.add('RUT.record.today');
  // "Small caps have nearly caught up with large caps for the year" (partials/year-so-far).
  if (factSet.facts['RUT.vs.SPX.ytd_race.nearly_caught_up']?.value === true)
    printed.add('RUT.vs.SPX.ytd_race.nearly_caught_up');
  for (const id of backedFacts(finalPlan)) if (factSet.facts[id]) printed.add(id);
  // A cause the headline gives ("as the 2-year Treasury yield falls 18 basis points") is a claim: its facts go in too.
  const cause = headlineCause(factSet, story.period ?? 'five', context.settings);
  if (cause !== undefined && angle.headline.includes(cause.text))
    for (const id of cause.facts) if (factSet.facts[id]) printed.add(id);
  // The summary and the social posts are read on their own: every mention is the name.
  const summary = resolveReferences(
    renderStrict(templates.get(`${story.template}.summary`), view, partials, printed),
    { nameOnly: true },
  ).trim();
  const rendered = (network: (typeof SOCIAL)[number]) =>
    resolveReferences(renderStrict(templates.get(`social/${network}`), view, partials, printed), {
      nameOnly: true,
    }).trim();
  const social = socialPosts(
    { x: rendered('x'), linkedin: rendered('linkedin'), facebook: rendered('facebook') },
    view.links,
  );

  const facts = Object.fromEntries(
    [...printed, angle.lead].sort().map((id) => {
      const fact = factSet.facts[id]!;
      return [id, { value: fact.value, display: fact.display }];
    }),
  );
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
    facts,
    angles: {
      story: story.id,
      why: choice.why,
      lead: angle.lead,
      score: angle.score,
      reason: angle.reason,
      runnersUp: angle.runnersUp,
    },
    plan: planRecord(finalPlan),
    social,
    sources: sources.list,
    ...(context.checks ? { checks: context.checks } : {}),
    ...(context.notes?.editorNote ? { note: context.notes.editorNote } : {}),
    ...(context.notes?.embargo ? { embargo: true as const } : {}),
    ...(context.notes?.hold ? { hold: context.notes.hold } : {}),
    ...chartOf(story, factSet.asOf, context.chartSeries),
    generator: {
      version: context.generatorVersion,
      template: `templates/${story.template}.mustache`,
      facts: sealFacts(facts),
    },
  };
  // Sentence partials open with a space; at the start of a paragraph it goes, and so do empty sections.
  const tidyBody = body.replace(/^ +| +$/gm, '').replace(/\n{3,}/g, '\n\n');
  return {
    story: story.id,
    period: story.period ?? 'five',
    fileName: `${factSet.asOf}-${story.slug}.md`,
    frontMatter,
    body: tidyBody,
    text: serializeDraft(frontMatter, tidyBody),
  };
}

/**
 * The plan as printed: a sentence that left out its only figure (its `{{#spend}}` gave way, the
 * figure being printed twice already) did not print, and the front matter says so.
 */
function withoutGivenUp(plan: DocumentPlan, printed: ReadonlySet<string>): DocumentPlan {
  const sections = Object.fromEntries(
    Object.entries(plan.sections).map(([section, items]) => [
      section,
      items.map((item) =>
        item.printed && OPTIONAL_SENTENCES.has(item.sentence) && !printed.has(item.fact)
          ? {
              ...item,
              printed: false,
              reason: `${item.reason} Left out: its figure was printed twice already.`,
            }
          : item,
      ),
    ]),
  ) as DocumentPlan['sections'];
  return { ...plan, sections };
}

/** Sentences whose partial is one `{{#spend}}` with an empty last phrasing (templates/partials/s-*.mustache). */
const OPTIONAL_SENTENCES = new Set(['one_year', 'mtd']);

/**
 * The piece's own period for its social posts, so a weekly recap's post never quotes five
 * sessions: the label and both indexes' moves over that period.
 */
function periodView(period: PiecePeriod, facts: FactView, factSet: FactSet) {
  const stat = { five: 'return.5d', week: 'return.week', month: 'return.mtd' }[period];
  const label = { five: 'Five sessions', week: 'The week', month: 'The month' }[period];
  const node = (id: string) => factNode(facts.abs, id);
  const updown = (id: string) => {
    const signed = factNode(facts.facts, id);
    return signed === undefined ? 'flat' : signed.display.startsWith('-') ? 'down' : 'up';
  };
  return {
    label,
    rut: node(`RUT.${stat}`) ?? '',
    spx: node(`SPX.${stat}`) ?? '',
    rut_updown: updown(`RUT.${stat}`),
    spx_updown: updown(`SPX.${stat}`),
    five: period === 'five',
    month: period === 'month',
    why: whyView(period, facts, factSet),
  };
}

/** The 2-year yield's move over the piece's period, with the verb and the causal line's direction. */
function whyView(period: PiecePeriod, facts: FactView, factSet: FactSet) {
  const id = yieldMoveId(period);
  const bp = numberOf(factSet, id) ?? 0;
  return {
    bp: factNode(facts.abs, id) ?? '',
    words: period === 'month' ? 'this month' : 'over the past five sessions',
    // A reader wants the direction even of a small move: "edged down 2 basis points", never "moved".
    verb: Math.abs(bp) < 3 ? (bp < 0 ? 'edged down' : 'edged up') : bp < 0 ? 'fell' : 'rose',
    unchanged: bp === 0,
    down: bp <= -3,
    up: bp >= 3,
    flat: Math.abs(bp) < 3,
  };
}

/**
 * Writes each draft unless an editor changed the file there. With `force`, an edited draft
 * stays as it is and the new text goes next to it as the next free revision (`-r2.md`, `-r3.md`).
 */
/**
 * The small series snapshot the site charts, when the closes are at hand: the lead index and the
 * benchmark, or, for a story that charts rates, the lead index and those rates (when stored).
 */
function chartOf(story: Story, asOf: string, all: readonly ChartSeriesInput[] | undefined) {
  const indexes = (all ?? []).filter((s) => !isRate(s));
  const rates = (all ?? []).filter((s) => isRate(s) && story.chartRates?.includes(s.symbol));
  const series = rates.length > 0 && indexes[0] ? [indexes[0], ...rates] : indexes;
  const chart = series.length > 0 ? chartSnapshot({ story: story.id, asOf, series }) : undefined;
  return chart ? { chart } : {};
}

/**
 * A quote as the templates print it: its words and attribution escaped as markdown text and
 * its link normalized (markdown-text.ts), so a quotes file cannot put markup in a draft.
 */
function quoteView(quote: SelectedQuote, linked: boolean): SelectedQuote {
  const text = markdownText(quote.text);
  return {
    ...quote,
    // Numbers in a quote are the speaker's, not facts of ours.
    text: linked ? markSourcedNumbers(text, quote) : text,
    attribution: markdownText(quote.attribution),
    source: markdownUrl(quote.source),
  };
}

/**
 * The digests as each network takes them: X within 280 weighted characters with the cashtag and
 * the link (a thread when the text needs it), LinkedIn within 3,000 with its link line,
 * Facebook with the lead before the "See more" fold.
 */
function socialPosts(texts: Record<(typeof SOCIAL)[number], string>, links: Record<string, string>) {
  const x = buildXPost({ text: texts.x, url: links['x']!, cashtags: ['IWM'], thread: true });
  const linkedin = buildLinkedInPost({ text: texts.linkedin, url: links['linkedin']! });
  const [lead = '', ...rest] = texts.facebook.split(/\n{2,}/);
  const facebook = buildFacebookPost({ lead, body: rest.join('\n\n'), url: links['facebook']! });
  return {
    x: x.posts[0]!,
    ...(x.posts.length > 1 ? { xThread: x.posts } : {}),
    linkedin: linkedin.text,
    facebook: facebook.text,
  };
}

export async function writeDrafts(
  drafts: readonly RenderedDraft[],
  draftsDir: string,
  options: { force?: boolean } = {},
): Promise<DraftResult[]> {
  mkdirSync(draftsDir, { recursive: true });
  const results: DraftResult[] = [];
  for (const draft of drafts) {
    const path = join(draftsDir, draft.fileName);
    const outcome = await writeDraft(path, draft.text);
    if (outcome === 'edited' && options.force) {
      const revision = await writeRevision(draftsDir, draft);
      results.push({
        story: draft.story,
        path: revision,
        title: draft.frontMatter.title,
        outcome: 'revision',
        editedPath: path,
      });
      continue;
    }
    results.push({ story: draft.story, path, title: draft.frontMatter.title, outcome });
  }
  return results;
}

async function writeRevision(draftsDir: string, draft: RenderedDraft): Promise<string> {
  const stem = draft.fileName.replace(/\.md$/, '');
  for (let n = 2; ; n++) {
    const path = join(draftsDir, `${stem}-r${n}.md`);
    const outcome = await writeDraft(path, draft.text);
    // An earlier revision with the same text, or a fresh slot, ends the search; an edited one does not.
    if (outcome !== 'edited') return path;
  }
}
