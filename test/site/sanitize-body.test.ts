/**
 * The site's body sanitizer (src/site/sanitize-body.ts) on HTML as Astro's markdown processor
 * writes it: raw HTML from the markdown is copied into that output as it was typed, so each
 * input here is what a hostile draft line becomes, and each expected output is written by hand
 * from the schema in src/content/html-schema.ts.
 */
import { describe, expect, it } from 'vitest';
import { printsDisclaimer, sanitizedHtml } from '../../site/lib/article-html.ts';
import { sanitized } from '../../site/lib/sanitized-glob.ts';
import { PRINTS_DISCLAIMER } from '../../src/site/body-disclaimer.ts';
import { SANITIZED_BY, sanitizeBodyHtml } from '../../src/site/sanitize-body.ts';
import { threadedSanitizer } from '../../src/site/sanitizer-thread.ts';

const HOSTILE: Array<[name: string, html: string, expected: string]> = [
  ['a script after a comment', '<!-- note --><script>alert(document.domain)</script><p>ok</p>', '<p>ok</p>'],
  ['an event handler', '<p><img src=x onerror="alert(1)">text</p>', '<p>text</p>'],
  ['a javascript: link', '<p><a href="javascript:alert(1)">click</a></p>', '<p><a>click</a></p>'],
  ['a data: link', '<p><a href="data:text/html,<script>alert(1)</script>">x</a></p>', '<p><a>x</a></p>'],
  ['an SVG with onload', '<svg onload="alert(1)"><script>alert(2)</script></svg><p>t</p>', '<p>t</p>'],
  ['an iframe', '<iframe src="https://evil.example/"></iframe><p>t</p>', '<p>t</p>'],
  ['a style with url()', '<p style="background:url(javascript:alert(1))">t</p>', '<p>t</p>'],
  [
    'a comment that closes early',
    '<p>1%<!--sourced: x--><script>alert(1)</script>, 2025-01-01--></p>',
    '<p>1%, 2025-01-01--></p>',
  ],
  [
    'entity-encoded tags, which stay text',
    '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>',
    '<p>&#x3C;script>alert(1)&#x3C;/script></p>',
  ],
  [
    'a table cell alignment style',
    '<table><tr><td style="text-align: right">1</td></tr></table>',
    '<table><tbody><tr><td>1</td></tr></tbody></table>',
  ],
];

describe('sanitizeBodyHtml', () => {
  it.each(HOSTILE)('removes %s', (_name, html, expected) => {
    expect(sanitizeBodyHtml(html)).toBe(expected);
  });

  it('keeps the fact marks, and only those, for the page to strip or highlight', () => {
    expect(sanitizeBodyHtml('<p>up 8.5%<!--fact:RUT.return.5d--><!-- editor note --></p>')).toBe(
      '<p>up 8.5%<!--fact:RUT.return.5d--></p>',
    );
  });

  it('keeps the prose structure the generator writes', () => {
    const html =
      '<h2 id="the-week">The week</h2>\n<p>The <strong>Russell 2000</strong> rose, <a href="https://wirecopy.example/methodology/">see how</a>.</p>\n<hr>\n<ul>\n<li><em>one</em></li>\n</ul>\n<blockquote>\n<p>“quoted”</p>\n</blockquote>';
    expect(sanitizeBodyHtml(html)).toBe(html.replace(' id="the-week"', ''));
  });
});

describe('threadedSanitizer (the content layer sanitizes on a second thread)', () => {
  it('answers every hostile body as sanitizeBodyHtml does, from the second thread', async () => {
    const sanitizer = threadedSanitizer();
    try {
      const answers = await Promise.all(HOSTILE.map(([, html]) => sanitizer.sanitize(html)));
      expect(answers).toEqual(HOSTILE.map(([, , expected]) => expected));
      expect(sanitizer.answeredOnThread).toBe(HOSTILE.length);
    } finally {
      await sanitizer.close();
    }
  });

  it('still sanitizes after the thread is closed, on the calling thread', async () => {
    const sanitizer = threadedSanitizer();
    await sanitizer.close();
    const [, html, expected] = HOSTILE[0]!;
    expect(await sanitizer.sanitize(html)).toBe(expected);
    expect(sanitizer.answeredOnThread).toBe(0);
  });
});

describe('sanitizedHtml (site/lib/article-html.ts)', () => {
  it('sanitizes a body the content layer did not mark as sanitized', () => {
    // Expected: the script goes, as in the first case above.
    const entry = { id: 'x', rendered: { html: '<script>alert(1)</script><p>ok</p>' } };
    expect(sanitizedHtml(entry)).toBe('<p>ok</p>');
  });

  it("takes a body sanitized in the content layer as stored, and only with the loader's mark", () => {
    // A stored body is printed as the loader left it: a mark that says so skips the second pass
    // (shown here with HTML the sanitizer would change, so the test sees which path ran).
    const html = '<p style="color:red">t</p>';
    const marked = { id: 'x', rendered: { html, metadata: { [SANITIZED_BY]: 'fingerprint' } } };
    expect(sanitizedHtml(marked)).toBe(html);
    expect(sanitizedHtml({ id: 'x', rendered: { html, metadata: {} } })).toBe('<p>t</p>');
    expect(sanitizedHtml({ id: 'x' })).toBeUndefined();
  });
});

describe('the entry the content layer stores (site/lib/sanitized-glob.ts)', () => {
  it("holds the sanitized HTML and its mark, and not Astro's second copy of the front matter", () => {
    const entry = {
      id: '2025-11-28-daily-wrap',
      data: { title: 'Small caps rise' },
      digest: 'abc',
      rendered: {
        html: '<script>alert(1)</script><p>ok</p>',
        metadata: { frontmatter: { title: 'Small caps rise' }, headings: [], imagePaths: [] },
      },
    };
    expect(sanitized(entry, '<p>ok</p>', 'fp')).toEqual({
      id: '2025-11-28-daily-wrap',
      data: { title: 'Small caps rise' },
      digest: 'abc',
      rendered: { html: '<p>ok</p>', metadata: { headings: [], imagePaths: [], [SANITIZED_BY]: 'fp' } },
    });
  });

  it('keeps, for a published piece, whether its body prints the disclaimer instead of its markdown', () => {
    const disclaimer = 'Not investment advice.';
    const piece = (body: string) => ({
      id: 'x',
      data: {},
      body,
      rendered: { html: '<p>ok</p>', metadata: { frontmatter: {} } },
    });
    // The first body ends with the disclaimer in italics, which counts (body-disclaimer.ts); the
    // second never prints it.
    const printed = sanitized(piece('Up 2%.\n\n_Not investment advice._\n'), '<p>ok</p>', 'fp', {
      disclaimer,
    });
    const silent = sanitized(piece('Up 2%.\n'), '<p>ok</p>', 'fp', { disclaimer });
    expect(printed).toEqual({
      id: 'x',
      data: {},
      rendered: { html: '<p>ok</p>', metadata: { [SANITIZED_BY]: 'fp', [PRINTS_DISCLAIMER]: true } },
    });
    expect(silent.rendered?.metadata?.[PRINTS_DISCLAIMER]).toBe(false);
    // The page and the feed read the stored answer, and the markdown only when none is stored.
    expect(printsDisclaimer(printed, disclaimer)).toBe(true);
    expect(printsDisclaimer(silent, disclaimer)).toBe(false);
    expect(printsDisclaimer({ body: 'Not investment advice.' }, disclaimer)).toBe(true);
    expect(printsDisclaimer({ body: 'Up.' }, disclaimer)).toBe(false);
  });
});
