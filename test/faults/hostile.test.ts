/**
 * Fault matrix, issue 16 item 6: script must not reach readers. Every payload of
 * test/fixtures/hostile/ is tried on each way article text reaches HTML: `check` (so `approve`
 * refuses it), the built site (pages, RSS, the search index), the newsletter email and its
 * markdown, the editors' preview in a real browser, and the generator fed a hostile quotes file.
 * The scanner (support-hostile.ts) is shown first to find each payload in HTML rendered the old
 * way, raw HTML passed through, so an empty list of findings means something.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import matter from 'gray-matter';
import type { Element } from 'hast';
import type { Root } from 'mdast';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommandContext } from '../../src/cli/context.ts';
import { type PreviewServer, startPreview } from '../../src/cli/preview.ts';
import { loadConfig } from '../../src/config.ts';
import { jsonLdScript } from '../../src/site/article-trust.ts';
import { SITE_ROOT } from '../../src/site/astro-run.ts';
import { markSvg } from '../../src/site/brand.ts';
import { FIXTURES as NEWSLETTER_FIXTURES, newsletterWorkspace } from '../newsletter/support.ts';
import {
  type BuiltSite,
  buildFixtureSite,
  FIXTURE_PUBLICATION,
  hasChromium,
  launchChromium,
  NEEDS_CHROMIUM,
} from '../site/site-fixture.ts';
import { serveStatic } from '../site/static-server.ts';
import { type Workspace, workspace } from '../support/cli.ts';
import { freePort } from '../support/free-port.ts';
import {
  executablesInHtml,
  type Finding,
  HOSTILE,
  loadHostileFields,
  loadPayloads,
  type Payload,
  scanOutputFolder,
  withPayload,
} from './support-hostile.ts';

const PAYLOADS = loadPayloads();
const FIELDS = loadHostileFields();
/** A published piece that passes the schema: the newsletter fixtures' Nov. 26 daily wrap. */
const BASE_ARTICLE = join(NEWSLETTER_FIXTURES, 'articles', '2025-11-26-daily-wrap.md');
const slugOf = (payload: Payload) => `hostile-${payload.id}`;
const SITE_NAME = loadConfig({}, {}, SITE_ROOT).publication.name;
/** The rules that refuse markup; a payload may also trip others (a date read as a number). */
const MARKUP_RULES = new Set([
  'wirecopy:raw-html',
  'wirecopy:html-comment',
  'wirecopy:encoded-html',
  'wirecopy:link-not-https',
  'wirecopy:link-not-absolute',
  'wirecopy:link-malformed',
]);

/** Numbers reported at the end (the brief asks for them): payloads, outputs scanned, findings. */
const tally = { outputs: 0, findings: 0, byKind: {} as Record<string, number>, notScanned: '' };
function record(kind: string, outputs: number, findings: Finding[]): void {
  tally.outputs += outputs;
  tally.findings += findings.length;
  tally.byKind[kind] = (tally.byKind[kind] ?? 0) + outputs;
}
afterAll(() => {
  console.info(
    `hostile corpus: ${PAYLOADS.length} body payloads + 1 piece with hostile title, summary and tags + 1 quotes file; ` +
      `${tally.outputs} outputs scanned (${Object.entries(tally.byKind)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ')}); executable outputs found: ${tally.findings}` +
      (tally.notScanned ? `; site files without article markup, not scanned: ${tally.notScanned}` : ''),
  );
});

/** The kind `scanOutputFolder` counts a file under, from the path it reports. */
function kindOf(where: string): string {
  const file = where.split(' ')[0]!;
  if (file.endsWith('.html')) return 'html';
  if (file.endsWith('.xml')) return 'feed or sitemap';
  if (file.endsWith('.pf_fragment')) return 'pagefind fragment';
  return file.slice(file.lastIndexOf('.') + 1);
}

/** A piece from the base article: `body` in place of its body, other front matter as given. */
function hostilePiece(data: Record<string, unknown>, body: (base: string) => string): string {
  const base = matter(readFileSync(BASE_ARTICLE, 'utf8'), {});
  // A field given as undefined is left out (a draft has no review yet).
  const merged = Object.fromEntries(
    Object.entries({ ...base.data, ...data }).filter(([, v]) => v !== undefined),
  );
  return matter.stringify(body(base.content), merged);
}

describe('the scanner', () => {
  it('finds every payload that is markup in the HTML the site shipped before (raw HTML passed through)', () => {
    const raw = unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(remarkRehype, { allowDangerousHtml: true })
      .use(rehypeStringify, { allowDangerousHtml: true });
    for (const payload of PAYLOADS) {
      const html = String(raw.processSync(payload.line));
      const findings = executablesInHtml(`<!doctype html><html><body>${html}</body></html>`, payload.id);
      if (payload.inert) expect(findings, payload.id).toEqual([]);
      else expect(findings.length, `${payload.id}: ${html}`).toBeGreaterThan(0);
    }
  });

  const page = (body: string, head = '') =>
    `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

  it("lets through the site's own mark exactly as drawn, and flags any change to it", () => {
    expect(executablesInHtml(page(markSvg()), 'mark')).toEqual([]);
    expect(executablesInHtml(page(markSvg().replace('<svg ', '<svg onload="alert(1)" ')), 'handler')).toEqual(
      [
        expect.objectContaining({ what: expect.stringMatching(/^SVG outside the site chart/) }),
        expect.objectContaining({ what: expect.stringMatching(/^event handler onLoad/) }),
      ],
    );
    const withScript = markSvg().replace('</svg>', '<script>alert(document.domain)</script></svg>');
    expect(executablesInHtml(page(withScript), 'script').map((f) => f.what.split(':')[0])).toEqual([
      'SVG outside the site chart',
      'inline script with a payload',
    ]);
    const moved = markSvg().replace('r="2.4"', 'r="3"');
    expect(executablesInHtml(page(moved), 'moved')).toHaveLength(1);
  });

  it('reads JSON-LD as data: an escaped payload passes, an unescaped < or a script closed early does not', () => {
    const headline = '</script><script>alert(document.domain)</script>';
    const escaped = `<script type="application/ld+json">${jsonLdScript({ headline })}</script>`;
    expect(executablesInHtml(page('', escaped), 'escaped')).toEqual([]);
    const raw = `<script type="application/ld+json">${JSON.stringify({ headline })}</script>`;
    expect(executablesInHtml(page('', raw), 'raw').map((f) => f.what.split(':')[0])).toEqual([
      'JSON-LD that is not JSON (closed early?)',
      'inline script with a payload',
    ]);
    const lt = `<script type="application/ld+json">${JSON.stringify({ headline: '<b>' })}</script>`;
    expect(executablesInHtml(page('', lt), 'lt').map((f) => f.what)).toEqual([
      'JSON-LD with an unescaped <: <script type=application/ld+json>',
    ]);
  });

  it('lets through a form only to search or the configured sign-up endpoint', () => {
    const form = (action: string) =>
      page(`<form action="${action}" method="post"><input type="email" name="email"></form>`);
    expect(executablesInHtml(form(FIXTURE_PUBLICATION.subscribe!.action), 'sign-up')).toEqual([]);
    expect(executablesInHtml(form('/search/'), 'search')).toEqual([]);
    expect(executablesInHtml(form('https://evil.example/collect'), 'elsewhere')).toHaveLength(1);
  });
});

describe('check and approve', () => {
  let ws: Workspace;
  let draftText: string;
  let draftName: string;
  const folder = join('content', 'drafts', 'hostile');

  beforeAll(async () => {
    ws = workspace('2026-11-21');
    expect((await ws.run(['run'])).code).toBe(0);
    const drafts = join(ws.dir, 'content', 'drafts');
    draftName = readdirSync(drafts).find((name) => name.endsWith('.md'))!;
    draftText = readFileSync(join(drafts, draftName), 'utf8');
    mkdirSync(join(ws.dir, folder));
    for (const payload of PAYLOADS)
      writeFileSync(join(ws.dir, folder, `${payload.id}.md`), withDraftPayload(payload));
  }, 120_000);

  /** The generated draft (which passes check) with the payload as its body's first paragraph. */
  function withDraftPayload(payload: Payload): string {
    const end = draftText.indexOf('\n---\n', 4) + 5;
    return draftText.slice(0, end) + withPayload(draftText.slice(end), payload);
  }
  const payloadLine = () => draftText.slice(0, draftText.indexOf('\n---\n', 4) + 5).split('\n').length;

  it('the generated draft itself passes, so every error below comes from a payload', async () => {
    const result = await ws.run(['check', join('content', 'drafts', draftName)]);
    expect(result.stdout).toContain('0 errors');
    expect(result.code).toBe(0);
  });

  it('regression: check fails every hostile line, at its line, with a markup rule', async () => {
    const result = await ws.run(['check', folder, '--json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as {
      files: Array<{
        file: string;
        messages: Array<{ line?: number; severity: string; rule: string; message: string; hint?: string }>;
      }>;
    };
    expect(report.files).toHaveLength(PAYLOADS.length);
    const line = payloadLine();
    for (const payload of PAYLOADS) {
      const file = report.files.find((f) => f.file.endsWith(`${payload.id}.md`))!;
      const refusals = file.messages.filter(
        (m) =>
          m.severity === 'error' &&
          MARKUP_RULES.has(m.rule) &&
          m.line !== undefined &&
          m.line >= line &&
          m.line <= line + 2,
      );
      expect(refusals.length, `${payload.id}: ${JSON.stringify(file.messages)}`).toBeGreaterThan(0);
      for (const m of refusals) expect(m.hint, `${payload.id} ${m.rule}`).toBeTruthy();
    }
  });

  it('regression: the reported comment line says what is wrong, where, and what to do', async () => {
    const path = join(folder, 'comment-then-script.md');
    const result = await ws.run(['check', path]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `${path}:${payloadLine()}:1 error wirecopy:raw-html: Raw HTML <!-- note --><script>alert(document.domain)</script> is not allowed in a piece.`,
    );
    expect(result.stdout).toContain('Write it in markdown');
  });

  it('regression: check fails a headline and summary made of markup, on their lines', async () => {
    const lines = draftText.split('\n');
    const titleLine = lines.findIndex((l) => l.startsWith('title: ')) + 1;
    const summaryLine = lines.findIndex((l) => l.startsWith('summary: ')) + 1;
    expect(lines[summaryLine]).toMatch(/^[a-z]+:/); // the summary is one line, so it can be replaced whole
    lines[titleLine - 1] = `title: ${JSON.stringify(FIELDS.title)}`;
    lines[summaryLine - 1] = `summary: ${JSON.stringify(FIELDS.summary)}`;
    const path = join(folder, '..', 'hostile-fields.md');
    writeFileSync(join(ws.dir, path), lines.join('\n'));
    const result = await ws.run(['check', path, '--json']);
    expect(result.code).toBe(1);
    const [file] = JSON.parse(result.stdout).files as Array<{
      messages: Array<{ line: number; rule: string; message: string }>;
    }>;
    const markup = file!.messages.filter((m) => m.rule === 'wirecopy:raw-html');
    expect(markup.map((m) => [m.line, m.message])).toEqual([
      [
        titleLine,
        'The title holds </title><script>alert(document.domain)</script> rise, which reads as HTML.',
      ],
      [
        summaryLine,
        // Shown from the first tag, cut to 57 characters and an ellipsis.
        `The summary holds ${FIELDS.summary.slice(FIELDS.summary.indexOf('<'), FIELDS.summary.indexOf('<') + 57)}..., which reads as HTML.`,
      ],
    ]);
  });

  it.each(PAYLOADS.map((p) => [p.id, p] as const))(
    'approve refuses the %s draft and leaves it byte for byte',
    async (_id, payload) => {
      // approve takes drafts from content/drafts itself (not a subfolder): copy the payload there.
      const path = join('content', 'drafts', `${payload.id}.md`);
      cpSync(join(ws.dir, folder, `${payload.id}.md`), join(ws.dir, path));
      const before = readFileSync(join(ws.dir, path));
      const result = await ws.run(['approve', path, '--by', 'Dana Editor', '--allow-demo']);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/was not approved: \d+ errors? found/);
      expect(readFileSync(join(ws.dir, path)).equals(before)).toBe(true);
      expect(existsSync(join(ws.dir, 'content', 'articles', `${payload.id}.md`))).toBe(false);
    },
    30_000,
  );
});

describe('the generator with a hostile quotes file', () => {
  it('regression: a hostile content/inputs/quotes.yaml puts no HTML in the draft, only escaped text and marks', async () => {
    const ws = workspace('2026-11-21');
    mkdirSync(join(ws.dir, 'content', 'inputs'), { recursive: true });
    cpSync(join(HOSTILE, 'quotes.yaml'), join(ws.dir, 'content', 'inputs', 'quotes.yaml'));
    const run = await ws.run(['run']);
    expect(run.code).toBe(0);
    const drafts = join(ws.dir, 'content', 'drafts');
    const [name] = readdirSync(drafts);
    const text = readFileSync(join(drafts, name!), 'utf8');
    const body = matter(text).content;
    expect(body).toContain('Small caps'); // the quote is in
    const tree = unified().use(remarkParse).use(remarkGfm).parse(body) as Root;
    const html: string[] = [];
    const links: string[] = [];
    visit(tree, (node) => {
      if (node.type === 'html') html.push(node.value);
      if (node.type === 'link' || node.type === 'image' || node.type === 'definition') links.push(node.url);
    });
    // The only HTML is the generator's marks; the quote's number carries a sourced mark whose
    // name lost what could close the comment.
    for (const value of html)
      expect(value, value).toMatch(/^<!--(fact:[A-Za-z0-9_.-]+|sourced: [^<>]*, 2026-11-19)-->$/);
    // The name is the quote's `who` with each `<`, `>` and `--` turned into a space.
    expect(html.filter((v) => v.startsWith('<!--sourced:'))).toEqual([
      '<!--sourced: Jane  img src=x onerror=alert(document.domain)  Analyst   script alert(document.domain) /script , 2026-11-19-->',
    ]);
    // The quote's link is the one link that is not the generator's, encoded so it stays one link.
    expect(links).toContain(
      'https://example.com/a%29%3Cscript%3Ealert%28document.domain%29%3C/script%3E[x]%28javascript:alert%28document.domain%29%29',
    );
    // Rendered, the quote is its words: the markup shows as text.
    const rendered = String(
      unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeStringify).processSync(body),
    );
    expect(rendered).toContain('“Small caps &#x3C;script>alert(document.domain)&#x3C;/script> could run 12%');
    expect(rendered).toContain('&#x26;lt;svg onload=alert(document.domain)&#x26;gt; **now**”');
    expect(executablesInHtml(rendered, name!, { fragment: true })).toEqual([]);
    // And the check says so, so the piece cannot be approved as it is.
    const check = await ws.run(['check', join('content', 'drafts', name!)]);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(
      'error wirecopy:encoded-html: The text <script>alert(document.domain)</script>',
    );
  }, 120_000);
});

describe('the built site', () => {
  let site: BuiltSite;
  let content: string;

  beforeAll(async () => {
    content = mkdtempSync(join(tmpdir(), 'wirecopy-hostile-site-'));
    const articles = join(content, 'articles');
    mkdirSync(articles, { recursive: true });
    // As if an older wirecopy had approved them: published, valid front matter, payload in the body.
    for (const payload of PAYLOADS) {
      writeFileSync(
        join(articles, `2025-11-26-${slugOf(payload)}.md`),
        hostilePiece({ slug: slugOf(payload) }, (body) => withPayload(body, payload)),
      );
    }
    writeFileSync(
      join(articles, '2025-11-26-hostile-fields.md'),
      hostilePiece(
        { slug: 'hostile-fields', title: FIELDS.title, summary: FIELDS.summary, tags: FIELDS.tags },
        (b) => b,
      ),
    );
    // A newsletter issue page carrying every payload too.
    const issue = matter(
      readFileSync(join(HOSTILE, '..', 'site', 'content', 'newsletters', '2025-11-28.md'), 'utf8'),
      {},
    );
    mkdirSync(join(content, 'newsletters'));
    writeFileSync(
      join(content, 'newsletters', '2025-11-28.md'),
      matter.stringify(PAYLOADS.map((p) => p.line).join('\n\n'), { ...issue.data, articles: [] }),
    );
    site = await buildFixtureSite('hostile', content);
    expect(site.ok, site.output).toBe(true);
  }, 600_000);

  afterAll(() => {
    site?.remove();
    if (content) rmSync(content, { recursive: true, force: true });
  });

  it('regression: no script, handler, frame or active URL reaches dist/ (pages, RSS, sitemap, search index)', () => {
    for (const payload of PAYLOADS) {
      expect(
        existsSync(join(site.outDir, 'articles', `2025-11-26-${slugOf(payload)}`, 'index.html')),
        payload.id,
      ).toBe(true);
    }
    const scan = scanOutputFolder(site.outDir);
    for (const [kind, files] of Object.entries(scan.scanned)) {
      record(
        `site ${kind}`,
        files,
        scan.findings.filter((f) => kindOf(f.where) === kind),
      );
    }
    expect(scan.findings.filter((f) => !(kindOf(f.where) in scan.scanned))).toEqual([]);
    tally.notScanned = Object.entries(scan.skipped)
      .map(([extension, files]) => `${extension} ${files}`)
      .join(', ');
    expect(scan.findings).toEqual([]);
    // Every kind of output that carries article text was read: pages, the feed, the index.
    expect(scan.scanned['html']).toBeGreaterThan(PAYLOADS.length);
    expect(scan.scanned['feed or sitemap']).toBeGreaterThan(0);
    expect(scan.scanned['pagefind fragment']).toBeGreaterThan(PAYLOADS.length);
  });

  it('prints entity-encoded tags as the text they spell, in the page and the feed', () => {
    const page = readFileSync(
      join(site.outDir, 'articles', '2025-11-26-hostile-entity-encoded-script', 'index.html'),
      'utf8',
    );
    expect(page).toContain('Encoded &#x3C;script>alert(document.domain)&#x3C;/script> as text.');
    const feed = readFileSync(join(site.outDir, 'rss.xml'), 'utf8');
    expect(feed).toContain(
      'Encoded &amp;#x3C;script&gt;alert(document.domain)&amp;#x3C;/script&gt; as text.',
    );
  });

  it('prints a headline, summary and tag made of markup as text in the title, meta tags and page', () => {
    const page = readFileSync(
      join(site.outDir, 'articles', '2025-11-26-hostile-fields', 'index.html'),
      'utf8',
    );
    expect(executablesInHtml(page, 'hostile-fields')).toEqual([]);
    const tree = unified().use(rehypeParse).parse(page);
    const texts: Record<string, string> = {};
    const metas: Record<string, string> = {};
    visit(tree, 'element', (node: Element) => {
      const text = node.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
      if (node.tagName === 'title' || node.tagName === 'h1') texts[node.tagName] = text;
      const key = node.properties['property'] ?? node.properties['name'];
      if (node.tagName === 'meta' && typeof key === 'string') metas[key] = String(node.properties['content']);
    });
    expect(texts['h1']).toBe(FIELDS.title);
    expect(texts['title']).toBe(`${FIELDS.title} | ${SITE_NAME}`);
    expect(metas['og:title']).toBe(FIELDS.title);
    expect(metas['description']).toBe(FIELDS.summary);
    expect(metas['twitter:description']).toBe(FIELDS.summary);
    const feed = readFileSync(join(site.outDir, 'rss.xml'), 'utf8');
    // Escaped twice, XML then HTML, since readers show a description (and some a title) as HTML.
    expect(feed).toContain(
      '<description>A summary that tries &amp;quot;&amp;gt;&amp;lt;img src=x onerror=alert(document.domain)&amp;gt;',
    );
    expect(feed).toContain(
      '<title>Small caps &amp;lt;/title&amp;gt;&amp;lt;script&amp;gt;alert(document.domain)',
    );
  });

  it.skipIf(!hasChromium)(
    `runs no script from the search results (${NEEDS_CHROMIUM})`,
    async () => {
      const server = await serveStatic(site.outDir);
      const browser = await launchChromium();
      const ran: string[] = [];
      try {
        const page = await browser.newPage();
        page.on('dialog', (dialog) => {
          ran.push(dialog.message());
          void dialog.dismiss();
        });
        // Every payload calls alert(document.domain): the query finds each piece that still
        // carries its words as text (the encoded ones, and the headline of the fields piece).
        await page.goto(new URL('/search/?q=alert', server.url).href);
        await page.locator('#search-results li').first().waitFor();
        const results = await page.locator('#search-results li').count();
        expect(results).toBeGreaterThan(0);
        const excerptTags = await page
          .locator('#search-results p.search-excerpt *')
          .evaluateAll((nodes) =>
            nodes.map((n) => (n as unknown as { tagName: string }).tagName.toLowerCase()),
          );
        expect(new Set(excerptTags)).toEqual(new Set(excerptTags.length > 0 ? ['mark'] : []));
        // The date line beside it is the page's own: one <time> with a plain date, nothing else.
        const dates = await page
          .locator('#search-results p.search-date')
          .evaluateAll((nodes) => nodes.map((n) => (n as unknown as { innerHTML: string }).innerHTML));
        expect(dates.length).toBeGreaterThan(0);
        for (const date of dates) {
          expect(date).toMatch(
            /^<time datetime="\d{4}-\d{2}-\d{2}">Data as of [A-Z][a-z.]+ \d{1,2}, \d{4}<\/time>$/,
          );
        }
        const html = await page.content();
        const findings = executablesInHtml(html, 'search results');
        record('search results page', 1, findings);
        expect(findings).toEqual([]);
      } finally {
        await browser.close();
        await server.close();
      }
      expect(ran).toEqual([]);
    },
    120_000,
  );
});

describe('the newsletter', () => {
  it('wirecopy newsletter puts no executable in email.html, issue.md or the archive page source', async () => {
    const ws = newsletterWorkspace();
    // An issue carries one piece per story, session and headline: each payload gets its own
    // story and headline, so every one of them is exported.
    for (const payload of PAYLOADS) {
      writeFileSync(
        join(ws.articlesDir, `2025-11-26-${slugOf(payload)}.md`),
        hostilePiece(
          { slug: slugOf(payload), story: slugOf(payload), title: `Hostile piece ${payload.id}` },
          (body) => withPayload(body, payload),
        ),
      );
    }
    writeFileSync(
      join(ws.articlesDir, '2025-11-26-hostile-fields.md'),
      hostilePiece(
        {
          slug: 'hostile-fields',
          story: 'hostile-fields',
          title: FIELDS.title,
          summary: FIELDS.summary,
          tags: FIELDS.tags,
        },
        (b) => b,
      ),
    );
    const run = await ws.run(['newsletter']);
    expect(run.stderr).not.toMatch(/error/i);
    const email = ws.read(join('.wirecopy', 'newsletter', '2025-w48', 'email.html'));
    // Every piece is in the issue, its payload paragraph first, so each payload was exported.
    for (const payload of PAYLOADS) expect(email, payload.id).toContain(`2025-11-26-${slugOf(payload)}/`);
    const asHtml = (markdown: string) =>
      String(
        unified()
          .use(remarkParse)
          .use(remarkGfm)
          .use(remarkRehype, { allowDangerousHtml: true })
          .use(rehypeStringify, { allowDangerousHtml: true })
          .processSync(markdown),
      );
    const findings = [
      ...executablesInHtml(email, 'email.html'),
      // Markdown on a platform that passes raw HTML through: nothing to pass.
      ...executablesInHtml(
        asHtml(ws.read(join('.wirecopy', 'newsletter', '2025-w48', 'issue.md'))),
        'issue.md',
        {
          fragment: true,
        },
      ),
      ...executablesInHtml(
        asHtml(matter(ws.read(join('content', 'newsletters', '2025-w48.md'))).content),
        'archive source',
        {
          fragment: true,
        },
      ),
    ];
    record('newsletter files', 3, findings);
    expect(findings).toEqual([]);
    expect(run.code).toBe(0);
  }, 120_000);
});

describe.skipIf(!hasChromium)(`the editors' preview ${NEEDS_CHROMIUM}`, () => {
  let server: PreviewServer;
  let cwd: string;
  let content: string;

  beforeAll(async () => {
    cwd = mkdtempSync(join(tmpdir(), 'wirecopy-hostile-preview-'));
    content = join(cwd, 'content');
    mkdirSync(join(content, 'drafts'), { recursive: true });
    for (const payload of PAYLOADS) {
      writeFileSync(
        join(content, 'drafts', `2025-11-26-${slugOf(payload)}.md`),
        hostilePiece({ slug: slugOf(payload), status: 'draft', review: undefined }, (body) =>
          withPayload(body, payload),
        ),
      );
    }
    writeFileSync(
      join(content, 'drafts', '2025-11-26-hostile-fields.md'),
      hostilePiece(
        {
          slug: 'hostile-fields',
          status: 'draft',
          title: FIELDS.title,
          summary: FIELDS.summary,
          tags: FIELDS.tags,
        },
        (b) => b,
      ),
    );
    const ctx = new CommandContext(
      { content },
      { cwd, env: { ...process.env }, io: { out: () => {}, err: () => {} }, now: () => new Date() },
    );
    server = await startPreview(ctx, { port: await freePort(), host: '127.0.0.1' });
  }, 120_000);

  afterAll(async () => {
    server?.stop();
    await server?.exited;
    if (cwd) rmSync(cwd, { recursive: true, force: true });
  });

  it('the browser check sees a dialog when a page does run script (the probe works)', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await page.setContent('<img src=x onerror="alert(document.domain)">');
      await page.waitForTimeout(200);
      expect(dialogs).toHaveLength(1);
    } finally {
      await browser.close();
    }
  });

  it('regression: no hostile draft runs script in the preview', async () => {
    const browser = await launchChromium();
    const ran: string[] = [];
    const findings: Finding[] = [];
    try {
      const page = await browser.newPage();
      page.on('dialog', (dialog) => {
        ran.push(`${page.url()}: ${dialog.message()}`);
        void dialog.dismiss();
      });
      const ids = [...PAYLOADS.map(slugOf), 'hostile-fields'];
      for (const id of ids) {
        const url = new URL(`/drafts/2025-11-26-${id}/`, server.url).href;
        const response = await page.goto(url, { waitUntil: 'load' });
        expect(response?.status(), id).toBe(200);
        await expect(page.locator('.draft-banner').first().textContent()).resolves.toContain(
          'Draft, not published',
        );
        // Move over the page and tab through it, for handlers that wait for a reader.
        for (let y = 50; y < 2000; y += 150) await page.mouse.move(200, y);
        for (let tab = 0; tab < 5; tab++) await page.keyboard.press('Tab');
        await page.waitForTimeout(50);
        const html = await page.content();
        findings.push(
          ...executablesInHtml(html, id).filter(
            // The dev server's own client code, not the draft's.
            (f) =>
              !/script from elsewhere: <script type=module src=\/(@vite|@id|node_modules|site)\//.test(
                f.what,
              ),
          ),
        );
        expect(page.frames(), id).toHaveLength(1);
      }
      record('preview pages', ids.length, findings);
    } finally {
      await browser.close();
    }
    expect(ran).toEqual([]);
    expect(findings).toEqual([]);
  }, 300_000);
});
