import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { beforeAll, describe, expect, it } from 'vitest';
import { newsletterFrontMatterSchema } from '../../src/content/newsletter-front-matter.ts';
import {
  byClass,
  byTag,
  findAll,
  type HtmlNode,
  ISSUE,
  type NewsletterWorkspace,
  newsletterWorkspace,
  parseHtml,
  SITE,
  squash,
  WEEK_ARTICLES,
  writeArticle,
} from './support.ts';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const UTM = { utm_source: 'newsletter', utm_medium: 'email', utm_campaign: ISSUE };

describe('wirecopy newsletter on the fixture week (default range: the last complete week)', () => {
  let ws: NewsletterWorkspace;
  let stdout: string;
  let html: string;
  let doc: HtmlNode;
  let text: string;
  let meta: {
    subject: string;
    preheader: string;
    articles: { id: string; htmlBytes: number }[];
    sizes: Record<string, number>;
  };

  beforeAll(async () => {
    ws = newsletterWorkspace();
    const run = await ws.run(['newsletter']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    stdout = run.stdout;
    html = readFileSync(join(ws.outDir, 'email.html'), 'utf8');
    doc = parseHtml(html);
    text = readFileSync(join(ws.outDir, 'email.txt'), 'utf8');
    meta = JSON.parse(readFileSync(join(ws.outDir, 'meta.json'), 'utf8'));
  });

  it('collects the published pieces of Nov. 24–30, newest first, and leaves out the week before', () => {
    expect(stdout).toContain(`Issue ${ISSUE}, Nov. 24–30, 2025: 5 article(s), newest first`);
    expect(meta.articles.map((a) => a.id)).toEqual(WEEK_ARTICLES);
    expect(html).not.toContain('2025-11-21-weekly-recap');
  });

  it('writes meta.json with the subject, the preheader and the true size of every file', () => {
    // The newest headline within 60 characters (the Nov. 28 rally's is 65), and its summary.
    expect(meta.subject).toBe('Small caps jump 5.5% on the week');
    expect(meta.preheader).toBe(
      'The Russell 2000 ended the week up 5.5% at 2,500.43, while the S&P 500 was up 3.7%.',
    );
    for (const file of ['email.html', 'email.txt', 'issue.md']) {
      expect(meta.sizes[file], file).toBe(statSync(join(ws.outDir, file)).size);
    }
    const inArticles = meta.articles.reduce((sum, a) => sum + a.htmlBytes, 0);
    expect(inArticles).toBeGreaterThan(0);
    expect(inArticles).toBeLessThan(meta.sizes['email.html']!);
  });

  it('writes the archive page content/newsletters/<id>.md in the site schema, with site-relative untagged links', () => {
    const file = matter(ws.read(`content/newsletters/${ISSUE}.md`), {});
    const front = newsletterFrontMatterSchema.parse(file.data);
    expect(front).toMatchObject({
      issueId: ISSUE,
      from: '2025-11-24',
      to: '2025-11-30',
      articles: WEEK_ARTICLES,
    });
    expect(front.title).toBe('The week of Nov. 24, 2025');
    expect(front.subject).toBe(meta.subject);
    expect(file.content).toContain('(/smallcaps/articles/2025-11-28-weekly-recap/)');
    expect(file.content).not.toContain(SITE);
    // Each piece once: one heading link and one "Read the full piece" link per article.
    for (const id of WEEK_ARTICLES) {
      expect(file.content.split(`(/smallcaps/articles/${id}/)`), id).toHaveLength(3);
    }
    expect(file.content).not.toContain('utm_');
    expect(file.content).not.toContain('Read it on the web'); // it is the web page
  });

  it('writes issue.md: same front matter, links tagged for the campaign, the chart as a table', () => {
    const file = matter(readFileSync(join(ws.outDir, 'issue.md'), 'utf8'), {});
    expect(newsletterFrontMatterSchema.parse(file.data).articles).toEqual(WEEK_ARTICLES);
    const links = [...file.content.matchAll(/\]\((https:[^)\s]+)\)/g)].map((m) =>
      m[1]!.replaceAll('\\&', '&'),
    );
    expect(links.length).toBeGreaterThanOrEqual(WEEK_ARTICLES.length * 2 + 2);
    for (const link of links) expect(Object.fromEntries(new URL(link).searchParams)).toMatchObject(UTM);
    expect(file.content).toMatch(/\| Change since Oct\. 29 +\| +\+0\.6% \| +-0\.6% \|/);
    expect(file.content).not.toContain('<!--');
  });

  describe('email.html, as an email client reads it', () => {
    it('is a table layout: presentation tables, a fluid container capped at 600 px', () => {
      const tables = findAll(doc, byTag('table'));
      const layout = tables.filter((t) => t.attributes['role'] === 'presentation');
      expect(layout.length).toBeGreaterThanOrEqual(2);
      const [container] = findAll(doc, byClass('container'));
      expect(container?.attributes['width']).toBe('100%');
      expect(container?.attributes['style']).toMatch(/max-width: 600px/);
      // Outlook ignores max-width: its conditional comment holds a fixed 600 px table.
      expect(html).toContain('<!--[if mso]><table role="presentation" width="600"');
    });

    it('inlines only what clients without <head> styles need; the rest, phone and dark mode, stays in <head> once', () => {
      const styles = findAll(doc, byTag('style'));
      expect(styles).toHaveLength(1);
      const head = styles[0]!.text;
      expect(head).toContain('@media only screen and (max-width: 620px)');
      expect(head).toContain('@media (prefers-color-scheme: dark)');
      expect(html).toContain('<meta name="color-scheme" content="light dark">');
      // The cells that hold text carry its font and colour, for clients that drop <head> styles...
      for (const name of ['masthead', 'article', 'footer']) {
        for (const cell of findAll(doc, byClass(name))) {
          expect(cell.attributes['style'], name).toMatch(/font-family: [^;]+; font-size: \d+px/);
        }
      }
      for (const link of findAll(doc, byClass('headline')).flatMap((h) => findAll(h, byTag('a')))) {
        expect(link.attributes['style']).toMatch(/color: #14213d/);
      }
      // ...and the paragraphs inherit it: no style repeated on each one (what clipped the real week).
      const paragraphs = findAll(doc, byClass('article-body')).flatMap((b) => findAll(b, byTag('p')));
      expect(paragraphs.length).toBeGreaterThan(WEEK_ARTICLES.length);
      expect(paragraphs.filter((p) => p.attributes['style'] !== undefined)).toEqual([]);
    });

    it('opens with a hidden preheader holding the lead summary', () => {
      const body = findAll(doc, byTag('body'))[0]!;
      const first = body.children[0]!;
      expect(first.attributes['class']).toBe('preheader');
      expect(first.attributes['style']).toMatch(/display: none/);
      expect(squash(first.text.replace(/[\u200c\u00a0]/g, ' '))).toBe(meta.preheader);
    });

    it('runs no script and embeds nothing: no script, iframe, object, form or image', () => {
      for (const tag of ['script', 'iframe', 'object', 'embed', 'form', 'img', 'link']) {
        expect(findAll(doc, byTag(tag)), tag).toEqual([]);
      }
    });

    it('has the masthead, then each piece: as-of stamp, linked headline, summary, excerpt, read more', () => {
      const [masthead] = findAll(doc, byClass('masthead'));
      expect(squash(masthead!.text)).toBe(
        'Small Cap Desk The week of Nov. 24, 2025 Nov. 24–30, 2025 · Read it on the web',
      );
      const pieces = findAll(doc, byClass('article'));
      expect(pieces).toHaveLength(5);
      const headlines = pieces.map((p) => findAll(p, byClass('headline'))[0]!);
      expect(headlines.map((h) => findAll(h, byTag('a'))[0]!.attributes['href']!.split('?')[0])).toEqual(
        WEEK_ARTICLES.map((id) => `${SITE}/articles/${id}/`),
      );
      expect(squash(findAll(pieces[3]!, byClass('as-of'))[0]!.text)).toBe(
        'Data as of the Nov. 25, 2025 close',
      );
      // The pattern study's colon-ended paragraph brings the list of horizons with it.
      expect(findAll(pieces[3]!, byTag('li'))).toHaveLength(4);
      for (const piece of pieces) {
        expect(squash(findAll(piece, byClass('read-more'))[0]!.text)).toBe('Read the full piece →');
        expect(findAll(piece, byClass('article-body'))[0]!.text).not.toMatch(
          /Data as of|Sources:|investment advice/,
        );
      }
    });

    it("shows the weekly recap's chart as a table: sampled closes and each series' change", () => {
      const [chart] = findAll(doc, byClass('chart'));
      expect(squash(findAll(chart!, byTag('caption'))[0]!.text)).toBe(
        'Russell 2000 vs S&P 500 over the last 21 sessions',
      );
      const rows = findAll(chart!, byTag('tr')).map((tr) =>
        findAll(tr, (n) => n.name === 'td' || n.name === 'th').map((c) => squash(c.text)),
      );
      expect(rows[0]).toEqual(['Date', 'Russell 2000', 'S&P 500']);
      expect(rows[1]).toEqual(['Oct. 29', '2,484.81', '6,890.59']);
      expect(rows.at(-2)).toEqual(['Nov. 28', '2,500.43', '6,849.09']);
      expect(rows.at(-1)).toEqual(['Change since Oct. 29', '+0.6%', '-0.6%']);
      expect(rows).toHaveLength(8); // heading, 6 sampled dates, change
    });

    it('prints the disclaimers once, in the footer, and an unsubscribe merge tag', () => {
      const [footer] = findAll(doc, byClass('footer'));
      expect(footer!.text).toContain('is not investment advice');
      expect(footer!.text).toContain('What followed earlier occurrences of a pattern'); // a pattern study is in
      expect(html.match(/not investment advice/g)).toHaveLength(1);
      const unsubscribe = findAll(footer!, byTag('a')).find((a) => squash(a.text) === 'Unsubscribe');
      expect(unsubscribe?.attributes['href']).toBe('{{unsubscribe_url}}');
    });

    it('leaves no fact marks or export markers behind', () => {
      expect(html).not.toContain('<!--fact:');
      expect(html).not.toContain('<!--wc:');
    });

    it('tags every link for the campaign and points it at the site', () => {
      const links = findAll(doc, (n) => n.attributes['href'] !== undefined).map((n) => n.attributes['href']!);
      expect(links.length).toBe(WEEK_ARTICLES.length * 2 + 5); // + home, web ×2, methodology, unsubscribe
      for (const href of links.filter((h) => h !== '{{unsubscribe_url}}')) {
        const url = new URL(href);
        expect(url.href.startsWith(`${SITE}/`), href).toBe(true);
        expect(Object.fromEntries(url.searchParams), href).toEqual(UTM);
      }
    });
  });

  describe('email.txt, read on its own', () => {
    it('is plain text: no tags, no fact marks, lines of at most 72 characters but the link list', () => {
      expect(text).not.toMatch(/<[a-z!/]/i);
      const [body] = text.split('\nLinks:\n');
      const long = body!.split('\n').filter((line) => line.length > 72);
      expect(long).toEqual([]);
    });

    it('underlines each headline and numbers its link as a footnote', () => {
      const lines = text.split('\n');
      for (const id of WEEK_ARTICLES) {
        const title = headlineOf(id);
        const at = lines.findIndex((line) => line.startsWith(title.slice(0, 30)));
        const underlineAt = lines.findIndex((line, i) => i > at && /^-+$/.test(line));
        const heading = lines.slice(at, underlineAt);
        expect(heading.join(' '), id).toMatch(new RegExp(`^${escapeRegExp(title)} \\[\\d+\\]$`));
        expect(lines[underlineAt]!.length).toBe(Math.max(...heading.map((l) => l.length)));
        const note = /\[(\d+)\]$/.exec(heading.at(-1)!)![1];
        expect(lines).toContain(
          `[${note}] ${SITE}/articles/${id}/?utm_source=newsletter&utm_medium=email&utm_campaign=${ISSUE}`,
        );
      }
    });

    it('lists every footnote once, numbered in order, each referenced in the text', () => {
      const [body, list] = text.split('\nLinks:\n') as [string, string];
      const entries = list.trim().split('\n');
      expect(entries.map((e) => Number(/^\[(\d+)\] /.exec(e)?.[1]))).toEqual(entries.map((_, i) => i + 1));
      expect(new Set(entries.map((e) => e.split(' ')[1])).size).toBe(entries.length);
      for (const n of entries.keys()) expect(body).toContain(`[${n + 1}]`);
      expect(text).toContain('Unsubscribe: {{unsubscribe_url}}');
    });

    it('keeps the chart as an aligned table', () => {
      expect(text).toContain(
        'Date                  Russell 2000   S&P 500\nOct. 29                   2,484.81  6,890.59',
      );
      // The whole chart's move, labelled by its span: not the day's move (2,500.43 / 2,484.81 - 1).
      expect(text).toContain('Change since Oct. 29         +0.6%     -0.6%');
    });
  });

  function headlineOf(id: string): string {
    const headline = findAll(doc, byClass('headline')).find((h) =>
      findAll(h, byTag('a'))[0]!.attributes['href']!.includes(`/articles/${id}/`),
    );
    return squash(headline!.text);
  }
});

describe('choosing the issue', () => {
  it('takes --from/--to, names a range that is not one week by both ends, and titles it by the range', async () => {
    const ws = newsletterWorkspace();
    const run = await ws.run(['newsletter', '--from', '2025-11-21', '--to', '2025-11-24', '--out', 'out']);
    expect(run.code).toBe(0);
    const meta = JSON.parse(ws.read('out/meta.json'));
    expect(meta.issueId).toBe('2025-11-21-to-2025-11-24');
    expect(meta.title).toBe('Nov. 21–24, 2025');
    expect(meta.articles.map((a: { id: string }) => a.id)).toEqual([
      '2025-11-24-small-cap-rally',
      '2025-11-21-weekly-recap',
    ]);
    expect(existsSync(join(ws.dir, 'content', 'newsletters', '2025-11-21-to-2025-11-24.md'))).toBe(true);
  });

  it('--title sets the title and the subject', async () => {
    const ws = newsletterWorkspace();
    const run = await ws.run(['newsletter', '--title', "Small caps' best week in a year"]);
    expect(run.code).toBe(0);
    const meta = JSON.parse(readFileSync(join(ws.outDir, 'meta.json'), 'utf8'));
    expect(meta).toMatchObject({
      title: "Small caps' best week in a year",
      subject: "Small caps' best week in a year",
    });
    expect(run.stdout).not.toContain('subject-length');
  });

  it('leaves out pieces not marked published', async () => {
    const ws = newsletterWorkspace();
    writeArticle(ws, { asOf: '2025-11-26', slug: 'not-yet', body: 'Not published.', status: 'approved' });
    const run = await ws.run(['newsletter']);
    expect(run.code).toBe(0);
    expect(JSON.parse(readFileSync(join(ws.outDir, 'meta.json'), 'utf8')).articles).toHaveLength(5);
  });

  it('a week without published pieces exits 1 and writes nothing', async () => {
    const ws = newsletterWorkspace('2025-12-10'); // last complete week: Dec. 1–7
    const run = await ws.run(['newsletter']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('No published article has an as-of date in Dec. 1–7, 2025');
    expect(run.stderr).toContain('What to do:');
    expect(existsSync(join(ws.dir, '.wirecopy', 'newsletter'))).toBe(false);
    expect(existsSync(join(ws.dir, 'content', 'newsletters'))).toBe(false);
  });

  it('an unreadable article dated in the range stops the export (exit 2); one outside it is a warning', async () => {
    const ws = newsletterWorkspace();
    const broken = writeArticle(ws, { asOf: '2025-11-10', slug: 'broken', body: 'x' });
    const text = readFileSync(broken, 'utf8').replace(/^slug: .*$/m, 'slug: Not A Slug');
    writeFileSync(broken, text);
    const outside = await ws.run(['newsletter']);
    expect(outside.code).toBe(0);
    expect(outside.stdout).toMatch(
      /warning article: content\/articles\/2025-11-10-broken\.md front matter is not valid: slug/,
    );

    renameSync(broken, join(ws.articlesDir, '2025-11-25-broken.md'));
    const inside = await ws.run(['newsletter']);
    expect(inside.code).toBe(2);
    expect(inside.stderr).toContain('2025-11-25-broken.md: front matter is not valid');
  });

  it.each([
    [['--from', '2025-11-24'], 'Give both --from and --to'],
    [['--from', '2025-11-31', '--to', '2025-12-01'], '--from 2025-11-31 is not a YYYY-MM-DD date'],
    [['--from', '2025-11-30', '--to', '2025-11-24'], 'is after --to'],
    [['--paragraphs', '0'], '--paragraphs 0 is not a whole number'],
    [['--title', ' '], '--title is empty'],
  ])('usage error %j exits 2', async (args, message) => {
    const ws = newsletterWorkspace();
    const run = await ws.run(['newsletter', ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(existsSync(join(ws.dir, '.wirecopy', 'newsletter'))).toBe(false);
  });
});
