/**
 * The plain-text part, written from the issue's markdown trees (not scraped back from the HTML),
 * so it reads on its own: wrapped at 72 columns, headings underlined, links as numbered
 * footnotes collected at the end (a URL with its campaign tags is too long to sit in a sentence).
 */
import type { PhrasingContent, RootContent } from 'mdast';
import type { ChartTable } from './chart.ts';
import type { Issue } from './issue.ts';
import { emailTagger, type LinkTagger, UNSUBSCRIBE_MERGE_TAG } from './site-links.ts';

export const TEXT_WIDTH = 72;

/** Numbers links in order of first appearance; the same URL keeps its number. */
class Footnotes {
  readonly urls: string[] = [];
  private readonly tag: LinkTagger;

  constructor(tag: LinkTagger) {
    this.tag = tag;
  }

  ref(url: string): string {
    const tagged = this.tag(url);
    let n = this.urls.indexOf(tagged);
    if (n < 0) n = this.urls.push(tagged) - 1;
    return `[${n + 1}]`;
  }
}

export function renderEmailText(issue: Issue): string {
  const notes = new Footnotes(emailTagger(issue.id));
  const rule = (char: string) => char.repeat(TEXT_WIDTH);
  const out: string[] = [
    issue.publicationName.toUpperCase(),
    ...underlined(issue.title, '='),
    `${issue.title === issue.rangeLabel ? '' : `${issue.rangeLabel}. `}Read it on the web: ${notes.ref(issue.links.archive)}`,
    '',
    'In this issue:',
    ...issue.articles.flatMap((a, i) => hanging(`${i + 1}. `, a.title)),
  ];
  for (const article of issue.articles) {
    out.push('', rule('-'), '', ...underlined(`${article.title} ${notes.ref(article.url)}`, '-'));
    out.push(`${article.asOfLabel}${article.demo ? ' (DEMO DATA)' : ''}`, '');
    out.push(...wrap(article.summary), '');
    for (const block of article.excerpt) out.push(...blockLines(block, notes), '');
    if (article.chart) out.push(...chartLines(article.chart), '');
    out.push(`Read the full piece: ${notes.ref(article.url)}`);
  }
  out.push('', rule('='), '');
  for (const disclaimer of issue.disclaimers) out.push(...wrap(disclaimer), '');
  out.push(`How we compute these numbers: ${notes.ref(issue.links.methodology)}`);
  out.push(`Unsubscribe: ${UNSUBSCRIBE_MERGE_TAG}`, '', 'Links:');
  out.push(...notes.urls.map((url, i) => `[${i + 1}] ${url}`));
  return `${out.join('\n')}\n`;
}

function underlined(text: string, char: string): string[] {
  const lines = wrap(text);
  return [...lines, char.repeat(Math.max(...lines.map((l) => l.length)))];
}

function blockLines(node: RootContent, notes: Footnotes, width = TEXT_WIDTH): string[] {
  switch (node.type) {
    case 'paragraph':
      return wrap(inline(node.children, notes), width);
    case 'heading':
      return wrap(inline(node.children, notes).toUpperCase(), width);
    case 'blockquote':
      return node.children
        .flatMap((child, i) => [...(i > 0 ? [''] : []), ...blockLines(child, notes, width - 2)])
        .map((line) => `> ${line}`.trimEnd());
    case 'list':
      return node.children.flatMap((item, i) => {
        const marker = node.ordered ? `${(node.start ?? 1) + i}. ` : '- ';
        const lines = item.children.flatMap((child) => blockLines(child, notes, width - marker.length));
        return indentUnder(marker, lines);
      });
    case 'table':
      return node.children.map((row) => row.children.map((cell) => inline(cell.children, notes)).join(' | '));
    case 'code':
      return node.value.split('\n').map((line) => `    ${line}`);
    default:
      return 'children' in node ? wrap(inline(node.children as PhrasingContent[], notes), width) : [];
  }
}

function inline(nodes: readonly PhrasingContent[], notes: Footnotes): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case 'text':
        case 'inlineCode':
          return node.value;
        case 'break':
          return '\n';
        case 'link':
          return `${inline(node.children, notes)} ${notes.ref(node.url)}`;
        default:
          return 'children' in node ? inline(node.children as PhrasingContent[], notes) : '';
      }
    })
    .join('');
}

function chartLines(chart: ChartTable): string[] {
  const header = ['Date', ...chart.columns];
  const rows = [...chart.rows.map((row) => [row.date, ...row.values]), [chart.changeLabel, ...chart.change]];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  // Dates read left-aligned; numbers right-aligned, so their digits line up.
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [...wrap(chart.title), line(header), ...rows.map(line)];
}

/** `marker` then the text, its later lines indented under the text. */
function hanging(marker: string, text: string): string[] {
  return indentUnder(marker, wrap(text, TEXT_WIDTH - marker.length));
}

function indentUnder(marker: string, lines: readonly string[]): string[] {
  const indent = ' '.repeat(marker.length);
  return lines.map((line, i) => (i === 0 ? marker : line ? indent : '') + line);
}

/** Greedy word wrap; a word longer than the width (a URL) gets a line of its own. */
export function wrap(text: string, width = TEXT_WIDTH): string[] {
  return text.split('\n').flatMap((paragraph) => {
    const lines: string[] = [];
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else {
        line = line ? `${line} ${word}` : word;
      }
    }
    lines.push(line);
    return lines;
  });
}
