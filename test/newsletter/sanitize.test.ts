import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { RootContent } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { beforeAll, describe, expect, it } from 'vitest';
import { safeArticleTree, safeHref } from '../../src/newsletter/article-markdown.ts';
import { blocksToSafeHtml } from '../../src/newsletter/sanitize.ts';
import {
  byClass,
  byTag,
  FIXTURES,
  findAll,
  type HtmlNode,
  type NewsletterWorkspace,
  newsletterWorkspace,
  parseHtml,
  SITE,
  squash,
} from './support.ts';

/** Anything in these would run, load or style something in some client. */
const DANGEROUS_VALUE = /javascript:|vbscript:|data:|expression\(|url\(|evil\.example/i;
const FORBIDDEN_TAGS = new Set([
  'script',
  'iframe',
  'object',
  'embed',
  'img',
  'form',
  'input',
  'svg',
  'math',
  'link',
  'base',
]);
const ALLOWED_TAGS_IN_ARTICLE = new Set([
  'p',
  'a',
  'strong',
  'em',
  'ul',
  'ol',
  'li',
  'br',
  'code',
  'del',
  'blockquote',
]);

describe('a hostile article (fixtures/newsletter/hostile) in the issue', () => {
  let ws: NewsletterWorkspace;
  let html: string;
  let doc: HtmlNode;
  let piece: HtmlNode;

  beforeAll(async () => {
    ws = newsletterWorkspace();
    // It is the session's daily wrap: the issue carries one piece per story and session.
    rmSync(join(ws.articlesDir, '2025-11-26-daily-wrap.md'));
    copyFileSync(
      join(FIXTURES, 'hostile', '2025-11-26-hostile-piece.md'),
      join(ws.articlesDir, '2025-11-26-hostile-piece.md'),
    );
    const run = await ws.run(['newsletter']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    html = readFileSync(join(ws.outDir, 'email.html'), 'utf8');
    doc = parseHtml(html);
    piece = findAll(doc, byClass('article')).find((p) => p.text.includes('Hostile'))!;
    expect(piece).toBeDefined();
  });

  it('adds no element, attribute or URL that runs or loads anything', () => {
    for (const node of findAll(doc, () => true)) {
      expect(FORBIDDEN_TAGS.has(node.name), node.name).toBe(false);
      for (const [name, value] of Object.entries(node.attributes)) {
        expect(name.startsWith('on'), `${node.name} ${name}`).toBe(false);
        expect(value, `${node.name} ${name}`).not.toMatch(DANGEROUS_VALUE);
      }
    }
  });

  it('keeps the body to plain text structure, styled only by the stylesheet', () => {
    const body = findAll(piece, byClass('article-body'))[0]!;
    for (const node of findAll(body, () => true)) {
      expect(ALLOWED_TAGS_IN_ARTICLE.has(node.name), node.name).toBe(true);
      // No style of the article's own: the body is styled by the email's <head> stylesheet and
      // inherits the cell's font (juice inlines nothing onto body elements but link colours).
      expect(node.attributes['style'] ?? '', node.name).toMatch(/^(color: #0b5cad;)?$/);
    }
    // Raw HTML blocks (the script, the styled div, the expression paragraph) are gone, text and all.
    expect(body.text).not.toMatch(/styled block|expression block|alert\('block'\)/);
  });

  it('keeps the words of unsafe links, without the links', () => {
    const body = findAll(piece, byClass('article-body'))[0]!;
    expect(squash(body.text)).toContain(
      'Links: plain js, mixed case, vbscript, data, by reference, raw anchor,',
    );
    expect(findAll(body, byTag('a'))).toEqual([]);
    // Encoded markup in the source is text in the email, shown as written.
    expect(squash(body.text)).toContain('an image plus <script>alert(16)</script> as text');
  });

  it('prints a title and summary full of markup as text', () => {
    const headline = findAll(piece, byClass('headline'))[0]!;
    expect(squash(headline.text)).toBe(
      'Hostile <img src=x onerror="alert(1)"> headline <script>alert(2)</script>',
    );
    expect(findAll(headline, () => true).map((n) => n.name)).toEqual(['a']);
    const dek = findAll(piece, byClass('dek'))[0]!;
    expect(findAll(dek, () => true)).toEqual([]);
  });

  it('issue.md stays inert even on a platform that passes raw HTML through', () => {
    const markdown = readFileSync(join(ws.outDir, 'issue.md'), 'utf8');
    const rendered = String(
      unified()
        .use(remarkParse)
        .use(remarkGfm)
        .use(remarkRehype, { allowDangerousHtml: true })
        .use(rehypeStringify, { allowDangerousHtml: true })
        .processSync(markdown),
    );
    const out = parseHtml(rendered);
    const names = new Set(findAll(out, () => true).map((n) => n.name));
    for (const tag of ['script', 'img', 'iframe', 'div']) expect(names.has(tag), tag).toBe(false);
    for (const node of findAll(out, () => true)) {
      for (const [name, value] of Object.entries(node.attributes)) {
        expect(name.startsWith('on'), name).toBe(false);
        expect(value).not.toMatch(DANGEROUS_VALUE);
      }
    }
  });
});

describe('safeHref: a link is kept only when it resolves to http(s)', () => {
  it.each([
    ['https://news.example/x', 'https://news.example/x'],
    ['/smallcaps/methodology/', 'https://news.example/smallcaps/methodology/'],
    [
      'articles/2025-11-24-small-cap-rally/',
      'https://news.example/smallcaps/articles/2025-11-24-small-cap-rally/',
    ],
    ['javascript:alert(1)', null],
    ['  JaVaScRiPt:alert(1)', null],
    ['java\tscript:alert(1)', null], // the URL parser drops the tab: still javascript:
    ['vbscript:msgbox(1)', null],
    ['data:text/html,<script>alert(1)</script>', null],
    ['mailto:desk@example.com', null],
    ['http://[not a host', null],
  ])('%j → %j', (href, expected) => {
    expect(safeHref(href, `${SITE}/`)).toBe(expected);
  });
});

describe('the HTML sanitizer is a guard of its own', () => {
  it('drops a javascript: link and raw HTML even when the markdown step let them through', () => {
    const blocks: RootContent[] = [
      {
        type: 'paragraph',
        children: [
          { type: 'link', url: 'javascript:alert(1)', children: [{ type: 'text', value: 'click' }] },
          { type: 'html', value: '<img src=x onerror=alert(2)>' },
          { type: 'link', url: 'https://news.example/ok', children: [{ type: 'text', value: 'fine' }] },
        ],
      },
      { type: 'html', value: '<iframe src="https://evil.example"></iframe>' },
    ];
    // An `a` without href is inert: no target, nothing to click.
    expect(blocksToSafeHtml(blocks)).toBe('<p><a>click</a><a href="https://news.example/ok">fine</a></p>');
  });

  it('keeps GFM tables, lists and emphasis, without alignment styles', () => {
    const tree = safeArticleTree('| a | b |\n|:--|--:|\n| 1 | **2** |\n\n- _x_\n- y', `${SITE}/`);
    const html = blocksToSafeHtml(tree.children);
    expect(html).toContain('<th align="left">a</th>');
    expect(html).toContain('<td align="right"><strong>2</strong></td>');
    expect(html).toContain('<li><em>x</em></li>');
    expect(html).not.toContain('style=');
  });

  it('resolves reference links through their definitions, and drops fact marks', () => {
    const tree = safeArticleTree(
      'Up 8.5%<!--fact:RUT.return.5d--> [see][m] and [bad][b].\n\n[m]: /smallcaps/methodology/\n[b]: javascript:alert(1)',
      `${SITE}/`,
    );
    expect(blocksToSafeHtml(tree.children)).toBe(
      '<p>Up 8.5% <a href="https://news.example/smallcaps/methodology/">see</a> and bad.</p>',
    );
  });
});
