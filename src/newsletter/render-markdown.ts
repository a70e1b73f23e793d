/**
 * The issue as markdown: `issue.md` for platforms that take markdown (links tagged for the
 * email campaign, a "read it on the web" link) and the body of the site's archive page
 * (untagged: a visit from the web page is not a visit from the email). Written as a markdown
 * tree and serialized by remark, which escapes text, so a `<script>` in a title comes out as
 * `\<script>`, text, even on a platform that passes raw HTML through.
 */
import type { PhrasingContent, Root, RootContent, TableRow } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { tagLinks } from './article-markdown.ts';
import type { ChartTable } from './chart.ts';
import type { Issue } from './issue.ts';
import type { LinkTagger } from './site-links.ts';

export interface MarkdownOptions {
  tag: LinkTagger;
  /** Print the link to the issue's web page (not on that page itself). */
  webLink: boolean;
}

const stringifier = unified()
  .use(remarkGfm)
  .use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', rule: '-', fences: true });

export function renderIssueMarkdown(issue: Issue, { tag, webLink }: MarkdownOptions): string {
  const text = (value: string): PhrasingContent => ({ type: 'text', value });
  const link = (url: string, label: string): PhrasingContent => ({
    type: 'link',
    url: tag(url),
    title: null,
    children: [text(label)],
  });
  const paragraph = (...children: PhrasingContent[]): RootContent => ({ type: 'paragraph', children });
  const emphasis = (value: string): PhrasingContent => ({ type: 'emphasis', children: [text(value)] });

  const children: RootContent[] = [
    paragraph(
      emphasis(issue.rangeLabel),
      ...(webLink ? [text(' · '), link(issue.links.archive, 'Read it on the web')] : []),
    ),
  ];
  for (const article of issue.articles) {
    children.push(
      { type: 'heading', depth: 2, children: [link(article.url, article.title)] },
      paragraph(
        emphasis(article.asOfLabel),
        ...(article.demo
          ? [text(' · '), { type: 'strong', children: [text('Demo data')] } as PhrasingContent]
          : []),
      ),
      paragraph(emphasis(article.summary)),
      ...tagLinks(article.excerpt, tag),
      ...(article.chart ? chartBlocks(article.chart) : []),
      paragraph(link(article.url, 'Read the full piece →')),
    );
  }
  children.push(
    { type: 'thematicBreak' },
    ...issue.disclaimers.map((d) => paragraph(emphasis(d))),
    paragraph(link(issue.links.methodology, 'How we compute these numbers')),
  );
  const root: Root = { type: 'root', children };
  return stringifier.stringify(root);
}

function chartBlocks(chart: ChartTable): RootContent[] {
  const row = (cells: string[]): TableRow => ({
    type: 'tableRow',
    children: cells.map((value) => ({ type: 'tableCell', children: [{ type: 'text', value }] })),
  });
  return [
    { type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: chart.title }] }] },
    {
      type: 'table',
      align: ['left', ...chart.columns.map(() => 'right' as const)],
      children: [
        row(['Date', ...chart.columns]),
        ...chart.rows.map((r) => row([r.date, ...r.values])),
        row([chart.changeLabel, ...chart.change]),
      ],
    },
  ];
}
