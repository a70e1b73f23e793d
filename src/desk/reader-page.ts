/**
 * A piece as readers will see it, for the desk's page pane. Astro is not started per draft: the
 * body goes through a markdown pipeline (remark + GFM, raw HTML kept only to be sanitized), then
 * through the site's own sanitizer (src/site/sanitize-body.ts, the strict schema of
 * src/content/html-schema.ts) and fact highlighting, and the page is laid out as the site's
 * ArticleView.astro lays it out (kicker, headline, dek, stamp, chart, body, disclaimer, sources),
 * with the site's CSS. Every front-matter value is escaped; the page carries no script and is
 * served with a CSP that allows none.
 */
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { ChartSnapshot } from '../content/chart-snapshot.ts';
import { frontMatterSchema } from '../content/front-matter.ts';
import { sourceName } from '../drafts/sources.ts';
import { formatDate } from '../facts/format.ts';
import { escapeHtml } from '../html-escape.ts';
import { findFrontMatter, readDraftSource } from '../review/draft-source.ts';
import { storyLabel } from '../site/article-index.ts';
import { chartTable, renderChartSvg } from '../site/chart-svg.ts';
import { highlightFactLinks } from '../site/fact-links.ts';
import { sanitizeBodyHtml } from '../site/sanitize-body.ts';

const markdown = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeStringify, { allowDangerousHtml: true });

/** The front matter's own chart rule, so the page draws exactly what the site would accept. */
const chartShape = frontMatterSchema.shape.chart;

const text = (value: unknown) => escapeHtml(typeof value === 'string' ? value : String(value ?? ''));

interface SourceEntry {
  symbol?: unknown;
  name?: unknown;
  sources?: unknown;
  first?: unknown;
  last?: unknown;
}

const isoDate = (value: unknown) =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;

export function readerPage(draftText: string, options: { disclaimer: string; title: string }): string {
  const source = readDraftSource(draftText);
  const data = (source.data ?? {}) as Record<string, unknown>;
  const block = findFrontMatter(draftText);
  const body = draftText.slice(block?.bodyStart ?? 0);
  const asOf = isoDate(data['asOf']);
  const html = highlightFactLinks(
    sanitizeBodyHtml(String(markdown.processSync(body))),
    data['facts'] as Parameters<typeof highlightFactLinks>[1],
    { asOf },
  );
  const squash = (t: string) => t.replace(/[\s_*]+/g, ' ').trim();
  const printsDisclaimer = squash(body).includes(squash(options.disclaimer));
  const sources = Array.isArray(data['sources']) ? (data['sources'] as SourceEntry[]) : [];
  const parts = [
    data['dataset'] === 'demo'
      ? '<p class="demo-banner">Demo data: generated numbers, not market data.</p>'
      : '',
    '<header>',
    `<p class="kicker">${text(storyLabel(String(data['story'] ?? '')))}</p>`,
    `<h1>${text(data['title'])}</h1>`,
    `<p class="dek">${text(data['summary'])}</p>`,
    asOf
      ? `<p class="stamp">Data as of the <time datetime="${asOf}">${text(formatDate(asOf))}</time> close</p>`
      : '',
    '</header>',
    chartFigure(data['chart']),
    `<div class="body">${html}</div>`,
    printsDisclaimer ? '' : `<p class="disclaimer">${text(options.disclaimer)}</p>`,
    sources.length > 0
      ? `<section class="about-data"><h2>Sources</h2><ul>${sources.map(sourceLine).join('')}</ul></section>`
      : '',
  ];
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${text(options.title)}</title><link rel="stylesheet" href="/site.css"></head><body><main><article class="piece">${parts.join('')}</article></main></body></html>`;
}

function sourceLine(s: SourceEntry): string {
  const names = Array.isArray(s.sources) ? s.sources.map((x) => sourceName(String(x))).join(', ') : '';
  const first = isoDate(s.first);
  const last = isoDate(s.last);
  const span = first && last ? `, closes from ${formatDate(first)} to ${formatDate(last)}` : '';
  return `<li>${text(s.name)} (${text(s.symbol)}): ${text(names)}${text(span)}</li>`;
}

/** The chart as Chart.astro draws it; a snapshot the editor broke is left out rather than drawn wrong. */
function chartFigure(chart: unknown): string {
  if (!isChart(chart)) return '';
  try {
    const { svg, summary } = renderChartSvg(chart, 'chart');
    const table = chartTable(chart);
    const rows = table.rows
      .map(
        ([date, ...values]) =>
          `<tr><th scope="row">${text(date)}</th>${values.map((v) => `<td>${text(v)}</td>`).join('')}</tr>`,
      )
      .join('');
    return `<figure class="chart">${svg}<figcaption>${text(chart.title)}, rebased to ${text(chart.rebased)} on the first date. ${text(summary)}</figcaption><details><summary>Chart data: closing levels</summary><table><thead><tr>${table.head.map((h) => `<th scope="col">${text(h)}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table></details></figure>`;
  } catch {
    return '<p class="chart-broken">The chart snapshot in the front matter cannot be drawn.</p>';
  }
}

function isChart(value: unknown): value is ChartSnapshot {
  return value !== undefined && chartShape.safeParse(value).success;
}
