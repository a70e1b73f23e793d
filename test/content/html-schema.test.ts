/**
 * The one allow-list for article HTML (src/content/html-schema.ts), and the places that must use
 * it: the email's renderer and the site's body sanitizer give the same HTML for the same piece,
 * and no page of the site sets HTML from anything but the sanitizer or the chart.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { ARTICLE_HTML_SCHEMA } from '../../src/content/html-schema.ts';
import { safeArticleTree } from '../../src/newsletter/article-markdown.ts';
import { blocksToSafeHtml } from '../../src/newsletter/sanitize.ts';
import { SITE_ROOT } from '../../src/site/astro-run.ts';
import { sanitizeBodyHtml } from '../../src/site/sanitize-body.ts';

describe('ARTICLE_HTML_SCHEMA', () => {
  it('allows no element or attribute that runs, loads, styles or frames anything', () => {
    const active = [
      'script',
      'style',
      'iframe',
      'object',
      'embed',
      'img',
      'svg',
      'math',
      'form',
      'input',
      'link',
      'meta',
      'base',
    ];
    expect(ARTICLE_HTML_SCHEMA.tagNames!.filter((tag) => active.includes(tag))).toEqual([]);
    expect(ARTICLE_HTML_SCHEMA.attributes).toEqual({
      a: ['href'],
      ol: ['start'],
      th: ['align'],
      td: ['align'],
    });
    expect(ARTICLE_HTML_SCHEMA.protocols).toEqual({ href: ['http', 'https'] });
    expect(ARTICLE_HTML_SCHEMA.allowComments ?? false).toBe(false);
  });

  it('gives the email and the site the same HTML for the same piece', () => {
    const markdown = [
      '## The week',
      'The **Russell 2000** rose _sharply_, its `best` week ([methodology](https://wirecopy.example/methodology/)).',
      '- one\n- two',
      '3. three\n4. four',
      '> “A quote.”',
      '| index | week |\n| :-- | --: |\n| Russell 2000 | up |',
      '~~gone~~',
    ].join('\n\n');
    const email = blocksToSafeHtml(safeArticleTree(markdown, 'https://wirecopy.example/').children);
    // The site's input stands for Astro's rendering: markdown to HTML, raw HTML passed through.
    const rendered = String(
      unified()
        .use(remarkParse)
        .use(remarkGfm)
        .use(remarkRehype, { allowDangerousHtml: true })
        .use(rehypeStringify, { allowDangerousHtml: true })
        .processSync(markdown),
    );
    const site = sanitizeBodyHtml(rendered);
    const tags = (html: string) => [...html.matchAll(/<([a-z0-9]+)[\s>]/g)].map((m) => m[1]);
    expect(tags(site)).toEqual(tags(email));
    expect(tags(site)).toEqual([
      'h2',
      'p',
      'strong',
      'em',
      'code',
      'a',
      'ul',
      'li',
      'li',
      'ol',
      'li',
      'li',
      'blockquote',
      'p',
      'table',
      'thead',
      'tr',
      'th',
      'th',
      'tbody',
      'tr',
      'td',
      'td',
      'p',
      'del',
    ]);
  });
});

describe('the site sets HTML only from the sanitizer or the chart', () => {
  const astroFiles = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return astroFiles(path);
      return /\.(astro|ts)$/.test(entry.name) ? [path] : [];
    });
  const files = astroFiles(join(SITE_ROOT, 'site'));

  it('every set:html is a body from bodyHtml, sanitizedHtml(...), sanitizeBodyHtml(...), the chart SVG, the brand mark or escaped JSON-LD', () => {
    const uses = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/set:html=\{([^}]*)\}/g)].map(
        (m) => `${file.slice(SITE_ROOT.length)}: ${m[1]}`,
      ),
    );
    expect(uses.length).toBeGreaterThan(0);
    for (const use of uses)
      expect(use).toMatch(
        /: (html|body|svg|(?:wide|narrow)\.svg|jsonLdScript\(\w+\)|markSvg\(\)|sanitizeBodyHtml\(.*\))$/,
      );
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      if (/set:html=\{html\}/.test(text))
        expect(text, file).toMatch(/bodyHtml\(|html: string|sanitizeBodyHtml\(|sanitizedHtml\(/);
      if (/set:html=\{body\}/.test(text))
        expect(text, file).toMatch(/const body = (?:sanitizeBodyHtml|sanitizedHtml)\(/);
      // Structured data goes out only as JSON with every `<` escaped, inside its own script type.
      if (/jsonLdScript\(/.test(text))
        expect(text, file).toMatch(/<script type="application\/ld\+json" set:html=\{jsonLdScript\(/);
      // The chart's two drawings (wide and narrow screens) come from the chart renderer only.
      for (const [, name] of text.matchAll(/set:html=\{(wide|narrow)\.svg\}/g))
        expect(text, file).toMatch(new RegExp(`const ${name} = renderChartSvg\\(`));
    }
  });

  it("no page renders a piece with Astro's render() or <Content />, which would skip the sanitizer", () => {
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/\brender\s*\(\s*(article|entry|draft|issue)|<Content\b/);
    }
  });
});
